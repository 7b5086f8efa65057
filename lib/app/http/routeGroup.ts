import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Env } from 'hono';
import type { z } from 'zod';
import { ErrorSchema } from './apiSchemas.js';
import type { ApiEnv } from './authContext.js';

/**
 * A router for one group of API routes. A request that fails its schema throws, so every group's
 * validation failures go through the one error mapping (errorResponse): 400 with the reasons.
 */
export function routeGroup<E extends Env = ApiEnv>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw result.error;
    },
  });
}

/** An OpenAPI response with a JSON body of `schema`. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });

/** An OpenAPI error response: the JSON error every route answers with. */
export const failure = (description: string) => json(ErrorSchema, description);

export const AUTH_ERRORS = { 401: failure('missing or invalid API key') } as const;
export const ADMIN_ERRORS = { ...AUTH_ERRORS, 403: failure('needs an admin key') } as const;
/** What every route that finds a meeting by id (meetingLookup) answers for an erased one: 410 with its tombstone. */
export const MEETING_GONE = failure('the meeting was erased (retention): when, why and from which stores');
/** An API key in `Authorization: Bearer ak_…` (the `apiKey` scheme of apiDocument). */
export const API_KEY = [{ apiKey: [] }];

/**
 * One route of the API document: a key by default, and an operationId, which generated clients
 * (web/src/api/schema.d.ts) name their calls by, so it is required and stays stable.
 */
export const apiRoute = <R extends RouteConfig & { operationId: string }>(config: R) => createRoute({ security: API_KEY, ...config });
