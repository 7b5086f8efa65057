import type { z } from 'zod';
import { StepInputSchema } from '../../domain/meetings/schema.js';
import type { StepDeps } from '../../domain/workflow/StepDeps.js';
import { checkTranscription, CheckTranscriptionInputSchema } from '../../domain/workflow/steps/checkTranscription.js';
import { indexStep } from '../../domain/workflow/steps/indexStep.js';
import { intake } from '../../domain/workflow/steps/intake.js';
import { publish, PublishInputSchema } from '../../domain/workflow/steps/publish.js';
import { recordFailure, RecordFailureInputSchema } from '../../domain/workflow/steps/recordFailure.js';
import { transcribe, TranscribeInputSchema } from '../../domain/workflow/steps/transcribe.js';
import { translate, TranslateInputSchema } from '../../domain/workflow/steps/translate.js';
import { understand } from '../../domain/workflow/steps/understand.js';
import { stepHandler, type DepsProvider, type StepHandler } from './stepHandler.js';

/** One workflow step: what its Task receives, the domain function it runs, and what its Lambda needs. */
export interface WorkflowStep<S extends z.ZodType = z.ZodType> {
  input: S;
  run: (deps: StepDeps, input: z.infer<S>) => Promise<unknown>;
  /** The name its log lines and spans carry; unset, the step's name. */
  traceName?: string;
  /** On AWS: its function's memory and time limit (transcription waits on providers, understanding on a model). */
  lambda: { memoryMb: number; timeoutSeconds: number };
  /** Calls a provider, so its function may read the provider keys (only these steps may). */
  readsProviderKeys?: boolean;
}

const step = <S extends z.ZodType>(definition: WorkflowStep<S>): WorkflowStep => definition as unknown as WorkflowStep;

/**
 * Every step of state-machines/post-call.asl.json, by the function name its Tasks name
 * (`${<name>FunctionArn}`). The local runner maps each Task to its step from here; CDK makes one
 * Lambda per entry (lambdas/workflowStep.ts, told its step by AFTERCALL_STEP).
 */
export const WORKFLOW_STEPS = {
  Intake: step({ input: StepInputSchema, run: intake, lambda: { memoryMb: 512, timeoutSeconds: 60 } }),
  Transcribe: step({ input: TranscribeInputSchema, run: transcribe, lambda: { memoryMb: 1024, timeoutSeconds: 900 }, readsProviderKeys: true }),
  CheckTranscription: step({ input: CheckTranscriptionInputSchema, run: checkTranscription, lambda: { memoryMb: 256, timeoutSeconds: 60 } }),
  Translate: step({ input: TranslateInputSchema, run: translate, traceName: 'TranslateLanguage', lambda: { memoryMb: 512, timeoutSeconds: 900 }, readsProviderKeys: true }),
  Understand: step({ input: StepInputSchema, run: understand, lambda: { memoryMb: 1024, timeoutSeconds: 900 }, readsProviderKeys: true }),
  Index: step({ input: StepInputSchema, run: indexStep, lambda: { memoryMb: 1024, timeoutSeconds: 300 }, readsProviderKeys: true }),
  Publish: step({ input: PublishInputSchema, run: publish, lambda: { memoryMb: 512, timeoutSeconds: 120 } }),
  RecordFailure: step({ input: RecordFailureInputSchema, run: recordFailure, lambda: { memoryMb: 256, timeoutSeconds: 60 } }),
} as const satisfies Record<string, WorkflowStep>;

/** The Lambda behind each ASL Task: `${IntakeFunctionArn}` names "Intake". */
export type TaskFunctionName = keyof typeof WORKFLOW_STEPS;
export const TASK_FUNCTION_NAMES = Object.keys(WORKFLOW_STEPS) as TaskFunctionName[];

export const isTaskFunctionName = (name: string): name is TaskFunctionName => Object.hasOwn(WORKFLOW_STEPS, name);

/** A step as Lambda runs it and the local runner calls it: the same middy chain. */
export function workflowStepHandler(name: TaskFunctionName, getDeps: DepsProvider): StepHandler<unknown> {
  const { input, run, traceName } = WORKFLOW_STEPS[name];
  return stepHandler(traceName ?? name, input, run, getDeps);
}
