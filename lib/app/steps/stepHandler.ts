import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { inStepSpan } from '../../adapters/otel/stepSpan.js';
import type { Telemetry } from '../../adapters/otel/Telemetry.js';
import type { StepDeps } from '../../domain/workflow/StepDeps.js';
import { lambdaLogger as logger } from '../lambdaLogger.js';
import { zodInput } from './zodInput.js';

export type DepsProvider = () => Promise<StepDeps & { telemetry?: Telemetry | null }>;

/** A workflow step as Lambda runs it and as the local runner calls it: the same middy chain. */
export type StepHandler<TResult> = (event: unknown, context: Context) => Promise<TResult>;

/**
 * Wraps one domain step: validate the event, run the step with its ports, log failures with
 * their error name (the name is what the state machine's Retry and Catch match on). With
 * tracing on, the whole invocation (its log lines too) runs in the step's span.
 */
export function stepHandler<S extends z.ZodType, TResult>(
  stepName: string,
  schema: S,
  step: (deps: StepDeps, input: z.infer<S>) => Promise<TResult>,
  getDeps: DepsProvider,
): StepHandler<TResult> {
  const handler = middy<unknown, TResult>()
    .use(injectLambdaContext(logger(), { resetKeys: true }))
    .use(zodInput(schema))
    .use({
      after: () => {
        logger().info(`step ${stepName} finished`);
      },
      onError: (request) => {
        const error = request.error;
        logger().error(`step ${stepName} failed`, { errorName: error?.name, errorMessage: error?.message });
      },
    })
    .handler(async (event) => step(await getDeps(), event as z.infer<S>));
  return async (event, context) => {
    // Deps that cannot be built fail inside the chain, where the failure is logged.
    const telemetry = await getDeps().then((deps) => deps.telemetry ?? null, () => null);
    return telemetry === null ? handler(event, context) : inStepSpan(telemetry, stepName, event, () => handler(event, context));
  };
}
