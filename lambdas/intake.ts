import { StepInputSchema } from '../lib/domain/meetings/schema.js';
import { intake } from '../lib/domain/workflow/steps/intake.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createIntakeHandler = (getDeps: DepsProvider) => stepHandler('Intake', StepInputSchema, intake, getDeps);
export const handler = createIntakeHandler(productionDeps);
