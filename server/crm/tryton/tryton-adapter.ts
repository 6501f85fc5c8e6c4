/**
 * Tryton 6.0 over JSON-RPC (issue "Leads to CRM": "leads are sale.opportunity records with a
 * party"). A lead becomes the visitor's `party.party` (found by e-mail, else by phone, else
 * created with its contact mechanisms) and a `sale.opportunity` in state "lead" whose `reference`
 * holds the Openline lead id; the transcript becomes an `ir.note` on the opportunity.
 */
import { CrmError } from '../crm-error.ts'
import { fetchHttp, type HttpFn, isRecord } from '../http/index.ts'
import { transcriptText } from '../lead-text.ts'
import type { CrmAdapter } from '../types.ts'
import { opportunityValues, partyLookupDomain, partyValues, recordId } from './party-values.ts'
import { createTrytonRpc } from './tryton-rpc.ts'
import { parseTrytonUrl } from './tryton-url.ts'

export interface TrytonOptions {
  /** The server and database, e.g. https://erp.example.com/acme. */
  url: string
  user: string
  password: string
  http?: HttpFn
  timeoutMs?: number
  now?: () => number
}

export type TrytonAdapter = CrmAdapter &
  Required<Pick<CrmAdapter, 'updateResponsible'>> & { readonly kind: 'tryton' }

const OPPORTUNITY = 'sale.opportunity'

export function createTrytonAdapter(options: TrytonOptions): TrytonAdapter {
  const endpoint = parseTrytonUrl(options.url)
  const secrets = [options.password]
  const rpc = createTrytonRpc({
    endpoint,
    user: options.user,
    password: options.password,
    http: options.http ?? fetchHttp,
    timeoutMs: options.timeoutMs ?? 15_000,
    now: options.now ?? Date.now,
    secrets,
  })

  const fail = (code: 'unexpected_response' | 'invalid_request', message: string, ambiguous = false) =>
    new CrmError(
      { crm: 'tryton', code, retryable: code === 'unexpected_response', ambiguous, message },
      secrets,
    )

  const createdId = (result: unknown, method: string): number => {
    const id: unknown = Array.isArray(result) ? result[0] : undefined
    if (typeof id !== 'number')
      throw fail('unexpected_response', `Tryton ${method} answered without an id`, true)
    return id
  }

  const firstId = (result: unknown, method: string): number | null => {
    if (!Array.isArray(result))
      throw fail('unexpected_response', `Tryton ${method} answered with an unexpected result`)
    const first: unknown = result[0]
    if (first === undefined) return null
    if (typeof first === 'number') return first
    if (isRecord(first) && typeof first.party === 'number') return first.party
    throw fail('unexpected_response', `Tryton ${method} answered with an unexpected result`)
  }

  const opportunityId = (crmId: string): number => {
    const id = recordId(crmId)
    if (id === undefined) throw fail('invalid_request', 'A Tryton opportunity id is a positive integer')
    return id
  }

  async function findParty(domain: unknown[]): Promise<number | null> {
    const method = 'model.party.contact_mechanism.search_read'
    const result = await rpc.call(method, [domain, 0, 1, [['id', 'ASC']], ['party']], { write: false })
    return firstId(result, method)
  }

  return {
    kind: 'tryton',

    async createLead(lead, ctx = {}) {
      const domain = partyLookupDomain(lead)
      const found = domain ? await findParty(domain) : null
      // A party made by an earlier, failed attempt is found here by its e-mail, so retries reuse it.
      const party =
        found ??
        createdId(
          await rpc.call('model.party.party.create', [[partyValues(lead)]], { write: true }),
          'model.party.party.create',
        )
      const result = await rpc.call(`model.${OPPORTUNITY}.create`, [[opportunityValues(lead, party, ctx)]], {
        write: true,
      })
      return { crmId: String(createdId(result, `model.${OPPORTUNITY}.create`)), existing: found !== null }
    },

    async findLeadByOpenlineId(leadId) {
      const method = `model.${OPPORTUNITY}.search`
      const result = await rpc.call(method, [[['reference', '=', leadId]], 0, 1, [['id', 'ASC']]], {
        write: false,
      })
      const id = firstId(result, method)
      return id === null ? null : String(id)
    },

    async attachTranscript(crmId, lead, transcript) {
      const id = opportunityId(crmId)
      const body = transcriptText(transcript)
      // The lead's details already sit in the opportunity's comment; a note is only worth it with a transcript.
      if (body.trim() === '') return
      const link = transcript.conversationUrl ? `\n${transcript.conversationUrl}` : ''
      await rpc.call(
        'model.ir.note.create',
        [
          [
            {
              resource: `${OPPORTUNITY},${id}`,
              message: `Openline conversation (lead ${lead.id})${link}\n\n${body}`,
            },
          ],
        ],
        { write: true },
      )
    },

    async updateResponsible(crmId, crmUserId) {
      const employee = recordId(crmUserId)
      if (employee === undefined) throw fail('invalid_request', 'A Tryton employee id is a positive integer')
      await rpc.call(`model.${OPPORTUNITY}.write`, [[opportunityId(crmId)], { employee }], { write: true })
    },

    async test() {
      const session = await rpc.login()
      // sale.opportunity.company is required and defaults to the user's current company.
      if (typeof session.context.company !== 'number') {
        throw new CrmError(
          {
            crm: 'tryton',
            code: 'invalid_config',
            retryable: false,
            message: `The Tryton user "${options.user}" has no current company on ${endpoint.host}: set one in the user's preferences`,
          },
          secrets,
        )
      }
    },
  }
}
