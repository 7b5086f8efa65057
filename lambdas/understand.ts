import { StepInputSchema } from '../lib/domain/meetings/schema.js';
import { understand } from '../lib/domain/workflow/steps/understand.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createUnderstandHandler = (getDeps: DepsProvider) => stepHandler('Understand', StepInputSchema, understand, getDeps);
export const handler = createUnderstandHandler(productionDeps);
