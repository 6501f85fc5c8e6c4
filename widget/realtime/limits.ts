/** Copied from LIMITS in server/protocol/messages.ts: browser code imports the protocol's types only. */
export const MAX_BODY_CHARS = 4000
