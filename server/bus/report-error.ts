/**
 * Where a bus sends failures it must not throw: a subscriber's handler that threw, a payload on the
 * wire that is not a JSON object, a dropped Redis connection. Throwing would break the publisher or
 * the other subscribers; dropping them silently would hide bugs, so they go to the owner's callback.
 */
export type BusErrorSource = 'handler' | 'payload' | 'connection'

export type BusErrorHandler = (error: unknown, context: { source: BusErrorSource; channel?: string }) => void

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replaceAll('\n', ' ')
}

export const writeBusErrorToStderr: BusErrorHandler = (error, context) => {
  const where = context.channel === undefined ? context.source : `${context.source} on ${context.channel}`
  process.stderr.write(`[bus] ${where}: ${oneLine(error)}\n`)
}

/** Calls `onError`; if that throws too, both errors still reach stderr instead of tearing down delivery. */
export function reportBusError(
  onError: BusErrorHandler,
  error: unknown,
  context: { source: BusErrorSource; channel?: string },
): void {
  try {
    onError(error, context)
  } catch (reportingError) {
    writeBusErrorToStderr(error, context)
    process.stderr.write(`[bus] onError callback threw: ${oneLine(reportingError)}\n`)
  }
}
