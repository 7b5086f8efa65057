import { checkTranscription, CheckTranscriptionInputSchema } from '../lib/domain/workflow/steps/checkTranscription.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createCheckTranscriptionHandler = (getDeps: DepsProvider) => stepHandler('CheckTranscription', CheckTranscriptionInputSchema, checkTranscription, getDeps);
export const handler = createCheckTranscriptionHandler(productionDeps);
