/**
 * The settings of one CRM connection, validated with zod at the edge (admin API, stored config)
 * and turned into an adapter. These objects hold secrets: never send them to browsers or logs.
 */
import { z } from 'zod'
import { createAmoCrmAdapter } from './amocrm/index.ts'
import { createBitrix24Adapter } from './bitrix24/index.ts'
import type { HttpFn } from './http/index.ts'
import { createHubSpotAdapter } from './hubspot/index.ts'
import { createTrytonAdapter } from './tryton/index.ts'
import type { CrmAdapter } from './types.ts'
import { createWebhookAdapter } from './webhook/index.ts'

const whsec = z.string().regex(/^whsec_[A-Za-z0-9+/=]{32,}$/, 'whsec_ followed by base64')

export const crmConnectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bitrix24'), webhookUrl: z.url() }),
  z.object({
    kind: z.literal('amocrm'),
    baseUrl: z.url(),
    token: z.string().min(20),
    pipelineId: z.number().int().positive().optional(),
    statusId: z.number().int().positive().optional(),
    tags: z.array(z.string().min(1).max(50)).max(10).optional(),
    trackingFields: z.boolean().optional(),
    /** Issue 6, item 4: send Kommo's duplicate-control metadata with each lead. */
    duplicateControl: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('hubspot'),
    token: z.string().min(20),
    leadIdProperty: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional(),
  }),
  z.object({
    kind: z.literal('webhook'),
    url: z.url({ protocol: /^https?$/ }),
    secret: whsec,
    previousSecret: z.object({ secret: whsec, until: z.number().int() }).optional(),
  }),
  z.object({
    kind: z.literal('tryton'),
    /** The server and database, e.g. https://erp.example.com/acme. */
    url: z.url({ protocol: /^https?$/ }),
    user: z.string().min(1),
    password: z.string().min(1),
  }),
])

export type CrmConnection = z.infer<typeof crmConnectionSchema>

export interface CrmDeps {
  http?: HttpFn
  now?: () => number
  timeoutMs?: number
}

export function createCrmAdapter(connection: CrmConnection, deps: CrmDeps = {}): CrmAdapter {
  switch (connection.kind) {
    case 'bitrix24':
      return createBitrix24Adapter({ ...connection, ...deps })
    case 'amocrm':
      return createAmoCrmAdapter({ ...connection, ...deps })
    case 'hubspot':
      return createHubSpotAdapter({ ...connection, ...deps })
    case 'webhook':
      return createWebhookAdapter({ ...connection, ...deps })
    case 'tryton':
      return createTrytonAdapter({ ...connection, ...deps })
  }
}
