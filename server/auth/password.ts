import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Operator passwords, stored as `scrypt$N$r$p$saltB64$hashB64` so the cost parameters travel with
 * each hash and can be raised later without invalidating existing ones.
 */
const PARAMS = { N: 16384, r: 8, p: 1 } as const
const SALT_BYTES = 16
const KEY_BYTES = 32
/** Bounds for parameters read back from storage, so a corrupt row cannot demand gigabytes of memory. */
const MAX_N = 2 ** 20
const MAX_R = 32
const MAX_P = 16
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

function deriveKey(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default cap (32 MiB) would refuse the upper end of the bounds.
  const maxmem = 256 * (options.N ?? PARAMS.N) * (options.r ?? PARAMS.r)
  return new Promise((resolve, reject) => {
    // NFKC so the same password typed on different keyboards/OSes (composed vs decomposed) matches
    // (NIST SP 800-63B §5.1.1.2).
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await deriveKey(password, salt, KEY_BYTES, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

interface Parsed {
  N: number
  r: number
  p: number
  salt: Buffer
  hash: Buffer
}

function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined
  const bytes = Buffer.from(text, 'base64')
  return bytes.toString('base64') === text ? bytes : undefined
}

function parseInteger(text: string, max: number): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(text)) return undefined
  const value = Number(text)
  return value <= max ? value : undefined
}

function parseEncoded(encoded: string): Parsed | undefined {
  const parts = encoded.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined
  const [, nText, rText, pText, saltText, hashText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  const N = parseInteger(nText, MAX_N)
  const r = parseInteger(rText, MAX_R)
  const p = parseInteger(pText, MAX_P)
  const salt = decodeBase64(saltText)
  const hash = decodeBase64(hashText)
  if (N === undefined || r === undefined || p === undefined || salt === undefined || hash === undefined) {
    return undefined
  }
  // N must be a power of two above 1; short salts or keys mean the row is not one of ours.
  if (N < 2 || (N & (N - 1)) !== 0 || salt.length < 8 || hash.length < 16 || hash.length > 64)
    return undefined
  return { N, r, p, salt, hash }
}

/** False for a wrong password and for an encoding this module could not have produced. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseEncoded(encoded)
  if (parsed === undefined) return false
  const { N, r, p, salt, hash } = parsed
  const key = await deriveKey(password, salt, hash.length, { N, r, p })
  return timingSafeEqual(key, hash)
}
