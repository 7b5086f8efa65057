import type { Context } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { awsHttpApp } from '../../lib/composition/aws.js';
import { once } from '../../lib/platform/once.js';

/** Built on the first request (it reads the provider secret) and kept for the container's life. */
const appHandler = once(async () => handle(await awsHttpApp()));

/** API Gateway (HTTP API, payload 2.0) → the Hono app: webhooks, provider callbacks and the API. */
export const handler = async (event: LambdaEvent, context: Context) => (await appHandler())(event, context);
