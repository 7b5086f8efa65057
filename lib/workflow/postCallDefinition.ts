import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one definition of the workflow: run by the local runner, deployed by CDK. */
export const POST_CALL_DEFINITION_PATH = fileURLToPath(new URL('../../state-machines/post-call.asl.json', import.meta.url));

export const readPostCallDefinition = (): Record<string, unknown> =>
  JSON.parse(readFileSync(POST_CALL_DEFINITION_PATH, 'utf8')) as Record<string, unknown>;
