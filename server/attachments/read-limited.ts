/**
 * Reads a request body into memory, but never more than `maxBytes`: the limit is enforced while
 * reading, so a client that lies about (or omits) Content-Length cannot make the server buffer
 * without bound — the read stops at the first chunk past the limit and the stream is cancelled.
 */
export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file may be at most ${maxBytes} bytes`)
    this.name = 'TooLargeError'
  }
}

export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: number,
): Promise<Uint8Array> {
  if (declaredLength !== undefined && declaredLength > maxBytes) {
    await body?.cancel().catch(() => undefined)
    throw new TooLargeError(maxBytes)
  }
  if (!body) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new TooLargeError(maxBytes)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
