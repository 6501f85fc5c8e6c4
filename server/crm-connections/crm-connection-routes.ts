/**
 * Route-table entries of the CRM connections admin API (issue "Leads to CRM", items 5 and 6),
 * spread into `routes` in server/http/route-table.ts so mounting, validation, OpenAPI and the
 * workspace-isolation test all see them.
 */
import type { RouteSpec } from '../http/route-table.ts'
import * as s from './crm-connection-schemas.ts'

function route<const S extends RouteSpec>(spec: S): S {
  return spec
}

export const crmConnectionRoutes = {
  listCrmConnections: route({
    id: 'listCrmConnections',
    method: 'get',
    path: '/api/admin/crm/connections',
    summary: 'CRM connections of the workspace (secrets masked)',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.crmConnectionListResponse },
  }),
  createCrmConnection: route({
    id: 'createCrmConnection',
    method: 'post',
    path: '/api/admin/crm/connections',
    summary: 'Add a CRM connection (a webhook without a secret gets a generated one)',
    tag: 'admin',
    auth: 'admin',
    body: s.createCrmConnectionBody,
    responses: { 201: s.crmConnectionResponse },
    errors: [400],
  }),
  getCrmConnection: route({
    id: 'getCrmConnection',
    method: 'get',
    path: '/api/admin/crm/connections/:id',
    summary: 'One CRM connection (secrets masked)',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.crmConnectionResponse },
    errors: [404],
  }),
  updateCrmConnection: route({
    id: 'updateCrmConnection',
    method: 'patch',
    path: '/api/admin/crm/connections/:id',
    summary:
      'Change a CRM connection; a secret sent back masked keeps the stored one, a new webhook secret starts a rotation',
    tag: 'admin',
    auth: 'admin',
    body: s.updateCrmConnectionBody,
    responses: { 200: s.crmConnectionResponse },
    errors: [400, 404],
  }),
  deleteCrmConnection: route({
    id: 'deleteCrmConnection',
    method: 'delete',
    path: '/api/admin/crm/connections/:id',
    summary: 'Remove a CRM connection',
    tag: 'admin',
    auth: 'admin',
    responses: { 204: undefined },
    errors: [404],
  }),
  testCrmConnection: route({
    id: 'testCrmConnection',
    method: 'post',
    path: '/api/admin/crm/connections/:id/test',
    summary: "Check a saved connection's credentials with a harmless request to the CRM",
    tag: 'admin',
    auth: 'admin',
    responses: { 200: s.crmConnectionTestResponse },
    errors: [404],
  }),
} as const
