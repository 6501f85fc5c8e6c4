export {
  compactPhone,
  escapeLike,
  opportunityValues,
  partyLookupDomain,
  partyValues,
} from './party-values.ts'
export { createTrytonAdapter, type TrytonAdapter, type TrytonOptions } from './tryton-adapter.ts'
export { parseTrytonUrl, type TrytonEndpoint } from './tryton-url.ts'
