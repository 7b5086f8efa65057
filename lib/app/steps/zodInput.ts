import type middy from '@middy/core';
import { z } from 'zod';
import { InvalidStepInputError } from '../../domain/errors.js';

/**
 * Validates the event against a schema and replaces it with the parsed value. A bad event is a
 * final error with a readable message: retrying the same input cannot fix it.
 */
export function zodInput<S extends z.ZodType>(schema: S): middy.MiddlewareObj<unknown, unknown> {
  return {
    before: (request) => {
      const parsed = schema.safeParse(request.event);
      if (!parsed.success) {
        throw new InvalidStepInputError(`invalid step input: ${z.prettifyError(parsed.error)}`);
      }
      request.event = parsed.data;
    },
  };
}
