import { translate, TranslateInputSchema } from '../lib/domain/workflow/steps/translate.js';
import { productionDeps } from './shared/productionDeps.js';
import { stepHandler, type DepsProvider } from './shared/stepHandler.js';

export const createTranslateHandler = (getDeps: DepsProvider) => stepHandler('TranslateLanguage', TranslateInputSchema, translate, getDeps);
export const handler = createTranslateHandler(productionDeps);
