/**
 * Turns what the admin sent into the connection to store (issue "Leads to CRM", item 6). The admin
 * page only ever holds masked secrets, so a field sent back exactly as it was shown keeps the
 * stored secret; any other masked-looking value is refused rather than saved as a "secret". A new
 * webhook signing secret starts a rotation: the previous one keeps signing for a window, so the
 * receiver can switch over without dropping deliveries (Standard Webhooks, "Secret rotation").
 */
import { type CrmConnection, crmConnectionSchema } from '../crm/crm-connection.ts'
import { MASK, maskTail, maskUrl } from './masking.ts'

/** How long the previous webhook secret keeps signing after a rotation. */
export const ROTATION_WINDOW_MS = 24 * 60 * 60 * 1000

/** What the API accepts: like `CrmConnection`, but secrets may be masked (or, for a webhook, empty). */
export type CrmConnectionInput =
  | { kind: 'bitrix24'; webhookUrl: string }
  | {
      kind: 'amocrm'
      baseUrl: string
      token: string
      pipelineId?: number | undefined
      statusId?: number | undefined
      tags?: string[] | undefined
      trackingFields?: boolean | undefined
      duplicateControl?: boolean | undefined
    }
  | { kind: 'hubspot'; token: string; leadIdProperty?: string | undefined }
  | { kind: 'webhook'; url: string; secret?: string | undefined }
  | { kind: 'tryton'; url: string; user: string; password: string }

export interface InputIssue {
  path: (string | number)[]
  message: string
}

export type ResolveResult = { ok: true; connection: CrmConnection } | { ok: false; issues: InputIssue[] }

interface ResolveContext {
  now: number
  /** Makes a new `whsec_` secret when a webhook is created without one. */
  newWebhookSecret: () => string
}

export function resolveConnectionInput(
  input: CrmConnectionInput,
  stored: CrmConnection | undefined,
  ctx: ResolveContext,
): ResolveResult {
  const issues: InputIssue[] = []
  const same = stored?.kind === input.kind ? stored : undefined
  /** The stored secret when `sent` is its mask; `sent` itself when it is a real value. */
  const secret = (field: string, sent: string, kept: string | undefined, mask: (s: string) => string) => {
    if (kept !== undefined && sent === mask(kept)) return kept
    if (sent.includes(MASK)) {
      issues.push({
        path: ['settings', field],
        message: 'Enter the secret again: a masked value cannot be saved',
      })
    }
    return sent
  }

  let candidate: unknown
  switch (input.kind) {
    case 'bitrix24': {
      const kept = same?.kind === 'bitrix24' ? same.webhookUrl : undefined
      candidate = { ...input, webhookUrl: secret('webhookUrl', input.webhookUrl, kept, maskUrl) }
      break
    }
    case 'amocrm':
    case 'hubspot': {
      const kept = same && (same.kind === 'amocrm' || same.kind === 'hubspot') ? same.token : undefined
      candidate = { ...input, token: secret('token', input.token, kept, maskTail) }
      break
    }
    case 'tryton': {
      const kept = same?.kind === 'tryton' ? same.password : undefined
      candidate = { ...input, password: secret('password', input.password, kept, () => MASK) }
      break
    }
    case 'webhook': {
      const previous = same?.kind === 'webhook' ? same : undefined
      const url = secret('url', input.url, previous?.url, maskUrl)
      const sent = input.secret?.trim() ?? ''
      const signing =
        sent === ''
          ? (previous?.secret ?? ctx.newWebhookSecret())
          : secret('secret', sent, previous?.secret, maskTail)
      const rotated = previous !== undefined && signing !== previous.secret
      const previousSecret = rotated
        ? { secret: previous.secret, until: ctx.now + ROTATION_WINDOW_MS }
        : previous?.previousSecret && previous.previousSecret.until > ctx.now
          ? previous.previousSecret
          : undefined
      candidate = { kind: 'webhook', url, secret: signing, ...(previousSecret && { previousSecret }) }
      break
    }
  }
  if (issues.length > 0) return { ok: false, issues }
  const parsed = crmConnectionSchema.safeParse(candidate)
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: ['settings', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: issue.message,
      })),
    }
  }
  return { ok: true, connection: parsed.data }
}
