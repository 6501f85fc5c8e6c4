import { scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password.ts'

describe('passwords', () => {
  it('hashes into the scrypt$N$r$p$salt$hash format and verifies', async () => {
    const encoded = await hashPassword('correct horse battery staple')
    const [scheme, N, r, p, salt, hash] = encoded.split('$')
    expect([scheme, N, r, p]).toEqual(['scrypt', '16384', '8', '1'])
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16)
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32)
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', encoded)).toBe(false)
    expect(await verifyPassword('', encoded)).toBe(false)
  })

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')])
    expect(a).not.toBe(b)
    expect(await verifyPassword('same', b)).toBe(true)
  })

  it('treats composed and decomposed Unicode as the same password', async () => {
    const encoded = await hashPassword('caf\u00e9')
    expect(await verifyPassword('cafe\u0301', encoded)).toBe(true)
  })

  it('verifies with the parameters stored in the encoding', async () => {
    const salt = Buffer.from('0123456789abcdef')
    const key = scryptSync('older', salt, 32, { N: 1024, r: 8, p: 1 })
    const encoded = `scrypt$1024$8$1$${salt.toString('base64')}$${key.toString('base64')}`
    expect(await verifyPassword('older', encoded)).toBe(true)
    expect(await verifyPassword('newer', encoded)).toBe(false)
  })

  it('returns false for malformed or tampered encodings', async () => {
    const encoded = await hashPassword('pw')
    const [, , , , salt, hash] = encoded.split('$') as string[]
    const tamperedHash = Buffer.from(hash!, 'base64')
    tamperedHash[0]! ^= 1
    const malformed = [
      '',
      'pw',
      encoded.replace('scrypt$', 'bcrypt$'),
      `${encoded}$`,
      `scrypt$16384$8$1$${salt}`,
      `scrypt$16385$8$1$${salt}$${hash}`,
      `scrypt$${2 ** 21}$8$1$${salt}$${hash}`,
      `scrypt$016384$8$1$${salt}$${hash}`,
      `scrypt$16384$0$1$${salt}$${hash}`,
      `scrypt$16384$8$99$${salt}$${hash}`,
      `scrypt$16384$8$1$${salt}$${hash!.slice(0, 8)}`,
      `scrypt$16384$8$1$not*base64$${hash}`,
      `scrypt$16384$8$1$${salt}$${hash}==`,
      `scrypt$16384$8$1$${salt}$${tamperedHash.toString('base64')}`,
    ]
    for (const bad of malformed) expect(await verifyPassword('pw', bad)).toBe(false)
  })
})
