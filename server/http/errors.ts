/**
 * The one error shape of the API, `{ error: { code, message, issues? } }`, and the one place that
 * maps thrown errors to it. Handlers throw; they never build error responses themselves.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ZodError } from 'zod'
import { ChatError } from '../chat/types.ts'
import type { ErrorCode } from '../protocol/messages.ts'
import { StoreError } from '../store/types.ts'
import type { AppEnv, HttpDeps } from './deps.ts'

export interface HttpErrorDetails {
  /** Zod issues of a rejected body or query. */
  issues?: readonly unknown[]
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>
  /** Per-field messages of a rejected form submission (issue 5 item 3): field key → message. */
  fields?: Record<string, string>
}

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: HttpErrorDetails,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export function rateLimited(retryAfterMs: number): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  return new HttpError(429, 'rate_limited', `Too many attempts; retry in ${seconds} s`, {
    headers: { 'Retry-After': String(seconds) },
  })
}

const chatStatus: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_json: 400,
  invalid_frame: 400,
  unknown_type: 400,
  frame_too_large: 413,
  forbidden: 403,
  not_found: 404,
  conversation_closed: 409,
  conversation_taken: 409,
  line_closed: 409,
  rate_limited: 429,
  internal: 500,
}

const storeStatus: Record<StoreError['code'], ContentfulStatusCode> = {
  not_found: 404,
  conflict: 409,
  conversation_closed: 409,
}

/** Known errors become their HTTP answer; anything else is a bug: 500 with a generic message. */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error
  if (error instanceof ChatError) {
    if (error.code === 'internal') return undefined
    return new HttpError(chatStatus[error.code], error.code, error.message)
  }
  if (error instanceof StoreError) return new HttpError(storeStatus[error.code], error.code, error.message)
  if (error instanceof ZodError) {
    return new HttpError(400, 'invalid_body', 'The request does not match the schema', {
      issues: error.issues,
    })
  }
  if (error instanceof HTTPException) {
    // Raised by Hono's own middleware (e.g. the body limit).
    const code = error.status === 413 ? 'payload_too_large' : 'bad_request'
    return new HttpError(error.status as ContentfulStatusCode, code, error.message || 'Bad request')
  }
  return undefined
}

export function writeErrorToStderr(error: unknown, context: { method: string; path: string }): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`[http] ${context.method} ${context.path}: ${text}\n`)
}

export function errorHandler(deps: Pick<HttpDeps, 'logError'>) {
  const log = deps.logError ?? writeErrorToStderr
  return (error: unknown, c: Context<AppEnv>): Response => {
    const known = toHttpError(error)
    if (!known) {
      log(error, { method: c.req.method, path: c.req.path })
      return c.json({ error: { code: 'internal', message: 'Internal server error' } }, 500)
    }
    for (const [name, value] of Object.entries(known.details?.headers ?? {})) c.header(name, value)
    const body: {
      code: string
      message: string
      issues?: readonly unknown[]
      fields?: Record<string, string>
    } = {
      code: known.code,
      message: known.message,
    }
    if (known.details?.issues) body.issues = known.details.issues
    if (known.details?.fields) body.fields = known.details.fields
    return c.json({ error: body }, known.status)
  }
}

export function notFoundHandler(c: Context<AppEnv>): Response {
  return c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404)
}
