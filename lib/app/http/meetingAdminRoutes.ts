import { grantConsent } from '../../domain/consent/grantConsent.js';
import { deleteMeeting } from '../../domain/meetings/deleteMeeting.js';
import { reprocessMeeting } from '../../domain/meetings/reprocessMeeting.js';
import type { ControlPlane } from '../ControlPlane.js';
import { ConsentResponse, DeleteResponse, MeetingIdParams, ReprocessBody, ReprocessResponse } from './apiSchemas.js';
import { recordAs } from './auditActor.js';
import { requireAdmin } from './requireApiKey.js';
import { ADMIN_ERRORS, apiRoute, failure, json, routeGroup } from './routeGroup.js';

const deleteMeetingRoute = apiRoute({
  operationId: 'deleteMeeting',
  method: 'delete',
  path: '/meetings/{id}',
  summary: "admin: delete a meeting's results, catalog entry and search documents (the recording stays)",
  request: { params: MeetingIdParams },
  responses: { 200: json(DeleteResponse, 'deleted'), 404: failure('no such meeting'), 409: failure('still processing'), ...ADMIN_ERRORS },
});

const reprocessMeetingRoute = apiRoute({
  operationId: 'reprocessMeeting',
  method: 'post',
  path: '/meetings/{id}/reprocess',
  summary: 'admin: run a meeting again, whole or from a step',
  request: { params: MeetingIdParams, body: { content: { 'application/json': { schema: ReprocessBody } }, required: false } },
  responses: { 202: json(ReprocessResponse, 'started'), 400: failure('bad step'), 404: failure('no such meeting'), ...ADMIN_ERRORS },
});

const recordConsent = apiRoute({
  operationId: 'recordConsent',
  method: 'post',
  path: '/meetings/{id}/consent',
  summary: "admin: record that the meeting's participants agreed to its processing; a meeting awaiting consent starts its run",
  request: { params: MeetingIdParams },
  responses: { 200: json(ConsentResponse, 'recorded (and the run started, if the meeting was waiting)'), 404: failure('no such meeting, or its recording was deleted while it waited'), ...ADMIN_ERRORS },
});

export const meetingAdminOperations = [deleteMeetingRoute, reprocessMeetingRoute, recordConsent];

/** Admins' actions on a whole meeting: delete its results, run it again, record consent. Each is in the audit log. */
export function meetingAdminRoutes(plane: ControlPlane) {
  const app = routeGroup();

  app.openapi(deleteMeetingRoute, async (c) => {
    requireAdmin(c);
    const deleted = await deleteMeeting(plane, { tenantId: c.get('auth').tenantId, meetingId: c.req.valid('param').id });
    await recordAs(plane.audit, c.get('auth'), {
      action: 'meeting.delete',
      target: { type: 'meeting', id: deleted.meetingId },
      details: { deletedObjects: deleted.deletedObjects, recordingKey: deleted.recordingKey },
    });
    return c.json(
      {
        meetingId: deleted.meetingId,
        deleted: true as const,
        deletedObjects: deleted.deletedObjects,
        recordingKey: deleted.recordingKey,
        recordingKept: true as const,
        message: `deleted the results of ${deleted.meetingId}; the recording ${deleted.recordingKey} is kept (delete it from the bucket yourself, or reprocess to rebuild the results)`,
      },
      200,
    );
  });

  app.openapi(reprocessMeetingRoute, async (c) => {
    requireAdmin(c);
    // Validated here rather than by the route: an empty body means "from the start".
    const body = ReprocessBody.parse(await c.req.json().catch(() => ({})));
    const started = await reprocessMeeting(plane, { tenantId: c.get('auth').tenantId, meetingId: c.req.valid('param').id, from: body.from });
    await recordAs(plane.audit, c.get('auth'), {
      action: 'meeting.reprocess',
      target: { type: 'meeting', id: started.meetingId },
      details: { from: body.from, runId: started.executionName },
    });
    return c.json({ meetingId: started.meetingId, runId: started.executionName }, 202);
  });

  app.openapi(recordConsent, async (c) => {
    requireAdmin(c);
    const { tenantId, keyId } = c.get('auth');
    const granted = await grantConsent(plane, { tenantId, meetingId: c.req.valid('param').id, source: 'api', recordedBy: keyId });
    const { grantedAt, source, recordedBy } = granted.consent;
    await recordAs(plane.audit, c.get('auth'), {
      action: 'consent.record',
      target: { type: 'meeting', id: granted.consent.meetingId },
      details: { source, grantedAt, runId: granted.started?.executionName ?? null },
    });
    return c.json({ meetingId: granted.consent.meetingId, consent: { grantedAt, source, recordedBy }, runId: granted.started?.executionName ?? null }, 200);
  });

  return app;
}
