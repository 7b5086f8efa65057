import type { OpenAPIHono } from '@hono/zod-openapi';
import { audioUrlSecret } from '../../domain/auth/audioUrlKey.js';
import type { ControlPlane } from '../ControlPlane.js';
import { actionItemRoutes } from './actionItemRoutes.js';
import { apiDocument } from './apiDocument.js';
import { registerAskRoute } from './askRoute.js';
import { auditRoutes } from './auditRoutes.js';
import type { ApiEnv } from './authContext.js';
import { BODY_LIMITS, limitBody } from './bodyLimits.js';
import { editRoutes } from './editRoutes.js';
import { exportRoutes } from './exportRoutes.js';
import { meetingAdminRoutes } from './meetingAdminRoutes.js';
import { meetingLookup } from './meetingLookup.js';
import { meetingRoutes } from './meetingRoutes.js';
import { recordingRoutes } from './recordingRoutes.js';
import { requireApiKey } from './requireApiKey.js';
import { routeGroup } from './routeGroup.js';
import { searchRoutes } from './searchRoutes.js';
import { shareLinkRoutes } from './shareLinkRoutes.js';
import { sharedRoutes } from './sharedRoutes.js';
import { signedAudioLink } from './signedAudioLink.js';
import { speakerRoutes } from './speakerRoutes.js';
import { subscriptionRoutes } from './subscriptionRoutes.js';
import { whoAmIRoute } from './whoAmIRoute.js';

export interface ApiRoutesOptions {
  /** Signs audio URLs (config AFTERCALL_AUDIO_URL_SECRET); unset, a key kept in the bucket does. */
  audioUrlSecret?: string | undefined;
}

/**
 * The tenant-scoped API, mounted at /api: each resource's routes live in their own module, and
 * apiDocument describes them all. Every route reads its tenant from the caller's API key
 * (`c.get('auth')`), never from the request, so one tenant's key reaches nothing of another's:
 * someone else's meeting id is a 404, exactly like an id that does not exist.
 */
export function apiRoutes(plane: ControlPlane, options: ApiRoutesOptions = {}): OpenAPIHono<ApiEnv> {
  const app = routeGroup();
  const lookup = meetingLookup(plane.blobs);
  const signingSecret = () => audioUrlSecret(plane.blobs, options.audioUrlSecret);

  // First, so that no route (nor the key check) reads more than an API request can hold.
  app.use('*', limitBody(BODY_LIMITS.api));
  // Before the key check: the document describes the API and holds no data.
  app.get('/openapi.json', (c) => c.json(apiDocument()));
  // Before the key check too: an <audio src> cannot send a key, so a signed URL stands for one.
  app.use('/meetings/:id/audio', signedAudioLink(plane, signingSecret, lookup));
  // And a share link's token opens its one meeting's read routes, nothing else.
  app.route('/', sharedRoutes(plane, { signingSecret }));
  app.use('*', requireApiKey(plane.blobs));

  app.route('/', meetingRoutes(plane, lookup));
  app.route('/', recordingRoutes(plane, lookup, signingSecret));
  app.route('/', meetingAdminRoutes(plane));
  app.route('/', speakerRoutes(plane));
  app.route('/', actionItemRoutes(plane));
  app.route('/', searchRoutes(plane));
  registerAskRoute(app, plane, lookup);
  app.route('/', auditRoutes(plane.audit));
  app.route('/', editRoutes(plane));
  app.route('/', shareLinkRoutes(plane, lookup));
  app.route('/', exportRoutes(plane, lookup));
  app.route('/', whoAmIRoute());
  // Behind the same API-key check: CRM webhook subscriptions and their delivery log.
  if (plane.deliveries !== null) app.route('/', subscriptionRoutes({ blobs: plane.blobs, deliveries: plane.deliveries, clock: plane.clock, receivers: plane.receivers }));

  return app;
}
