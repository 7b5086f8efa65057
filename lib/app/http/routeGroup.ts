import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { ErrorSchema } from './apiSchemas.js';
import type { ApiEnv } from './authContext.js';

/**
 * A router for one group of API routes. A request that fails its schema throws, so every group's
 * validation failures go through the one error mapping (errorResponse): 400 with the reasons.
 */
export function routeGroup(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw result.error;
    },
  });
}

/** An OpenAPI response with a JSON body of `schema`. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });

/** An OpenAPI error response: the JSON error every route answers with. */
export const failure = (description: string) => json(ErrorSchema, description);
