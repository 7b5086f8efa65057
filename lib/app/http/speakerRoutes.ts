import { confirmSpeakerNames } from '../../domain/meetings/confirmSpeakerNames.js';
import { renameSpeakers, SpeakerNamesSchema } from '../../domain/meetings/renameSpeakers.js';
import type { ControlPlane } from '../ControlPlane.js';
import { ConfirmSpeakerNamesBody, ConfirmSpeakerNamesResponse, MeetingIdParams, RunResponse, SpeakersBody } from './apiSchemas.js';
import { recordAs } from './auditActor.js';
import { requireAdmin } from './requireApiKey.js';
import { ADMIN_ERRORS, apiRoute, failure, json, routeGroup } from './routeGroup.js';

const renameSpeakersRoute = apiRoute({
  operationId: 'renameSpeakers',
  method: 'put',
  path: '/meetings/{id}/speakers',
  summary: 'admin: name diarised speakers',
  request: { params: MeetingIdParams, body: { content: { 'application/json': { schema: SpeakersBody } }, required: false } },
  responses: { 202: json(RunResponse, 'renaming'), 400: failure('bad names'), 404: failure('no such meeting'), ...ADMIN_ERRORS },
});

const confirmSpeakerNamesRoute = apiRoute({
  operationId: 'confirmSpeakerNames',
  method: 'post',
  path: '/meetings/{id}/speakers/confirm',
  summary: 'admin: apply the proposed speaker names (all open ones, or those of the speakers given) through the speaker rename',
  request: { params: MeetingIdParams, body: { content: { 'application/json': { schema: ConfirmSpeakerNamesBody } }, required: false } },
  responses: { 202: json(ConfirmSpeakerNamesResponse, 'renaming'), 400: failure('bad body'), 404: failure('no such meeting or proposal'), ...ADMIN_ERRORS },
});

export const speakerOperations = [renameSpeakersRoute, confirmSpeakerNamesRoute];

/** Admins name a meeting's diarised speakers, by hand or by confirming proposed names; both rerun what shows names. */
export function speakerRoutes(plane: ControlPlane) {
  const app = routeGroup();

  app.openapi(renameSpeakersRoute, async (c) => {
    requireAdmin(c);
    const names = SpeakerNamesSchema.parse(await c.req.json().catch(() => null));
    const meetingId = c.req.valid('param').id;
    const run = await renameSpeakers(plane, { tenantId: c.get('auth').tenantId, meetingId, names });
    await recordAs(plane.audit, c.get('auth'), {
      action: 'meeting.renameSpeakers',
      target: { type: 'meeting', id: meetingId },
      details: { names: Object.entries(names).map(([speaker, name]) => `${speaker}=${name}`), runId: run.executionName },
    });
    return c.json({ runId: run.executionName }, 202);
  });

  app.openapi(confirmSpeakerNamesRoute, async (c) => {
    requireAdmin(c);
    const body = ConfirmSpeakerNamesBody.parse(await c.req.json().catch(() => ({})));
    const confirmed = await confirmSpeakerNames(plane, {
      tenantId: c.get('auth').tenantId,
      meetingId: c.req.valid('param').id,
      ...(body.speakerIds === undefined ? {} : { speakerIds: body.speakerIds }),
      now: plane.clock(),
    });
    await recordAs(plane.audit, c.get('auth'), {
      action: 'meeting.renameSpeakers',
      target: { type: 'meeting', id: c.req.valid('param').id },
      details: { names: Object.entries(confirmed.names).map(([speaker, name]) => `${speaker}=${name}`), runId: confirmed.executionName, confirmedProposals: true },
    });
    return c.json({ runId: confirmed.executionName, names: confirmed.names }, 202);
  });

  return app;
}
