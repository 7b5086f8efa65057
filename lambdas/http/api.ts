import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { once } from '../../lib/platform/once.js';
import { productionConfig, productionDeps } from '../shared/productionDeps.js';
import { createApiApp } from './apiApp.js';
import { awsControlPlane, stateMachineArnFrom } from './awsControlPlane.js';

/** Built on the first request (it reads the provider secret) and kept for the container's life. */
const appHandler = once(async () => {
  const [config, deps] = await Promise.all([productionConfig(), productionDeps()]);
  const plane = awsControlPlane(config, deps, stateMachineArnFrom(config));
  // Lambda sends stderr to the function's log group.
  return handle(createApiApp(plane, (message, error) => console.error(message, error), { audioUrlSecret: config.AFTERCALL_AUDIO_URL_SECRET }));
});

/** API Gateway (HTTP API, payload 2.0) → the Hono app: webhooks, provider callbacks and the API. */
export const handler = async (event: LambdaEvent, context: Context) => (await appHandler())(event, context);
