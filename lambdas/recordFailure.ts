import { recordFailure, RecordFailureInputSchema } from '../lib/domain/workflow/steps/recordFailure.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createRecordFailureHandler = (getDeps: DepsProvider) =>
  stepHandler('RecordFailure', RecordFailureInputSchema, recordFailure, getDeps);
export const handler = createRecordFailureHandler(productionDeps);
