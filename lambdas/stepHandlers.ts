import { createCheckTranscriptionHandler } from './checkTranscription.js';
import { createIndexHandler } from './indexStep.js';
import { createIntakeHandler } from './intake.js';
import { createPublishHandler } from './publish.js';
import { createRecordFailureHandler } from './recordFailure.js';
import type { DepsProvider, StepHandler } from './shared/stepHandler.js';
import { createTranscribeHandler } from './transcribe.js';
import { createTranslateHandler } from './translate.js';
import { createUnderstandHandler } from './understand.js';

/**
 * Task state name → handler, for every Task in state-machines/post-call.asl.json. The local
 * runner maps each Task to these; CDK points each Task's Resource at the Lambda built from
 * the same file.
 */
export function stepHandlersByTaskState(getDeps: DepsProvider): Record<string, StepHandler<unknown>> {
  return {
    Intake: createIntakeHandler(getDeps),
    Transcribe: createTranscribeHandler(getDeps),
    TranscribeWithSecondary: createTranscribeHandler(getDeps),
    CheckLostTranscription: createCheckTranscriptionHandler(getDeps),
    TranslateLanguage: createTranslateHandler(getDeps),
    Understand: createUnderstandHandler(getDeps),
    Index: createIndexHandler(getDeps),
    Publish: createPublishHandler(getDeps),
    RecordFailure: createRecordFailureHandler(getDeps),
  };
}
