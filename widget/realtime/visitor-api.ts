import type { Visitor } from '../state/types.ts'
import { encodeJson } from './json-encode.ts'
import type { VisitorContext, VisitorTraits } from './types.ts'

export interface ResponseLike {
  ok: boolean
  status: number
  json(): Promise<unknown>
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<ResponseLike>

export interface VisitorApi {
  createVisitor(context: VisitorContext): Promise<Visitor>
  /** 'unauthorized' when the token is no longer accepted (the caller starts over as a new visitor). */
  updateVisitor(
    token: string,
    patch: VisitorTraits & { context?: VisitorContext },
  ): Promise<'ok' | 'unauthorized'>
}

async function failure(action: string, res: ResponseLike): Promise<Error> {
  const body = await res.json().catch(() => null)
  const detail = (body as { error?: { message?: unknown } } | null)?.error?.message
  return new Error(
    `Openline: ${action} failed (HTTP ${res.status}${typeof detail === 'string' ? `: ${detail}` : ''})`,
  )
}

/** `baseUrl` is the Openline server root with a trailing slash, e.g. https://chat.example.com/. */
export function createVisitorApi(opts: { baseUrl: string; widgetId: string; fetch: FetchLike }): VisitorApi {
  const url = (path: string) => new URL(path, opts.baseUrl).href
  const json = { 'Content-Type': 'application/json' }
  return {
    async createVisitor(context) {
      const res = await opts.fetch(url('api/visitors'), {
        method: 'POST',
        headers: json,
        body: encodeJson({ widgetId: opts.widgetId, context }),
      })
      if (!res.ok) throw await failure('creating the visitor', res)
      const body = (await res.json()) as { visitorId?: unknown; token?: unknown }
      if (typeof body.visitorId !== 'string' || typeof body.token !== 'string') {
        throw new Error('Openline: the server answered POST /api/visitors without visitorId and token')
      }
      return { visitorId: body.visitorId, token: body.token }
    },
    async updateVisitor(token, patch) {
      const res = await opts.fetch(url('api/visitors/me'), {
        method: 'PATCH',
        headers: { ...json, Authorization: `Bearer ${token}` },
        body: encodeJson(patch),
      })
      if (res.status === 401) return 'unauthorized'
      if (!res.ok) throw await failure('updating the visitor', res)
      return 'ok'
    },
  }
}
