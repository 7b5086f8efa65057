import { RELATIVE_LINKS } from '../../domain/meetings/links.js';
import { listTenantActionItems } from '../../domain/meetings/actionItemsAcross.js';
import type { ControlPlane } from '../ControlPlane.js';
import { ActionItemsQuery, ActionItemsResponse } from './apiSchemas.js';
import { apiRoute, AUTH_ERRORS, failure, json, routeGroup } from './routeGroup.js';

const listActionItems = apiRoute({
  operationId: 'listActionItems',
  method: 'get',
  path: '/action-items',
  summary: "action items across the tenant's meetings, soonest due first",
  request: { query: ActionItemsQuery },
  responses: { 200: json(ActionItemsResponse, 'a page of action items'), 400: failure('bad filter or cursor'), ...AUTH_ERRORS },
});

export const actionItemOperations = [listActionItems];

/** The tenant's work list: action items of every meeting, each linking to the moment it was said. */
export function actionItemRoutes(plane: ControlPlane) {
  const app = routeGroup();
  const links = plane.links ?? RELATIVE_LINKS;

  app.openapi(listActionItems, async (c) => {
    const { owner, due_before: dueBefore, limit, cursor } = c.req.valid('query');
    const page = await listTenantActionItems(plane.blobs, c.get('auth').tenantId, {
      limit,
      ...(owner === undefined ? {} : { owner }),
      ...(dueBefore === undefined ? {} : { dueBefore }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    return c.json({ ...page, actionItems: page.actionItems.map((item) => ({ ...item, link: links.moment(item.meetingId, item.startMs) })) }, 200);
  });

  return app;
}
