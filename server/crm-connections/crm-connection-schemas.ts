/**
 * Request and response shapes of the CRM connections admin API (issue "Leads to CRM", items 5
 * and 6), used by the route table for validation and the OpenAPI document. Secrets in requests are
 * plain strings here (the page sends masked values back); `resolveConnectionInput` checks the
 * merged result against `crmConnectionSchema`.
 */
import { z } from 'zod'
import { LEAD_SOURCES, leadRulesSchema, RECOGNISED_CLIENT_MODES } from '../leads/lead-rules-schema.ts'

const secretText = z.string().trim().min(1).max(2000)
const name = z.string().trim().min(1).max(120)
const timestamp = z.number().int().describe('Milliseconds since the Unix epoch')

export const crmConnectionInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('bitrix24'),
    webhookUrl: secretText.describe('Incoming-webhook URL (a secret)'),
  }),
  z.object({
    kind: z.literal('amocrm'),
    baseUrl: z.url(),
    token: secretText.describe('Long-lived token (a secret)'),
    pipelineId: z.number().int().positive().optional(),
    statusId: z.number().int().positive().optional(),
    tags: z.array(z.string().min(1).max(50)).max(10).optional(),
    trackingFields: z.boolean().optional(),
    duplicateControl: z
      .boolean()
      .optional()
      .describe(
        "Send Kommo's duplicate-control metadata: a duplicate merges into the existing lead; Kommo files such leads as incoming leads",
      ),
  }),
  z.object({
    kind: z.literal('hubspot'),
    token: secretText.describe('Private app token (a secret)'),
    leadIdProperty: z.string().max(100).optional(),
  }),
  z.object({
    kind: z.literal('webhook'),
    url: secretText.describe('Receiver URL (treated as a secret)'),
    secret: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('whsec_… signing secret; empty keeps the stored one or, on create, generates one'),
  }),
  z.object({
    kind: z.literal('tryton'),
    url: z.url(),
    user: z.string().trim().min(1).max(200),
    password: secretText.describe('A secret'),
  }),
])

/** Openline lead field (or form answer label) → CRM field name. */
const fieldMap = z
  .record(z.string().trim().min(1).max(200), z.string().trim().min(1).max(200))
  .refine((map) => Object.keys(map).length <= 100, 'At most 100 mapped fields')
/** Operator id → CRM user id. */
const userMap = z
  .record(z.string().min(1).max(64), z.string().trim().min(1).max(64))
  .refine((map) => Object.keys(map).length <= 1000, 'At most 1000 operators')

/** Issue 6, item 1: which leads go to this connection; fields left out take their defaults. */
const leadRules = leadRulesSchema.describe(
  'Lead rules: which sources, lines and widgets make leads here, and what a recognised client gets',
)

export const createCrmConnectionBody = z.object({
  name,
  enabled: z.boolean().optional(),
  settings: crmConnectionInput,
  fieldMap: fieldMap.optional(),
  userMap: userMap.optional(),
  leadRules: leadRules.optional(),
})

export const updateCrmConnectionBody = z.object({
  name: name.optional(),
  enabled: z.boolean().optional(),
  settings: crmConnectionInput.optional(),
  fieldMap: fieldMap.optional(),
  userMap: userMap.optional(),
  leadRules: leadRules.optional().describe('Replaces the stored rules whole'),
})

const masked = z.string().describe('Masked: secrets never leave the server once saved')

export const maskedCrmSettings = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bitrix24'), webhookUrl: masked }),
  z.object({
    kind: z.literal('amocrm'),
    baseUrl: z.string(),
    token: masked,
    pipelineId: z.number().optional(),
    statusId: z.number().optional(),
    tags: z.array(z.string()).optional(),
    trackingFields: z.boolean().optional(),
    duplicateControl: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('hubspot'), token: masked, leadIdProperty: z.string().optional() }),
  z.object({
    kind: z.literal('webhook'),
    url: masked,
    secret: masked,
    previousSecret: z
      .object({ secret: masked, until: timestamp })
      .optional()
      .describe('After a rotation the previous secret keeps signing until `until`'),
  }),
  z.object({ kind: z.literal('tryton'), url: z.string(), user: z.string(), password: masked }),
])

export const publicCrmConnection = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  settings: maskedCrmSettings,
  fieldMap: z.record(z.string(), z.string()),
  userMap: z.record(z.string(), z.string()),
  leadRules: z.object({
    sources: z.array(z.enum(LEAD_SOURCES)),
    lineIds: z.array(z.string()),
    widgetIds: z.array(z.string()),
    recognisedClient: z.enum(RECOGNISED_CLIENT_MODES),
  }),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type PublicCrmConnection = z.infer<typeof publicCrmConnection>

export const crmConnectionResponse = z.object({ connection: publicCrmConnection })
export const crmConnectionListResponse = z.object({ connections: z.array(publicCrmConnection) })
export const crmConnectionTestResponse = z.object({
  ok: z.boolean(),
  error: z
    .object({ code: z.string(), message: z.string() })
    .optional()
    .describe("The CRM's answer, worded for the admin, secrets removed"),
})
