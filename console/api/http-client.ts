/**
 * The one fetch wrapper of the console: JSON in and out, the CSRF header on state-changing calls
 * (client API: "Every POST/PUT/PATCH/DELETE with the cookie needs X-CSRF-Token"), and error bodies
 * `{ error: { code, message, issues? } }` turned into an ApiError.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: readonly unknown[],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface HttpClient {
  get<T>(path: string): Promise<T>
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>
  setCsrfToken(token: string | null): void
}

export function createHttpClient(deps: { fetch: FetchLike; baseUrl?: string }): HttpClient {
  const baseUrl = deps.baseUrl ?? ''
  let csrfToken: string | null = null

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
    let response: Response
    try {
      response = await deps.fetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (error) {
      throw new ApiError(0, 'network', 'The server could not be reached. Check your connection.', [
        error instanceof Error ? error.message : String(error),
      ])
    }
    if (response.status === 204) return undefined as T
    const payload = await readJson(response)
    if (!response.ok) throw toApiError(response.status, payload)
    return payload as T
  }

  return {
    get: (path) => request('GET', path),
    send: (method, path, body) => request(method, path, body),
    setCsrfToken(token) {
      csrfToken = token
    },
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch (error) {
    if (!response.ok) return null
    throw new ApiError(response.status, 'invalid_response', 'The server sent a response that is not JSON', [
      error instanceof Error ? error.message : String(error),
    ])
  }
}

export function toApiError(status: number, payload: unknown): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : null
  const code = error && typeof error.code === 'string' ? error.code : `http_${status}`
  const message = error && typeof error.message === 'string' ? error.message : `Request failed (${status})`
  const issues = error && Array.isArray(error.issues) ? error.issues : undefined
  return new ApiError(status, code, message, issues)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
