/**
 * Every request and response shape of the HTTP API, in one file: the handlers validate with these
 * and `openapi.ts` generates the document from them (through the route table), so the two cannot
 * drift apart.
 */
import { z } from 'zod'
import { isOriginEntry } from '../auth/origin.ts'
import { lineSettingsPatchSchema, lineSettingsSchema } from '../line-settings/index.ts'
import {
  attachmentIds,
  bodyOrFiles,
  LIMITS,
  wireConversation,
  wireMessage,
  wireNote,
  wireRating,
} from '../protocol/messages.ts'
import { widgetConfigExtras, widgetConfigQuery as widgetConfigQuerySchema } from '../widgets/config-schema.ts'
import { widgetSettingsPatchSchema, widgetSettingsSchema } from '../widgets/settings-schema.ts'

const id = z.string().min(1).max(64)
const timestamp = z.number().int().describe('Milliseconds since the Unix epoch')
const jsonObject = z.record(z.string(), z.unknown())
const email = z.string().trim().toLowerCase().pipe(z.email().max(254))
/** Upper bound keeps password hashing from becoming a denial-of-service lever. */
const newPassword = z.string().min(8).max(200)
const personName = z.string().trim().min(1).max(120)
/** URL-safe, so it can sit in `/chat/<slug>` without escaping. */
const publicSlug = z
  .string()
  .regex(/^[A-Za-z0-9_-]{3,64}$/, '3–64 letters, digits, "-" or "_"')
  .describe('The public chat page lives at /chat/<publicSlug>')
/**
 * An origin such as https://shop.example.com (a leading "*." matches subdomains): scheme, host and
 * port only, checked with the same parser that matches them (server/auth/origin.ts).
 */
const origin = z
  .string()
  .trim()
  .max(200)
  .refine(isOriginEntry, 'an origin like https://shop.example.com (scheme, host and port, no path)')
/** A widget's allow-list; empty = any site (issue 2 audit: editable after creation too). */
const allowedOrigins = z
  .array(origin)
  .max(50)
  .describe('Sites that may start visitors and open sockets for the widget; empty = any site')

// ---------------------------------------------------------------- shared

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.unknown()).optional(),
    /** Form submissions (issue 5 item 3): field key → message. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
})

export const workspace = z.object({ id: z.string(), name: z.string(), createdAt: timestamp })

/** An operator as the API shows it: never the password hash. */
export const publicOperator = z.object({
  id: z.string(),
  workspaceId: z.string(),
  email: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  role: z.enum(['admin', 'operator']),
  createdAt: timestamp,
})
export type PublicOperator = z.infer<typeof publicOperator>

export const line = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  settings: jsonObject,
  createdAt: timestamp,
})

export const widget = z.object({
  id: z.string(),
  workspaceId: z.string(),
  lineId: z.string(),
  name: z.string(),
  publicSlug: z.string(),
  settings: jsonObject,
  allowedOrigins: z.array(z.string()),
  createdAt: timestamp,
})

export const visitorContext = z.object({
  page: z.string().max(2048).optional(),
  referrer: z.string().max(2048).optional(),
  language: z.string().max(35).optional(),
  timeZone: z.string().max(64).optional(),
  device: z.enum(['phone', 'tablet', 'desktop']).optional(),
  userAgent: z.string().max(512).optional(),
  // Issue 5, item 7: an explicit language the page chose for the visitor (as `?lang=` does for the
  // widget config); the server's default auto-replies use it over the widget setting and `language`.
  locale: z.enum(['en', 'ru', 'pl']).optional(),
})

export const visitor = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  context: jsonObject,
})

// ---------------------------------------------------------------- health

export const healthResponse = z.object({ status: z.literal('ok') })
export const readyResponse = z.object({ status: z.literal('ready') })
export const unavailableResponse = z.object({ status: z.literal('unavailable'), reason: z.string() })

// ---------------------------------------------------------------- operator sign-in

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
})

export const sessionResponse = z.object({
  operator: publicOperator,
  workspace,
  /** Send it back as the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
})

// ---------------------------------------------------------------- conversations (operators)

export const conversationListQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only conversations assigned to the signed-in operator'),
})

export const conversationListResponse = z.object({ conversations: z.array(wireConversation) })

/** Recorded per conversation as things happen (issue "Open lines", item 7). */
export const conversationKpis = z.object({
  waitMs: z.number().int().nullable().describe('Created → first assignment'),
  firstAnswerMs: z
    .number()
    .int()
    .nullable()
    .describe('First visitor message → first operator message after it'),
  transfers: z.number().int(),
  closeReason: z.enum(['operator', 'visitor', 'inactivity']).nullable(),
  rating: wireRating.nullable(),
  startedInsideWorkingHours: z.boolean().nullable(),
})

export const conversationDetailResponse = z.object({
  conversation: wireConversation,
  messages: z.array(wireMessage),
  /**
   * Operator-only notes and KPIs (issue "Open lines", items 4 and 7). Always sent; optional in the
   * schema only so console fixtures written before them still type-check.
   */
  notes: z.array(wireNote).optional(),
  kpis: conversationKpis.optional(),
  visitor,
})

// ---------------------------------------------------------------- quick answers (issue "Open lines", item 4)

const quickAnswerFields = {
  shortcut: z
    .string()
    .trim()
    .regex(/^\/[\p{L}\p{N}_-]{1,40}$/u, 'a slash and up to 40 letters, digits, _ or -, e.g. /hello'),
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(LIMITS.maxBodyChars),
}

export const createQuickAnswerBody = z.object({
  scope: z.enum(['workspace', 'personal']).default('personal'),
  ...quickAnswerFields,
})

export const updateQuickAnswerBody = z
  .object({
    shortcut: quickAnswerFields.shortcut.optional(),
    title: quickAnswerFields.title.optional(),
    text: quickAnswerFields.text.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change')

export const quickAnswer = z.object({
  id,
  scope: z.enum(['workspace', 'personal']),
  ownerId: z.string().nullable(),
  shortcut: z.string(),
  title: z.string(),
  text: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
})

export const quickAnswerResponse = z.object({ quickAnswer })
export const quickAnswerListResponse = z.object({ quickAnswers: z.array(quickAnswer) })

export const sendMessageBody = z
  .object({
    clientId: z
      .string()
      .min(1)
      .max(LIMITS.maxClientIdChars)
      .describe('Client-chosen id; resends are idempotent'),
    // issue 5, item 4: may be empty when files are attached
    body: z.string().trim().max(LIMITS.maxBodyChars),
    attachments: attachmentIds.optional().describe('Ids of your own uploads (POST /api/attachments)'),
  })
  .refine(bodyOrFiles, { message: 'Write a message or attach a file', path: ['body'] })

export const sendMessageResponse = z.object({ message: wireMessage, duplicate: z.boolean() })

export const conversationResponse = z.object({ conversation: wireConversation })

// ---------------------------------------------------------------- public widget endpoints

export const widgetConfigResponse = z.object({
  widgetId: z.string(),
  lineId: z.string(),
  name: z.string(),
  publicSlug: z.string(),
  settings: widgetSettingsSchema,
  publicUrl: z.string(),
  wsUrl: z.string().describe('WebSocket endpoint for visitors'),
  // Issue 5 (contract C5): texts of the visitor's locale, the line's state, derived appearance.
  ...widgetConfigExtras,
})
export const widgetConfigQuery = widgetConfigQuerySchema

export const createVisitorBody = z.object({ widgetId: id, context: visitorContext.optional() })

export const createVisitorResponse = z.object({
  visitorId: z.string(),
  token: z.string().describe('Send as "Authorization: Bearer <token>" and when opening the socket'),
})

export const patchVisitorBody = z.object({
  name: personName.nullable().optional(),
  email: email.nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{3,32}$/, 'a phone number')
    .nullable()
    .optional(),
  context: visitorContext.optional(),
  // issue 6 item 1: `Openline('identify', { id, userHash })` — the business's own user id
  // (the widget turns a number into a string); null clears it. See server/identity/user-hash.ts.
  id: z.string().trim().min(1).max(128).nullable().optional(),
  userHash: z
    .string()
    .trim()
    .max(128)
    .nullable()
    .optional()
    .describe('hex HMAC-SHA256 of id with the identity secret'),
})

export const visitorResponse = z.object({ visitor })

// ---------------------------------------------------------------- admin

export const createWorkspaceBody = z.object({
  name: z.string().trim().min(1).max(120),
  operator: z.object({ email, name: personName, password: newPassword }),
})

export const createWorkspaceResponse = z.object({ workspace, operator: publicOperator, line, widget })

export const createLineBody = z.object({
  name: z.string().trim().min(1).max(120),
  // The same schema as PATCH /api/admin/lines/:id (issue "Server core": any JSON was stored before).
  settings: lineSettingsPatchSchema
    .optional()
    .describe('Each part given is stored; parts and fields left out take their defaults'),
})
export const lineResponse = z.object({ line })
export const lineListResponse = z.object({ lines: z.array(line) })

/** A line with its settings read and fully defaulted (issue "Open lines"). */
export const lineWithSettings = line.extend({ settings: lineSettingsSchema })
export const lineSettingsResponse = z.object({ line: lineWithSettings })
export const updateLineBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  settings: lineSettingsPatchSchema
    .optional()
    .describe('Each part given replaces the stored part; fields left out inside it take their defaults'),
})

export const createOperatorBody = z.object({
  email,
  name: personName,
  password: newPassword,
  role: z.enum(['admin', 'operator']).default('operator'),
})
export const operatorResponse = z.object({ operator: publicOperator })
export const operatorListResponse = z.object({ operators: z.array(publicOperator) })

export const createWidgetBody = z.object({
  lineId: id,
  name: z.string().trim().min(1).max(120),
  publicSlug: publicSlug.optional(),
  settings: widgetSettingsSchema.optional(),
  allowedOrigins: allowedOrigins.optional(),
})
export const widgetResponse = z.object({ widget })
/** PATCH /api/admin/widgets/:id (issue 5). */
export const updateWidgetBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  settings: widgetSettingsPatchSchema
    .optional()
    .describe('Fields given replace the stored ones; channels, displayRules and texts merge; null resets'),
  allowedOrigins: allowedOrigins.optional().describe('Replaces the whole list; [] allows any site'),
})
export const widgetListResponse = z.object({ widgets: z.array(widget) })

export const widgetSnippetResponse = z.object({
  /** The snippet to paste before </body>: defines the command queue, loads the loader after page load. */
  html: z.string(),
  /** A single external <script> tag for sites whose Content-Security-Policy forbids inline scripts. */
  externalHtml: z.string(),
  publicChatUrl: z.string(),
})
