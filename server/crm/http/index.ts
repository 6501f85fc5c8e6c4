export { classifyFetchError, fetchHttp } from './fetch-http.ts'
export type { HttpFn, HttpMethod, HttpRequest, HttpResponse, TransportFailure } from './http-types.ts'
export { HttpTransportError } from './http-types.ts'
export { memoryPaceSlots, type PaceSlots, redisPaceSlots } from './pace-slots.ts'
export { type PaceOptions, pacedHttp } from './paced-http.ts'
export { parseRetryAfter } from './retry-after.ts'
export {
  classifyStatus,
  excerpt,
  isRecord,
  mayHaveApplied,
  parseJson,
  type SendContext,
  send,
  transportToCrmError,
} from './send.ts'
