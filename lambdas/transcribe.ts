import { transcribe, TranscribeInputSchema } from '../lib/domain/workflow/steps/transcribe.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createTranscribeHandler = (getDeps: DepsProvider) => stepHandler('Transcribe', TranscribeInputSchema, transcribe, getDeps);
export const handler = createTranscribeHandler(productionDeps);
