import { describe, expect, it } from 'vitest'
import type { CrmConnection } from '../crm/crm-connection.ts'
import { ROTATION_WINDOW_MS, resolveConnectionInput } from './connection-input.ts'
import { applyFieldMap, responsibleCrmUser } from './field-map.ts'
import { connectionSecrets, MASK, maskConnection, maskTail, maskUrl } from './masking.ts'

const S1 = `whsec_${Buffer.alloc(32, 1).toString('base64')}`
const S2 = `whsec_${Buffer.alloc(32, 2).toString('base64')}`
const ctx = { now: 1_000, newWebhookSecret: () => S2 }

describe('masking', () => {
  it('masks the token segments of hook addresses and every query value', () => {
    expect(maskUrl('https://b24.example/rest/1/abcdef123456/')).toBe(`https://b24.example/rest/1/${MASK}/`)
    expect(maskUrl('http://127.0.0.1:4000/hooks/9f8e7d6c?key=topsecret&x=1')).toBe(
      `http://127.0.0.1:4000/hooks/${MASK}?key=${MASK}&x=${MASK}`,
    )
    expect(maskUrl('https://user:pw@hooks.example.com/')).toBe('https://hooks.example.com/')
    expect(maskUrl('not a url')).toBe(MASK)
  })

  it('shows only the last four characters of long tokens', () => {
    expect(maskTail('pat-na1-0123456789abcdef1234')).toBe(`${MASK}1234`)
    expect(maskTail('short')).toBe(MASK)
  })

  it('masks every secret of every kind', () => {
    const connections: CrmConnection[] = [
      { kind: 'bitrix24', webhookUrl: 'https://b24.example/rest/1/abcdef123456/' },
      { kind: 'amocrm', baseUrl: 'https://acme.kommo.com', token: 'eyJhbGciOi-long-token-5678' },
      { kind: 'hubspot', token: 'pat-na1-0123456789abcdef1234' },
      {
        kind: 'webhook',
        url: 'https://h.example/in/abcdef?key=k3y-value',
        secret: S1,
        previousSecret: { secret: S2, until: 5 },
      },
      { kind: 'tryton', url: 'https://erp.example/acme', user: 'admin', password: 'hunter22' },
    ]
    for (const connection of connections) {
      const text = JSON.stringify(maskConnection(connection))
      for (const secret of connectionSecrets(connection)) expect(text).not.toContain(secret)
    }
  })
})

describe('resolveConnectionInput', () => {
  const stored: CrmConnection = {
    kind: 'webhook',
    url: 'https://h.example/in/abcdef?key=k3y-value',
    secret: S1,
  }

  it('keeps stored secrets when the masked values come back', () => {
    const masked = maskConnection(stored)
    if (masked.kind !== 'webhook') throw new Error('kind')
    expect(
      resolveConnectionInput({ kind: 'webhook', url: masked.url, secret: masked.secret }, stored, ctx),
    ).toEqual({
      ok: true,
      connection: stored,
    })
    expect(resolveConnectionInput({ kind: 'webhook', url: masked.url }, stored, ctx)).toEqual({
      ok: true,
      connection: stored,
    })
  })

  it('refuses a masked value that is not the stored one', () => {
    const result = resolveConnectionInput(
      { kind: 'webhook', url: `https://other.example/${MASK}`, secret: S1 },
      stored,
      ctx,
    )
    expect(result).toMatchObject({ ok: false, issues: [{ path: ['settings', 'url'] }] })
    const bitrix = resolveConnectionInput(
      { kind: 'bitrix24', webhookUrl: `https://b24.example/rest/1/${MASK}/` },
      undefined,
      ctx,
    )
    expect(bitrix.ok).toBe(false)
  })

  it('rotates: a new secret keeps the previous one signing for the window', () => {
    const result = resolveConnectionInput({ kind: 'webhook', url: stored.url, secret: S2 }, stored, ctx)
    expect(result).toEqual({
      ok: true,
      connection: {
        ...stored,
        secret: S2,
        previousSecret: { secret: S1, until: ctx.now + ROTATION_WINDOW_MS },
      },
    })
  })

  it('drops an expired previous secret and generates one for a new webhook', () => {
    const old = { ...stored, previousSecret: { secret: S2, until: 10 } }
    expect(resolveConnectionInput({ kind: 'webhook', url: stored.url }, old, { ...ctx, now: 11 })).toEqual({
      ok: true,
      connection: stored,
    })
    expect(resolveConnectionInput({ kind: 'webhook', url: 'https://x.example/h' }, undefined, ctx)).toEqual({
      ok: true,
      connection: { kind: 'webhook', url: 'https://x.example/h', secret: S2 },
    })
  })

  it('validates the merged result against the connection schema', () => {
    const result = resolveConnectionInput(
      { kind: 'webhook', url: 'https://x.example/h', secret: 'nope' },
      undefined,
      ctx,
    )
    expect(result).toMatchObject({ ok: false, issues: [{ path: ['settings', 'secret'] }] })
  })
})

describe('maps', () => {
  it('renames mapped form answers and finds the responsible CRM user', () => {
    const lead = {
      id: 'l',
      kind: 'form' as const,
      title: 't',
      contact: {},
      source: {},
      createdAt: 1,
      fields: { Company: 'Acme', Size: '5' },
    }
    expect(applyFieldMap(lead, { Company: 'org' }).fields).toEqual({ org: 'Acme', Size: '5' })
    expect(responsibleCrmUser({ userMap: { op1: '42' } }, 'op1')).toBe('42')
    expect(responsibleCrmUser({ userMap: { op1: '42' } }, null)).toBeUndefined()
  })
})
