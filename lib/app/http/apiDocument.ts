import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { actionItemOperations } from './actionItemRoutes.js';
import { askOperations } from './askRoute.js';
import { auditOperations } from './auditRoutes.js';
import { editOperations } from './editRoutes.js';
import { exportOperations } from './exportRoutes.js';
import { liveOperations } from './liveRoutes.js';
import { meetingAdminOperations } from './meetingAdminRoutes.js';
import { meetingOperations } from './meetingRoutes.js';
import { recordingOperations } from './recordingRoutes.js';
import { searchOperations } from './searchRoutes.js';
import { shareLinkOperations } from './shareLinkRoutes.js';
import { sharedOperations } from './sharedRoutes.js';
import { speakerOperations } from './speakerRoutes.js';
import { subscriptionOperations } from './subscriptionRoutes.js';
import { whoAmIOperations } from './whoAmIRoute.js';

/** Where the paths below are served: every API path is under /api on the server's origin. */
export const API_BASE_PATH = '/api';

/**
 * Every operation of the API, as each route module describes and registers it; only GET
 * /openapi.json, this document itself, is left out. test/app/http/openApiDocument.test.ts fails
 * when a served /api route is missing here.
 */
const OPERATIONS: readonly RouteConfig[] = [
  ...meetingOperations,
  ...recordingOperations,
  ...meetingAdminOperations,
  ...speakerOperations,
  ...editOperations,
  ...exportOperations,
  ...shareLinkOperations,
  ...sharedOperations,
  ...actionItemOperations,
  ...searchOperations,
  ...askOperations,
  ...auditOperations,
  ...subscriptionOperations,
  ...liveOperations,
  ...whoAmIOperations,
];

let built: ReturnType<OpenAPIHono['getOpenAPI31Document']> | undefined;

/**
 * The API's OpenAPI 3.1 document, from the same zod schemas the routes validate with. It needs no
 * running service: `npm run lint:api` lints it and `npm run gen:api` generates the web UI's types from it.
 */
export function apiDocument() {
  if (built !== undefined) return built;
  const app = new OpenAPIHono();
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'an API key, ak_<keyId>_<secret>' });
  registry.registerComponent('securitySchemes', 'shareLink', { type: 'http', scheme: 'bearer', description: "a share link's token, sl_<linkId>_<secret>: opens the /shared routes of its one meeting" });
  for (const operation of OPERATIONS) registry.registerPath(operation);
  built = app.getOpenAPI31Document(DOCUMENT_CONFIG);
  return built;
}

const DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'aftercall API',
    version: '1',
    description: 'Post-call meeting intelligence, tenant-scoped by API key.',
  },
  servers: [{ url: API_BASE_PATH, description: 'the server this document was read from' }],
};
