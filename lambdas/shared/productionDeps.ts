import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnTaskTokens } from '../../lib/adapters/stepfunctions/SfnTaskTokens.js';
import { buildStepDeps } from '../../lib/app/buildStepDeps.js';
import { loadConfig } from '../../lib/config/config.js';
import type { StepDeps } from '../../lib/domain/workflow/StepDeps.js';

let deps: Promise<StepDeps> | undefined;

/** Built on the first invocation and kept for the life of the Lambda container. */
export const productionDeps = (): Promise<StepDeps> => {
  deps ??= (async () => {
    const config = loadConfig();
    return buildStepDeps(config, { taskTokens: new SfnTaskTokens(new SFNClient({ region: config.AWS_REGION })) });
  })();
  return deps;
};
