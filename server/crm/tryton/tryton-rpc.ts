/**
 * A Tryton JSON-RPC session (trytond 6.0): `common.db.login(login, {password}, language)` answers
 * `[userId, sessionKey]`; later calls send `Authorization: Session base64(login:userId:key)` and
 * take the user's context (company, language) as their last parameter, the way the Tryton clients
 * pass what `model.res.user.get_preferences(true)` returned. Sessions expire after the server's
 * idle timeout (default 5 minutes) and then answer 401, so a call logs in again once.
 */
import { Buffer } from 'node:buffer'
import { type HttpFn, isRecord, parseJson, send } from '../http/index.ts'
import { faultError, rpcFault, statusError, type TrytonCallInfo } from './tryton-errors.ts'
import type { TrytonEndpoint } from './tryton-url.ts'

export interface TrytonSession {
  authorization: string
  context: Record<string, unknown>
}

export interface TrytonRpcOptions {
  endpoint: TrytonEndpoint
  user: string
  password: string
  http: HttpFn
  timeoutMs: number
  now: () => number
  /** Grows with each session key, so errors never carry one; shared with the adapter. */
  secrets: string[]
}

export interface TrytonRpc {
  /** Calls a model method with the session's context appended. Throws `CrmError`. */
  call(method: string, args: unknown[], options: { write: boolean }): Promise<unknown>
  /** Logs in afresh (dropping a cached session) and returns the user's context. */
  login(): Promise<TrytonSession>
}

export function createTrytonRpc(options: TrytonRpcOptions): TrytonRpc {
  const { endpoint, http, secrets } = options
  let session: Promise<TrytonSession> | null = null
  let nextId = 1

  async function post(
    method: string,
    params: unknown[],
    call: Omit<TrytonCallInfo, 'now' | 'secrets'>,
    authorization?: string,
  ): Promise<{ status: number; result?: unknown; fail: () => never }> {
    const response = await send(
      http,
      {
        method: 'POST',
        url: endpoint.rpcUrl,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          // Without it a 401 carries WWW-Authenticate: Basic (trytond wsgi.py), which is browser-only noise.
          'x-requested-with': 'XMLHttpRequest',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ id: nextId++, method, params }),
        timeoutMs: options.timeoutMs,
      },
      { crm: 'tryton', label: `Tryton ${method}`, secrets, idempotent: !call.write },
    )
    const json = parseJson(response.body)
    const info: TrytonCallInfo = { ...call, secrets, now: options.now() }
    const ok = response.status >= 200 && response.status < 300
    const fail = (): never => {
      const fault = ok ? rpcFault(json) : undefined
      throw fault ? faultError(fault, info) : statusError(response, json, info)
    }
    if (ok && isRecord(json) && 'result' in json && !('error' in json)) {
      return { status: response.status, result: json.result, fail }
    }
    return { status: response.status, fail }
  }

  async function openSession(): Promise<TrytonSession> {
    const login = await post('common.db.login', [options.user, { password: options.password }, 'en'], {
      method: 'common.db.login',
      write: false,
    })
    const result = login.result
    if (!Array.isArray(result) || typeof result[0] !== 'number' || typeof result[1] !== 'string') {
      return login.fail()
    }
    const [userId, key] = result as [number, string]
    const token = Buffer.from(`${options.user}:${userId}:${key}`).toString('base64')
    secrets.push(key, token)
    const authorization = `Session ${token}`
    const preferences = await post(
      'model.res.user.get_preferences',
      [true, {}],
      { method: 'model.res.user.get_preferences', write: false },
      authorization,
    )
    if (!isRecord(preferences.result)) return preferences.fail()
    return { authorization, context: preferences.result }
  }

  function current(): Promise<TrytonSession> {
    if (!session) {
      const opening = openSession()
      session = opening
      // A failed login is not cached: the next call tries again.
      opening.catch(() => {
        if (session === opening) session = null
      })
    }
    return session
  }

  return {
    async call(method, args, { write }) {
      for (let attempt = 0; ; attempt++) {
        const used = current()
        const { authorization, context } = await used
        const answer = await post(method, [...args, context], { method, write }, authorization)
        if ('result' in answer) return answer.result
        if (answer.status === 401 && attempt === 0) {
          // The session expired (or the server forgot it): log in again, once.
          if (session === used) session = null
          continue
        }
        return answer.fail()
      }
    },

    async login() {
      session = null
      return current()
    },
  }
}
