import { awsStepHandler } from '../lib/composition/aws.js';

/** Every workflow step's Lambda: the stack tells each function its step (AFTERCALL_STEP); the steps are in lib/app/steps/workflowSteps.ts. */
export const handler = awsStepHandler();
