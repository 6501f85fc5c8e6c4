/**
 * The one IO seam of the adapters: tests point it at the contract fakes on 127.0.0.1, production
 * uses global fetch (`fetchHttp`), and the relay may wrap it (`pacedHttp`).
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface HttpRequest {
  method: HttpMethod
  url: string
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
}

export interface HttpResponse {
  status: number
  headers: { get(name: string): string | null }
  body: string
}

export type HttpFn = (request: HttpRequest) => Promise<HttpResponse>

/**
 * Why no response arrived. `not-sent`: the connection was never made, so nothing was applied;
 * `no-response` and `timeout`: the request may have reached the CRM.
 */
export type TransportFailure = 'not-sent' | 'no-response' | 'timeout'

export class HttpTransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    /** A system code such as ECONNREFUSED; never the URL, which may hold a token. */
    readonly detail: string,
  ) {
    super(`${failure} (${detail})`)
    this.name = 'HttpTransportError'
  }
}
