/**
 * Contract fake of a Kommo (amoCRM) account, API v4 (Kommo API: "Complex addition of leads",
 * "Leads list" — 204 No Content when nothing matches —, "Events and notes", "Account", "Errors and
 * API responses"). Bearer token auth; success in application/hal+json, errors in
 * application/problem+json with `validation-errors` for bad input.
 *
 * Duplicate control (Kommo API: "Complex addition of leads"): a lead sent with `_embedded.metadata`
 * is an incoming lead — a stage other than Incoming leads is ignored — and, when the account has
 * duplicate control on for the integration (`duplicateControl`), it is checked against the leads
 * added before this request (never against the others in the same request): one whose contact has
 * the same phone or e-mail in the same pipeline is the duplicate, and the answer is that lead's id
 * with `merged: true`.
 */
import { randomBytes } from 'node:crypto'
import {
  type AmoContact,
  type AmoLead,
  type AmoNote,
  errorReply,
  HAL,
  invalid,
  problem,
} from './amocrm-shapes.ts'
import { type AmoFieldError, complexLeadErrors, isObject, NOTE_TYPES } from './amocrm-validate.ts'
import { bearer, readJson, startFakeServer } from './fake-server.ts'
import type { FakeControls, FakeReply, FakeRequest } from './fake-types.ts'

export type { AmoContact, AmoLead, AmoNote } from './amocrm-shapes.ts'

export interface AmoCrmFakeOptions {
  token?: string
  /** Account user ids a lead may be assigned to; the first is the token's user. */
  users?: number[]
  /** The account's duplicate control is on for this integration (off by default, as in Kommo). */
  duplicateControl?: boolean
}

export interface AmoCrmFake extends FakeControls {
  readonly token: string
  leads(): AmoLead[]
  contacts(): AmoContact[]
  notes(): AmoNote[]
  /** The `_embedded.metadata` a lead was created with, if any (Kommo does not list it back). */
  metadataOf(leadId: number): Record<string, unknown> | undefined
}

/** The Incoming leads stage of the fake's pipelines; 10 is the first ordinary stage. */
export const AMO_INCOMING_STATUS = 9
const FIRST_STATUS = 10

const digits = (value: string) => value.replace(/\D/g, '')

/** The contact keys duplicate control compares: phone digits and lower-case e-mails. */
function contactKeys(fields: unknown): string[] {
  if (!Array.isArray(fields)) return []
  return fields.filter(isObject).flatMap((field) =>
    (Array.isArray(field.values) ? field.values : []).filter(isObject).flatMap((item) => {
      const value = String(item.value ?? '')
      if (field.field_code === 'PHONE' && digits(value).length >= 6) return [`phone:${digits(value)}`]
      if (field.field_code === 'EMAIL' && value.includes('@')) return [`email:${value.trim().toLowerCase()}`]
      return []
    }),
  )
}

const seconds = () => Math.floor(Date.now() / 1000)

export async function startAmoCrmFake(options: AmoCrmFakeOptions = {}): Promise<AmoCrmFake> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const users = options.users ?? [1001, 1002]
  const leads: AmoLead[] = []
  const contacts: AmoContact[] = []
  const notes: AmoNote[] = []
  const tags = new Map<string, number>()
  const metadata = new Map<number, Record<string, unknown>>()
  let nextId = 5000

  const addLead = (input: Record<string, unknown>): { id: number; contact_id: number | null } => {
    const embedded = isObject(input._embedded) ? input._embedded : {}
    const person =
      Array.isArray(embedded.contacts) && isObject(embedded.contacts[0]) ? embedded.contacts[0] : undefined
    let contactId: number | null = null
    if (person) {
      contactId = nextId++
      contacts.push({
        id: contactId,
        name: String(person.name ?? [person.first_name, person.last_name].filter(Boolean).join(' ')),
        ...(typeof person.first_name === 'string' ? { first_name: person.first_name } : {}),
        ...(typeof person.last_name === 'string' ? { last_name: person.last_name } : {}),
        custom_fields_values: Array.isArray(person.custom_fields_values) ? person.custom_fields_values : null,
      })
    }
    const id = nextId++
    const now = seconds()
    const tagList = (Array.isArray(embedded.tags) ? embedded.tags : []).filter(isObject).map((tag) => {
      const name = String(tag.name)
      if (!tags.has(name)) tags.set(name, nextId++)
      return { id: tags.get(name) as number, name }
    })
    const incoming = isObject(embedded.metadata) ? embedded.metadata : undefined
    if (incoming) metadata.set(id, incoming)
    leads.push({
      id,
      name: typeof input.name === 'string' ? input.name : `Lead #${id}`,
      responsible_user_id: Number(input.responsible_user_id ?? users[0]),
      pipeline_id: Number(input.pipeline_id ?? 1),
      // with metadata the lead is an incoming lead: any other stage is ignored
      status_id: incoming ? AMO_INCOMING_STATUS : Number(input.status_id ?? FIRST_STATUS),
      created_at: now,
      updated_at: now,
      custom_fields_values: Array.isArray(input.custom_fields_values) ? input.custom_fields_values : null,
      _embedded: { tags: tagList, contacts: contactId === null ? [] : [{ id: contactId, is_main: true }] },
    })
    return { id, contact_id: contactId }
  }

  const complex = (body: unknown): FakeReply => {
    if (!Array.isArray(body) || body.length === 0 || body.length > 50) {
      return invalid([
        {
          request_id: '0',
          errors: [{ code: 'InvalidType', path: '', detail: 'An array of 1 to 50 leads is expected.' }],
        },
      ])
    }
    const groups = body
      .map((lead, index) => ({
        request_id: isObject(lead) && typeof lead.request_id === 'string' ? lead.request_id : String(index),
        errors: complexLeadErrors(lead, users),
      }))
      .filter((group) => group.errors.length > 0)
    if (groups.length > 0) return invalid(groups)
    // duplicates are looked for among the leads added before this request only
    const before = leads.slice()
    const results = body.filter(isObject).map((lead, index) => {
      const requestId = [typeof lead.request_id === 'string' ? lead.request_id : String(index)]
      const duplicate = options.duplicateControl ? findDuplicate(lead, before) : undefined
      if (duplicate) {
        duplicate.updated_at = seconds()
        const contactId = duplicate._embedded.contacts[0]?.id ?? null
        return {
          id: duplicate.id,
          contact_id: contactId,
          company_id: null,
          request_id: requestId,
          merged: true,
        }
      }
      const { id, contact_id } = addLead(lead)
      return { id, contact_id, company_id: null, request_id: requestId, merged: false }
    })
    return { status: 200, headers: HAL, body: results }
  }

  /** A lead with metadata whose contact shares a phone or e-mail with an earlier lead of its pipeline. */
  const findDuplicate = (input: Record<string, unknown>, candidates: AmoLead[]): AmoLead | undefined => {
    const embedded = isObject(input._embedded) ? input._embedded : {}
    if (!isObject(embedded.metadata)) return undefined
    const person =
      Array.isArray(embedded.contacts) && isObject(embedded.contacts[0]) ? embedded.contacts[0] : undefined
    const keys = new Set(contactKeys(person?.custom_fields_values))
    if (keys.size === 0) return undefined
    const pipeline = Number(input.pipeline_id ?? 1)
    return candidates.find((lead) => {
      if (lead.pipeline_id !== pipeline) return false
      const main = contacts.find((c) => c.id === lead._embedded.contacts[0]?.id)
      return contactKeys(main?.custom_fields_values).some((key) => keys.has(key))
    })
  }

  const list = (request: FakeRequest): FakeReply => {
    const query = (request.query.get('query') ?? '').toLowerCase()
    const limit = Math.min(250, Number(request.query.get('limit') ?? 50) || 50)
    const found = leads
      .filter(
        (lead) =>
          query === '' ||
          lead.name.toLowerCase().includes(query) ||
          JSON.stringify(lead.custom_fields_values ?? [])
            .toLowerCase()
            .includes(query),
      )
      .slice(0, limit)
    if (found.length === 0) return { status: 204 }
    return {
      status: 200,
      headers: HAL,
      body: { _page: 1, _links: { self: { href: request.path } }, _embedded: { leads: found } },
    }
  }

  const addNotes = (leadId: number, body: unknown): FakeReply => {
    if (!leads.some((lead) => lead.id === leadId)) return problem(404, 'Not Found', 'Entity not found')
    if (!Array.isArray(body) || body.length === 0) {
      return invalid([
        {
          request_id: '0',
          errors: [{ code: 'InvalidType', path: '', detail: 'An array of notes is expected.' }],
        },
      ])
    }
    const groups = body
      .map((note, index) => {
        const errors: AmoFieldError[] = []
        if (!isObject(note) || !NOTE_TYPES.has(String(note.note_type))) {
          errors.push({
            code: 'NotSupportedChoice',
            path: 'note_type',
            detail: 'The value you selected is not a valid choice.',
          })
        } else if (
          note.note_type === 'common' &&
          (!isObject(note.params) || typeof note.params.text !== 'string' || note.params.text === '')
        ) {
          errors.push({ code: 'NotBlank', path: 'params.text', detail: 'This value should not be blank.' })
        }
        return { request_id: String(index), errors }
      })
      .filter((group) => group.errors.length > 0)
    if (groups.length > 0) return invalid(groups)
    const created = body.filter(isObject).map((note, index) => {
      const id = nextId++
      notes.push({
        id,
        entity_id: leadId,
        note_type: String(note.note_type),
        params: isObject(note.params) ? note.params : {},
        created_at: seconds(),
      })
      return {
        id,
        entity_id: leadId,
        request_id: String(index),
        _links: { self: { href: `/api/v4/leads/notes/${id}` } },
      }
    })
    return {
      status: 200,
      headers: HAL,
      body: { _links: { self: { href: `/api/v4/leads/${leadId}/notes` } }, _embedded: { notes: created } },
    }
  }

  const patchLead = (leadId: number, body: unknown): FakeReply => {
    const lead = leads.find((candidate) => candidate.id === leadId)
    if (!lead) return problem(404, 'Not Found', 'Entity not found')
    if (!isObject(body))
      return invalid([
        {
          request_id: '0',
          errors: [{ code: 'InvalidType', path: '', detail: 'This value should be of type object.' }],
        },
      ])
    if (body.responsible_user_id !== undefined) {
      if (!users.includes(Number(body.responsible_user_id))) {
        return invalid([
          {
            request_id: '0',
            errors: [
              {
                code: 'NotSupportedChoice',
                path: 'responsible_user_id',
                detail: 'The value you selected is not a valid choice.',
              },
            ],
          },
        ])
      }
      lead.responsible_user_id = Number(body.responsible_user_id)
    }
    lead.updated_at = seconds()
    return {
      status: 200,
      headers: HAL,
      body: {
        id: lead.id,
        updated_at: lead.updated_at,
        _links: { self: { href: `/api/v4/leads/${lead.id}` } },
      },
    }
  }

  const handle = (request: FakeRequest): FakeReply => {
    if (bearer(request) !== token) return problem(401, 'Unauthorized', 'Unauthorized')
    const writes = request.method === 'POST' || request.method === 'PATCH'
    if (writes && !String(request.headers['content-type'] ?? '').includes('application/json')) {
      return problem(400, 'Bad Request', 'Content-Type must be application/json')
    }
    const body = writes ? readJson(request.body) : undefined
    if (writes && body === undefined) return problem(400, 'Bad Request', 'Request body is not valid JSON')
    const route = `${request.method} ${request.path}`
    if (route === 'POST /api/v4/leads/complex') return complex(body)
    if (route === 'GET /api/v4/leads') return list(request)
    if (route === 'GET /api/v4/account') {
      return {
        status: 200,
        headers: HAL,
        body: {
          id: 31337,
          name: 'Fake account',
          subdomain: 'fake',
          current_user_id: users[0],
          country: 'DE',
          currency: 'EUR',
        },
      }
    }
    const notesRoute = /^POST \/api\/v4\/leads\/(\d+)\/notes$/.exec(route)
    if (notesRoute) return addNotes(Number(notesRoute[1]), body)
    const leadRoute = /^PATCH \/api\/v4\/leads\/(\d+)$/.exec(route)
    if (leadRoute) return patchLead(Number(leadRoute[1]), body)
    return problem(404, 'Not Found', 'Not Found')
  }

  const server = await startFakeServer({ handle, errorReply, throttleReply: () => errorReply(429) })
  return {
    ...server,
    token,
    leads: () => structuredClone(leads),
    contacts: () => structuredClone(contacts),
    notes: () => structuredClone(notes),
    metadataOf: (leadId) => structuredClone(metadata.get(leadId)),
  }
}
