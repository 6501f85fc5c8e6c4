/**
 * The callback routes (issue 5, item 2) as route-table entries, with their schemas; spread into
 * `routes` of ../route-table.ts. Visitors use `/api/callback-requests*` (bearer token, cross-origin);
 * operators `/api/callbacks*` (session + CSRF). docs/callbacks.md describes them.
 */
import { z } from 'zod'
import { rawValuesSchema } from '../../forms/submission-schema.ts'
import { callbackStatus, wireCallback } from '../../protocol/messages.ts'
import type { RouteSpec } from '../route-table.ts'

const id = z.string().min(1).max(64)
const timestamp = z.number().int().describe('Milliseconds since the Unix epoch')

export const callbackOptionsQuery = z.object({
  locale: z.string().max(35).optional().describe('BCP 47 tag choosing the language of `consentText`'),
})

export const callbackOptionsResponse = z.object({
  timeZone: z.string().describe("The business's IANA time zone"),
  open: z.boolean(),
  asapDueAt: timestamp.describe('When an "as soon as possible" request made now would be due'),
  stepMinutes: z.number().int(),
  slots: z.array(timestamp).describe('Start instants of the bookable slots, ascending'),
  consentText: z
    .string()
    .nullable()
    .describe('The consent checkbox text; when set, `consent: true` is required'),
  defaultCountry: z.string().nullable(),
})

export const requestCallbackBody = z.object({
  name: z.string().trim().min(1).max(120),
  /** Loose here; the server validates and normalises it with libphonenumber-js. */
  phone: z.string().trim().min(3).max(40),
  topic: z.string().trim().max(1000).optional(),
  slot: timestamp.nullable().describe('A start from `slots`; null = as soon as possible'),
  consent: z.boolean().optional(),
  locale: z.string().max(35).optional(),
  timeZone: z.string().max(64).optional().describe("The visitor's IANA time zone"),
  extra: rawValuesSchema
    .optional()
    .describe('Answers to the extra callback form (`settings.callback.extraFormId`), by field key'),
})

export const requestCallbackResponse = z.object({
  callback: z.object({
    id: z.string(),
    phone: z.string().describe('E.164'),
    preferred: z.enum(['asap', 'slot']),
    dueAt: timestamp,
    timeZone: z.string(),
  }),
})

export const callbackListQuery = z.object({
  status: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v.split(',') : []))
    .pipe(z.array(callbackStatus))
    .describe('Comma-separated statuses (new,assigned,called,no_answer); all when absent'),
})

export const callbackEvent = z.object({
  id: z.string(),
  type: z.enum(['created', 'assigned', 'called', 'no_answer', 'rescheduled']),
  actorKind: z.enum(['visitor', 'operator']),
  actorId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
})

export const callbackListResponse = z.object({ callbacks: z.array(wireCallback) })
export const callbackResponse = z.object({ callback: wireCallback })
export const callbackDetailResponse = z.object({ callback: wireCallback, events: z.array(callbackEvent) })
export const assignCallbackBody = z.object({
  operatorId: id.optional().describe('Default: the signed-in operator'),
})
export const callbackOutcomeBody = z.object({ outcome: z.enum(['called', 'no_answer']) })
export const rescheduleCallbackBody = z.object({ dueAt: timestamp })

const spec = <const S extends RouteSpec>(s: S): S => s

export const callbackRoutes = {
  callbackOptions: spec({
    id: 'callbackOptions',
    method: 'get',
    path: '/api/callback-requests/options',
    summary: "Slots, time zone, consent and texts of the visitor's callback form",
    tag: 'widget',
    auth: 'visitor',
    query: callbackOptionsQuery,
    responses: { 200: callbackOptionsResponse },
    errors: [400, 403, 404],
  }),
  requestCallback: spec({
    id: 'requestCallback',
    method: 'post',
    path: '/api/callback-requests',
    summary:
      "The visitor asks to be called back (as soon as possible or in a slot); 403 channel_off when the visitor's widget offers no callbacks",
    tag: 'widget',
    auth: 'visitor',
    body: requestCallbackBody,
    responses: { 201: requestCallbackResponse },
    errors: [400, 403, 404, 409, 429],
  }),
  listCallbacks: spec({
    id: 'listCallbacks',
    method: 'get',
    path: '/api/callbacks',
    summary: 'The callback queue, due soonest first',
    tag: 'conversations',
    auth: 'session',
    query: callbackListQuery,
    responses: { 200: callbackListResponse },
    errors: [400],
  }),
  getCallback: spec({
    id: 'getCallback',
    method: 'get',
    path: '/api/callbacks/:id',
    summary: 'One callback with its history',
    tag: 'conversations',
    auth: 'session',
    responses: { 200: callbackDetailResponse },
    errors: [404],
  }),
  assignCallback: spec({
    id: 'assignCallback',
    method: 'post',
    path: '/api/callbacks/:id/assign',
    summary: 'Assign a callback (to the signed-in operator by default)',
    tag: 'conversations',
    auth: 'session',
    body: assignCallbackBody,
    responses: { 200: callbackResponse },
    errors: [400, 404, 409],
  }),
  callbackOutcome: spec({
    id: 'callbackOutcome',
    method: 'post',
    path: '/api/callbacks/:id/outcome',
    summary: 'Record the call: called or no answer',
    tag: 'conversations',
    auth: 'session',
    body: callbackOutcomeBody,
    responses: { 200: callbackResponse },
    errors: [400, 404, 409],
  }),
  rescheduleCallback: spec({
    id: 'rescheduleCallback',
    method: 'post',
    path: '/api/callbacks/:id/reschedule',
    summary: 'Move a callback to a new due time',
    tag: 'conversations',
    auth: 'session',
    body: rescheduleCallbackBody,
    responses: { 200: callbackResponse },
    errors: [400, 404, 409],
  }),
} as const
