import type { IncomingHttpHeaders } from 'node:http'

/**
 * A scripted failure for the next request(s). With `status` or `dropConnection` the request fails;
 * `apply: true` runs the vendor logic first, so the record exists although the client sees a
 * failure (the ambiguous case). A script with only `delayMs` is a slow success.
 */
export interface FailureScript {
  status?: number
  /** A string is sent as-is, anything else as JSON; defaults to the vendor's body for `status`. */
  body?: unknown
  headers?: Record<string, string>
  delayMs?: number
  dropConnection?: boolean
  apply?: boolean
}

/** Per-request probabilities (0..1) of each injected failure. */
export interface ChaosRates {
  500?: number
  503?: number
  429?: number
  timeout?: number
  drop?: number
}

export interface ChaosOptions {
  seed: number
  rates: ChaosRates
  /** How long a "timeout" holds the answer back; longer than the client's timeout. Default 30 s. */
  holdMs?: number
}

export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export interface FakeReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Outcome = 'answered' | 'dropped' | 'failed'

export interface RecordedRequest {
  method: string
  path: string
  /** Arrival time, ms epoch. */
  at: number
  outcome?: Outcome
  status?: number
  /** Whether the vendor logic ran (the request was applied). */
  applied: boolean
}

/** The knobs every contract fake offers. */
export interface FakeControls {
  readonly url: string
  failNext(count: number, script?: FailureScript): void
  chaos(options: ChaosOptions | null): void
  /** The vendor's leaky bucket: requests above `burst` get the vendor's throttling answer. */
  limit(bucket: { burst: number; perSecond: number } | null): void
  requests(): RecordedRequest[]
  /** Requests counted per whole second since the fake started. */
  perSecond(): number[]
  maxPerSecond(): number
  close(): Promise<void>
}
