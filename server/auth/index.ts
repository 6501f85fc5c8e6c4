export {
  type OperatorSession,
  readCookie,
  resolveOperatorSession,
  SESSION_COOKIE,
} from './operator-session.ts'
export { isOriginAllowed, isOriginEntry } from './origin.ts'
export { hashPassword, verifyPassword } from './password.ts'
export {
  createRateLimiter,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitGate,
} from './rate-limiter.ts'
export { createRedisRateLimiter } from './redis-rate-limiter.ts'
export { csrfTokenMatches, newCsrfToken, newSessionToken, sessionIdFromToken } from './session-token.ts'
export {
  newTokenSecret,
  signVisitorToken,
  type VisitorTokenPayload,
  verifyVisitorToken,
  visitorTokenPayload,
} from './visitor-token.ts'
