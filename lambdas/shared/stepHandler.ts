import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import type { StepDeps } from '../../lib/domain/workflow/StepDeps.js';
import { lambdaLogger as logger } from './logger.js';
import { zodInput } from './zodInput.js';

export type DepsProvider = () => Promise<StepDeps>;

/** A workflow step as Lambda runs it and as the local runner calls it: the same middy chain. */
export type StepHandler<TResult> = (event: unknown, context: Context) => Promise<TResult>;

/**
 * Wraps one domain step: validate the event, run the step with its ports, log failures with
 * their error name (the name is what the state machine's Retry and Catch match on).
 */
export function stepHandler<S extends z.ZodType, TResult>(
  stepName: string,
  schema: S,
  step: (deps: StepDeps, input: z.infer<S>) => Promise<TResult>,
  getDeps: DepsProvider,
): StepHandler<TResult> {
  return middy<unknown, TResult>()
    .use(injectLambdaContext(logger(), { resetKeys: true }))
    .use(zodInput(schema))
    .use({
      onError: (request) => {
        const error = request.error;
        logger().error(`step ${stepName} failed`, { errorName: error?.name, errorMessage: error?.message });
      },
    })
    .handler(async (event) => step(await getDeps(), event as z.infer<S>));
}
