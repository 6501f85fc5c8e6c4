/**
 * Edge validation: every body and query is parsed with its zod schema before a handler sees it.
 * A bad request is always a structured 4xx, never a 500.
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import { HttpError } from './errors.ts'

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i

/**
 * Requiring a JSON content type also keeps "simple" cross-site form posts (which a browser sends
 * without a CORS preflight) away from every state-changing endpoint.
 */
export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? ''
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json')
  }
  const text = await c.req.text()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON')
  }
  const result = await schema.safeParseAsync(value)
  if (!result.success) {
    throw new HttpError(400, 'invalid_body', 'The request body does not match the schema', {
      issues: result.error.issues,
    })
  }
  return result.data
}

/** Repeated keys keep the last value: no endpoint takes lists in the query. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query())
  if (!result.success) {
    throw new HttpError(400, 'invalid_query', 'The query string does not match the schema', {
      issues: result.error.issues,
    })
  }
  return result.data
}
