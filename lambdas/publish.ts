import { publish, PublishInputSchema } from '../lib/domain/workflow/steps/publish.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createPublishHandler = (getDeps: DepsProvider) => stepHandler('Publish', PublishInputSchema, publish, getDeps);
export const handler = createPublishHandler(productionDeps);
