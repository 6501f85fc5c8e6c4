import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  connectTryton,
  gateTryton,
  startTrytonFaultProxy,
  type TrytonTestClient,
  trytonFromEnv,
} from '../../../tests/support/tryton/index.ts'
import { runAdapterContract, sampleLead, sampleTranscript } from '../adapter.contract.ts'
import { CrmError } from '../crm-error.ts'
import { createTrytonAdapter, parseTrytonUrl, partyLookupDomain, partyValues } from './index.ts'
import { rpcFault, statusError } from './tryton-errors.ts'

const tryton = trytonFromEnv()

type Row = Record<string, unknown>

describe('tryton values and errors', () => {
  it('takes the database from the last path segment and rejects other addresses', () => {
    expect(parseTrytonUrl('https://erp.example.com/erp/acme/')).toEqual({
      rpcUrl: 'https://erp.example.com/erp/acme/',
      database: 'acme',
      host: 'erp.example.com',
    })
    for (const bad of [
      'https://erp.example.com',
      'ftp://erp.example.com/acme',
      'https://u:p@erp.example.com/a',
    ]) {
      expect(() => parseTrytonUrl(bad)).toThrow(CrmError)
    }
  })

  it('finds the party by e-mail, by phone only without one, and escapes wildcards', () => {
    expect(partyLookupDomain(sampleLead({ contact: { email: 'a_b%c@x.com', phone: '+1 2' } }))).toEqual([
      ['type', '=', 'email'],
      ['value', 'ilike', 'a\\_b\\%c@x.com'],
    ])
    expect(partyLookupDomain(sampleLead({ contact: { phone: '+49 (30) 12-34' } }))).toEqual([
      ['type', 'in', ['phone', 'mobile']],
      ['OR', ['value', '=', '+49 (30) 12-34'], ['value_compact', '=', '+49301234']],
    ])
    expect(partyLookupDomain(sampleLead({ contact: {} }))).toBeNull()
    expect(partyValues(sampleLead({ contact: {} }))).toEqual({ name: 'Website visitor' })
  })

  it('keeps UserError text and drops server tracebacks', () => {
    const call = { method: 'model.sale.opportunity.create', write: true, secrets: ['s3cret-pass'], now: 0 }
    const userError = rpcFault({ error: ['UserError', ['Bad value s3cret-pass', '', null]] })
    const crash = rpcFault({ error: ['database is locked\nmore', 'Traceback (most recent call last): ...'] })
    expect(userError).toEqual({ name: 'UserError', text: 'Bad value s3cret-pass' })
    expect(crash).toEqual({ text: 'database is locked' })
    const response = { status: 401, headers: { get: () => null }, body: '' }
    expect(statusError(response, undefined, call)).toMatchObject({ code: 'unauthorized', retryable: false })
  })
})

describe.skipIf(!tryton)('tryton against a real server (TRYTON_URL)', () => {
  const connection = tryton ?? { url: 'http://127.0.0.1:1/none', user: '', password: '' }
  const databasePath = new URL(connection.url).pathname
  let client: TrytonTestClient

  beforeAll(async () => {
    client = await connectTryton(connection)
  })

  const opportunityFields = ['reference', 'description', 'comment', 'state', 'party', 'notes']

  runAdapterContract('tryton', async () => {
    const proxy = await startTrytonFaultProxy(new URL(connection.url).origin)
    // A fresh unknown login per setup: failed logins for "admin" would make Tryton rate-limit the good one.
    const badPassword = `wrong-${randomUUID()}`
    return {
      // 1.5 s: below the contract's 2 s "slow answer", with room for a busy two-core machine.
      adapter: createTrytonAdapter({ ...connection, url: `${proxy.url}${databasePath}`, timeoutMs: 1_500 }),
      badCredentials: createTrytonAdapter({
        url: connection.url,
        user: `nobody-${randomUUID()}`,
        password: badPassword,
        timeoutMs: 1_500,
      }),
      fake: { failNext: proxy.failNext, requests: proxy.requests },
      secrets: [connection.password],
      badSecrets: [badPassword],
      errorBodyWith: (text) => ({ id: 1, error: ['UserError', [text, '', null]] }),
      leadsFor: (leadId) =>
        client.callSync('model.sale.opportunity.search_read', [
          [['reference', '=', leadId]],
          0,
          null,
          null,
          opportunityFields,
        ]) as Row[],
      expectLeadRecord(lead, crmId) {
        const [record] = client.callSync('model.sale.opportunity.read', [
          [Number(crmId)],
          opportunityFields,
        ]) as Row[]
        expect(record).toMatchObject({ reference: lead.id, description: lead.title, state: 'lead' })
        expect(record?.comment).toContain('Comment: Do you ship to Austria?')
        expect(record?.comment).toContain('Company: Petrova GmbH')
        expect(record?.comment).toContain('UTM: utm_source=google')
        expect(record?.comment).toContain(sampleTranscript.conversationUrl)
        const mechanisms = client.callSync('model.party.contact_mechanism.search_read', [
          [['party', '=', record?.party]],
          0,
          null,
          [['id', 'ASC']],
          ['type', 'value'],
        ]) as Row[]
        expect(mechanisms).toMatchObject([
          { type: 'email', value: lead.contact.email },
          { type: 'phone', value: lead.contact.phone },
        ])
        expect(client.callSync('model.party.party.read', [[record?.party], ['name']])).toMatchObject([
          { name: 'Anna Petrova' },
        ])
      },
      expectTranscriptRecord(crmId, lead, transcript) {
        const notes = client.callSync('model.ir.note.search_read', [
          [['resource', '=', `sale.opportunity,${crmId}`]],
          0,
          null,
          null,
          ['message'],
        ]) as Row[]
        expect(notes).toHaveLength(1)
        expect(notes[0]?.message).toContain(transcript.text)
        expect(notes[0]?.message).toContain(lead.id)
      },
      remoteLookup: true,
      close: () => proxy.close(),
    }
  })

  describe('tryton specifics', () => {
    it('stores a lead as an opportunity with its party and the transcript as a note', async () => {
      const adapter = createTrytonAdapter(connection)
      const lead = sampleLead({ kind: 'form' })
      const { crmId } = await adapter.createLead(lead)
      await adapter.attachTranscript(crmId, lead, sampleTranscript)
      await adapter.attachTranscript(crmId, lead, { text: '', messages: [] })
      const [opportunity] = (await client.call('model.sale.opportunity.read', [
        [Number(crmId)],
        ['reference', 'party', 'notes', 'company'],
      ])) as Row[]
      expect(opportunity).toMatchObject({ reference: lead.id, company: expect.any(Number) })
      const [party] = (await client.call('model.party.party.read', [[opportunity?.party], ['name']])) as Row[]
      expect(party?.name).toBe('Anna Petrova')
      expect(opportunity?.notes).toHaveLength(1)
      const [note] = (await client.call('model.ir.note.read', [opportunity?.notes, ['message']])) as Row[]
      expect(note?.message).toContain('[10:01] Max (operator): Yes, in 3 days.')
    })

    it('sends the same lead id twice: the look-up finds the first, the party is reused', async () => {
      const adapter = createTrytonAdapter(connection)
      const lead = sampleLead()
      const first = await adapter.createLead(lead)
      const second = await adapter.createLead({
        ...lead,
        contact: { ...lead.contact, email: lead.contact.email?.toUpperCase() },
      })
      expect(first.existing).toBe(false)
      expect(second.existing).toBe(true)
      await expect(adapter.findLeadByOpenlineId(lead.id)).resolves.toBe(first.crmId)
      const parties = (await client.call('model.sale.opportunity.read', [
        [Number(first.crmId), Number(second.crmId)],
        ['party'],
      ])) as Row[]
      expect(new Set(parties.map((row) => row.party)).size).toBe(1)
    })

    it('matches a phone-only lead by phone', async () => {
      const adapter = createTrytonAdapter(connection)
      const phone = `+49 30 ${Math.floor(Math.random() * 1e9)}`
      const first = await adapter.createLead(sampleLead({ contact: { name: 'Caller', phone } }))
      const second = await adapter.createLead(sampleLead({ contact: { phone } }))
      expect([first.existing, second.existing]).toEqual([false, true])
    })

    it('logs in again when the server ends the session', async () => {
      const proxy = await startTrytonFaultProxy(new URL(connection.url).origin)
      try {
        const adapter = createTrytonAdapter({ ...connection, url: `${proxy.url}${databasePath}` })
        await adapter.findLeadByOpenlineId('ol_none')
        const session = proxy.requests().find((request) => request.authorization)?.authorization
        await fetch(`${connection.url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: session ?? '' },
          body: JSON.stringify({ id: 1, method: 'common.db.logout', params: [] }),
        })
        await expect(adapter.findLeadByOpenlineId('ol_none')).resolves.toBeNull()
        const logins = proxy.requests().filter((request) => request.rpcMethod === 'common.db.login')
        expect(logins).toHaveLength(2)
      } finally {
        await proxy.close()
      }
    })

    it('explains a Tryton validation error without retrying', async () => {
      const adapter = createTrytonAdapter(connection)
      const { crmId } = await adapter.createLead(sampleLead())
      const error = await adapter.updateResponsible(crmId, '987654').catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(CrmError)
      expect(error).toMatchObject({ code: 'invalid_request', retryable: false, vendorCode: 'UserError' })
      expect((error as CrmError).message).toMatch(/Employee/)
    })

    it('fails retryable while Tryton is stopped and works again once it is back', async () => {
      // Refused connections through a closed gate: what a stopped trytond looks like to the adapter,
      // without taking the shared server away from the test files running beside this one.
      const { gate, url } = await gateTryton(connection.url)
      try {
        const adapter = createTrytonAdapter({ ...connection, url, timeoutMs: 2_000 })
        await adapter.test()
        const lead = sampleLead()
        await gate.close()
        try {
          const write = await adapter.createLead(lead).catch((caught: unknown) => caught)
          expect(write).toMatchObject({ code: 'network', retryable: true, ambiguous: false })
          const read = await adapter.findLeadByOpenlineId(lead.id).catch((caught: unknown) => caught)
          expect(read).toMatchObject({ retryable: true, ambiguous: false })
        } finally {
          await gate.open()
        }
        await expect(adapter.findLeadByOpenlineId(lead.id)).resolves.toBeNull()
        const { crmId } = await adapter.createLead(lead)
        await expect(adapter.findLeadByOpenlineId(lead.id)).resolves.toBe(crmId)
      } finally {
        await gate.close()
      }
    }, 60_000)
  })
})
