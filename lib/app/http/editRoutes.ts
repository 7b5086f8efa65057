import type { OpenAPIHono } from '@hono/zod-openapi';
import { enqueueActionItemUpdated } from '../../domain/crm/actionItemUpdatedEvent.js';
import { correctTranscriptLine } from '../../domain/edits/correctTranscriptLine.js';
import { editActionItem } from '../../domain/edits/editActionItem.js';
import { correctionApplies } from '../../domain/edits/lineCorrections.js';
import { readMeetingEdits } from '../../domain/edits/meetingEdits.js';
import { ManifestSchema } from '../../domain/meetings/manifestSchema.js';
import { resultFiles, resultKey } from '../../domain/meetings/resultKeys.js';
import { findCatalogEntry } from '../../domain/meetings/catalogReads.js';
import { MeetingNotFoundError } from '../../domain/meetings/meetingErrors.js';
import { TranscriptSchema } from '../../domain/transcript/schema.js';
import { findJsonIfValid } from '../../domain/jsonBlobs.js';
import { indexStoredMeeting } from '../../domain/workflow/indexStoredMeeting.js';
import type { ControlPlane } from '../ControlPlane.js';
import { MeetingIdParams } from './apiSchemas.js';
import { actorOf, recordAs } from './auditActor.js';
import type { ApiEnv, AuthContext } from './authContext.js';
import {
  ActionItemEditBody,
  ActionItemEditResponse,
  ActionItemParams,
  MeetingEditsResponse,
  TranscriptLineEditBody,
  TranscriptLineEditResponse,
  TranscriptLineParams,
} from './editSchemas.js';
import { requireAdmin } from './requireApiKey.js';
import { apiRoute, failure, json, routeGroup } from './routeGroup.js';

const EDIT_ERRORS = {
  400: failure('a body that is not a valid edit'),
  401: failure('missing or invalid API key'),
  404: failure('no such meeting (in your tenant), or no such item or line'),
  409: failure('the item or line changed since the version you quote, or the meeting has no results to edit yet'),
  413: failure('body too large'),
} as const;

/** Who may edit what: action items are everyone's work list; the transcript and speaker names are the record, kept by admins. */
const permissionsOf = (auth: AuthContext) => ({ actionItems: true, transcript: auth.role === 'admin', speakers: auth.role === 'admin' });

const listMeetingEditsRoute = apiRoute({
  operationId: 'listMeetingEdits',
  method: 'get',
  path: '/meetings/{id}/edits',
  summary: "people's edits of the meeting (who, when, what), and what the caller's key may edit",
  request: { params: MeetingIdParams },
  responses: { 200: json(MeetingEditsResponse, 'the edits'), ...EDIT_ERRORS },
});

const editActionItemRoute = apiRoute({
  operationId: 'editActionItem',
  method: 'patch',
  path: '/meetings/{id}/action-items/{itemId}',
  summary: 'tick (done), reword, reassign or re-date an action item (members and admins); sends action_item.updated to CRM subscriptions that asked for it',
  request: { params: ActionItemParams, body: { content: { 'application/json': { schema: ActionItemEditBody } }, required: true } },
  responses: { 200: json(ActionItemEditResponse, 'the item as it now reads'), ...EDIT_ERRORS },
});

const correctTranscriptLineRoute = apiRoute({
  operationId: 'correctTranscriptLine',
  method: 'patch',
  path: '/meetings/{id}/transcript/{utteranceId}',
  summary: "admin: correct a transcript line's text; the transcript as transcribed stays beside it, and search, downloads and a rerun of Understand read the correction",
  request: { params: TranscriptLineParams, body: { content: { 'application/json': { schema: TranscriptLineEditBody } }, required: true } },
  responses: { 200: json(TranscriptLineEditResponse, 'the line as it now reads'), 403: failure('needs an admin key'), ...EDIT_ERRORS },
});

export const editOperations = [listMeetingEditsRoute, editActionItemRoute, correctTranscriptLineRoute];

/**
 * People's edits of a meeting's results: tick, reword, reassign and re-date action items; correct
 * transcript lines. Kept in edits.json beside the results (never in them, so reruns keep them),
 * recorded in the audit log, and followed by a reindex of the meeting so search reads them.
 */
export function editRoutes(plane: ControlPlane): OpenAPIHono<ApiEnv> {
  const app = routeGroup();

  const entryOr404 = async (tenantId: string, meetingId: string) => {
    const entry = await findCatalogEntry(plane.blobs, tenantId, meetingId);
    if (entry === null) throw new MeetingNotFoundError(`no meeting ${meetingId}`);
    return entry;
  };
  // Search reads edits from the index: a failure there leaves the edit saved and says the index is behind.
  const reindex = async (tenantId: string, resultPrefix: string): Promise<'updated' | 'stale'> => {
    try {
      await indexStoredMeeting({ blobs: plane.blobs, embedder: plane.embedder, index: plane.vectorIndex }, tenantId, resultPrefix);
      return 'updated';
    } catch (error) {
      console.error('reindex after an edit failed', error);
      return 'stale';
    }
  };

  app.openapi(
    listMeetingEditsRoute,
    async (c) => {
      const auth = c.get('auth');
      const entry = await entryOr404(auth.tenantId, c.req.valid('param').id);
      const [edits, transcript] = await Promise.all([
        readMeetingEdits(plane.blobs, entry.resultPrefix, entry.meetingId),
        findJsonIfValid(plane.blobs, resultKey(entry.resultPrefix, resultFiles.transcriptJson), TranscriptSchema),
      ]);
      const machineText = new Map((transcript?.utterances ?? []).map((u) => [u.id, u.text]));
      const transcriptLines = edits.transcriptLines.map((line) => ({ ...line, applied: correctionApplies(line, machineText.get(line.utteranceId) ?? '\u0000') }));
      return c.json({ permissions: permissionsOf(auth), actionItems: edits.actionItems, transcriptLines }, 200);
    },
  );

  app.openapi(
    editActionItemRoute,
    async (c) => {
      const auth = c.get('auth');
      const { id, itemId } = c.req.valid('param');
      const { version, ...changes } = c.req.valid('json');
      const entry = await entryOr404(auth.tenantId, id);
      const edited = await editActionItem(plane, { meeting: entry, itemId, version, changes, actor: actorOf(auth) });
      const editId = edited.item.edit?.id ?? itemId;
      await recordAs(plane.audit, auth, {
        action: 'meeting.edit',
        target: { type: 'meeting', id: entry.meetingId },
        details: { what: 'actionItem', itemId, editId, version: edited.item.edit?.version ?? 0, fields: edited.fields },
        // The log and the edit name the same moment.
        ...(edited.item.edit === null ? {} : { at: new Date(edited.item.edit.editedAt) }),
      });
      if (plane.deliveries !== null) {
        const manifest = await findJsonIfValid(plane.blobs, resultKey(entry.resultPrefix, resultFiles.manifest), ManifestSchema);
        const meeting = { meetingId: entry.meetingId, tenantId: entry.tenantId, recordingKey: entry.recordingKey, runId: manifest?.runId ?? entry.meetingId };
        const context = { title: entry.title, ...(plane.links === undefined ? {} : { links: plane.links }) };
        await enqueueActionItemUpdated({ blobs: plane.blobs, deliveries: plane.deliveries, clock: plane.clock }, meeting, edited.item, edited.fields, edited.generatedBy, context);
      }
      return c.json({ actionItem: edited.item, searchIndex: await reindex(auth.tenantId, entry.resultPrefix) }, 200);
    },
  );

  app.openapi(
    correctTranscriptLineRoute,
    async (c) => {
      requireAdmin(c);
      const auth = c.get('auth');
      const { id, utteranceId } = c.req.valid('param');
      const { version, text } = c.req.valid('json');
      const entry = await entryOr404(auth.tenantId, id);
      const corrected = await correctTranscriptLine(plane, { meeting: entry, utteranceId, version, text, actor: actorOf(auth) });
      const newVersion = corrected.correction?.version ?? 0;
      await recordAs(plane.audit, auth, {
        action: 'meeting.edit',
        target: { type: 'meeting', id: entry.meetingId },
        details: { what: 'transcriptLine', utteranceId, version: newVersion, removed: corrected.correction === null },
        ...(corrected.correction === null ? {} : { at: new Date(corrected.correction.editedAt) }),
      });
      const { utteranceId: line, text: now, originalText } = corrected;
      return c.json({ utteranceId: line, text: now, originalText, version: newVersion, searchIndex: await reindex(auth.tenantId, entry.resultPrefix) }, 200);
    },
  );

  return app;
}
