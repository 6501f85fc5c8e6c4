/**
 * Route-table entries of the delivery log (issue 6, items 2 and 5; contract C4), spread into
 * `routes` in server/http/route-table.ts. Handlers: server/http/routes/crm-deliveries.ts.
 */
import { z } from 'zod'
import type { RouteSpec } from '../http/route-table.ts'

function route<const S extends RouteSpec>(spec: S): S {
  return spec
}

export const deliveryStatusSchema = z.enum(['pending', 'delivered', 'dead'])

export const crmDeliverySchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  /** Null when the connection was removed since. */
  connectionName: z.string().nullable(),
  topic: z.enum([
    'lead.chat',
    'lead.callback',
    'lead.form',
    'conversation.closed',
    'conversation.transferred',
    'conversation.assigned',
  ]),
  subjectId: z.string().describe('Conversation, callback or form submission id'),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.number().int().nullable(),
  deliveredAt: z.number().int().nullable(),
  crmId: z.string().nullable(),
  createdAt: z.number().int(),
})

export const crmDeliveryListQuery = z.object({
  status: deliveryStatusSchema.optional(),
  subjectId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Only the deliveries of one conversation, callback or form submission: its lead, transcript, transfers (issue 6, item 2)',
    ),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .describe('At most this many, newest first (default 100, max 500)'),
})

export const crmDeliveryRoutes = {
  listCrmDeliveries: route({
    id: 'listCrmDeliveries',
    method: 'get',
    path: '/api/admin/crm/deliveries',
    summary: 'The CRM delivery log of the workspace: status, attempts, last error; by status or subject',
    tag: 'admin',
    auth: 'admin',
    query: crmDeliveryListQuery,
    responses: { 200: z.object({ deliveries: z.array(crmDeliverySchema) }) },
  }),
  replayCrmDelivery: route({
    id: 'replayCrmDelivery',
    method: 'post',
    path: '/api/admin/crm/deliveries/:id/replay',
    summary: 'Send a dead-lettered delivery again (back to pending, attempts reset)',
    tag: 'admin',
    auth: 'admin',
    responses: { 200: z.object({ delivery: crmDeliverySchema }) },
    errors: [404, 409],
  }),
} as const
