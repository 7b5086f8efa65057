import { StepInputSchema } from '../lib/domain/meetings/schema.js';
import { indexStep } from '../lib/domain/workflow/steps/indexStep.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createIndexHandler = (getDeps: DepsProvider) => stepHandler('Index', StepInputSchema, indexStep, getDeps);
export const handler = createIndexHandler(productionDeps);
