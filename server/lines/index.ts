/** The line routing runtime (issue "Open lines"): runs the pure core of server/routing/ for real. */
export { type CarryOutDeps, type CarryOutResult, carryOut, settleOffers } from './carry-out.ts'
export {
  createLineRouter,
  type LineRouter,
  type LineRouterDeps,
  type RouterLog,
  type RouterTimers,
} from './line-router.ts'
export { lineRoutingSettings } from './line-settings.ts'
export { type LineSnapshot, staleOfferConversations, toRoutingState } from './line-state.ts'
export { type LoadedLine, loadLine } from './load-line.ts'
export { reopenableConversation, withinReopenWindow } from './reopen.ts'
export {
  type LinePositions,
  linePositions,
  openOffersOf,
  queuePositionsOf,
  type ResumeSubject,
  resumeFrames,
} from './resume-frames.ts'
