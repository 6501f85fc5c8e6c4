/** The auto-reply and auto-close runtime (issue "Open lines"); see docs/lines.md, "Auto-replies". */
export { type AutoReplyAction, autoClientId, autoReplyActionOf } from './auto-client-id.ts'
export {
  type AutoReplyRuntime,
  type AutoReplyRuntimeDeps,
  createAutoReplyRuntime,
  RESTART_LIMIT,
  RESTART_WINDOW_MS,
  type RuntimeLog,
} from './auto-reply-runtime.ts'
export { type RuntimeTimers, realTimers } from './runtime-timers.ts'
