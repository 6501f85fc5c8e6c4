interface RandomSource {
  randomUUID?: () => string
  getRandomValues<T extends ArrayBufferView>(array: T): T
}

/** `crypto.randomUUID` exists only in secure contexts; plenty of host pages are still served over http. */
export function idGenerator(crypto: RandomSource): () => string {
  if (typeof crypto.randomUUID === 'function') return () => crypto.randomUUID!()
  return () => {
    const bytes = crypto.getRandomValues(new Uint8Array(16))
    let out = ''
    for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0')
    return out
  }
}
