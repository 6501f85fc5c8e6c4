/**
 * Contract fake of a HubSpot portal, CRM API v3 with a private app token (HubSpot: "Contacts",
 * "Notes", "Search the CRM", "Associations v4", "Error handling", "API usage details"). Contacts
 * are unique by e-mail (409 CONFLICT "Contact already exists. Existing ID: <id>"); notes need
 * `hs_timestamp` and associate to contacts with HUBSPOT_DEFINED type 202.
 */
import { randomUUID } from 'node:crypto'
import { bearer, readJson, startFakeServer } from './fake-server.ts'
import type { FakeControls, FakeReply, FakeRequest } from './fake-types.ts'
import {
  contactPropertyErrors,
  isObject,
  notePropertyErrors,
  type PropertyError,
} from './hubspot-validate.ts'

export interface HubSpotObject {
  id: string
  properties: Record<string, string>
  createdAt: string
  updatedAt: string
  archived: boolean
}

export type HubSpotNote = HubSpotObject & {
  associations: Array<{ toObjectId: string; associationTypeId: number }>
}

export interface HubSpotFakeOptions {
  token?: string
  scopes?: string[]
  /** Custom contact properties created in the portal, e.g. "openline_lead_id". */
  customProperties?: string[]
  owners?: string[]
}

export interface HubSpotFake extends FakeControls {
  readonly token: string
  contacts(): HubSpotObject[]
  notes(): HubSpotNote[]
}

const READ = 'crm.objects.contacts.read'
const WRITE = 'crm.objects.contacts.write'
const OPERATORS = new Set(['EQ', 'NEQ', 'CONTAINS_TOKEN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY'])

const error = (
  status: number,
  category: string,
  message: string,
  extra: Record<string, unknown> = {},
): FakeReply => ({
  status,
  headers: { 'content-type': 'application/json;charset=utf-8' },
  body: { status: 'error', message, correlationId: randomUUID(), category, ...extra },
})

const invalidProperties = (errors: PropertyError[]): FakeReply =>
  error(400, 'VALIDATION_ERROR', `Property values were not valid: ${JSON.stringify(errors)}`)

function errorReply(status: number): FakeReply {
  if (status === 401)
    return error(
      401,
      'INVALID_AUTHENTICATION',
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    )
  if (status === 403)
    return error(
      403,
      'MISSING_SCOPES',
      "This app hasn't been granted all required scopes to make this call.",
      {
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: [WRITE] },
          },
        ],
      },
    )
  if (status === 429) {
    const { body } = error(429, 'RATE_LIMIT', 'You have reached your ten_secondly_rolling limit.')
    return {
      status,
      body: {
        ...(body as object),
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
        requestId: randomUUID(),
      },
    }
  }
  if (status === 400) return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1, column 2')
  if (status === 404) return error(404, 'OBJECT_NOT_FOUND', 'resource not found')
  if (status === 409) return error(409, 'CONFLICT', 'Contact already exists. Existing ID: 1')
  return error(status, 'INTERNAL_ERROR', 'internal error')
}

export async function startHubSpotFake(options: HubSpotFakeOptions = {}): Promise<HubSpotFake> {
  const token = options.token ?? `pat-eu1-${randomUUID()}`
  const scopes = new Set(options.scopes ?? [READ, WRITE])
  const custom = new Set(options.customProperties ?? [])
  const owners = options.owners ?? ['101', '102']
  const contacts: HubSpotObject[] = []
  const notes: HubSpotNote[] = []
  let nextId = 1
  const newObject = (properties: Record<string, string>): HubSpotObject => {
    const at = new Date().toISOString()
    const id = String(nextId++ + 1000)
    return {
      id,
      properties: { ...properties, hs_object_id: id, createdate: at, lastmodifieddate: at },
      createdAt: at,
      updatedAt: at,
      archived: false,
    }
  }
  const strings = (properties: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, String(value)]))
  const need = (scope: string) =>
    scopes.has(scope)
      ? undefined
      : error(403, 'MISSING_SCOPES', "This app hasn't been granted all required scopes to make this call.", {
          errors: [
            {
              message: 'One or more of the following scopes are required.',
              context: { requiredGranularScopes: [scope] },
            },
          ],
        })

  const createContact = (body: unknown): FakeReply => {
    if (!isObject(body) || !isObject(body.properties))
      return error(400, 'VALIDATION_ERROR', 'Invalid input JSON: properties is required')
    const problems = contactPropertyErrors(body.properties, custom, owners)
    if (problems.length > 0) return invalidProperties(problems)
    const properties = strings(body.properties)
    if (properties.email) properties.email = properties.email.toLowerCase()
    const twin = properties.email
      ? contacts.find((contact) => contact.properties.email === properties.email)
      : undefined
    if (twin) return error(409, 'CONFLICT', `Contact already exists. Existing ID: ${twin.id}`)
    const contact = newObject(properties)
    contacts.push(contact)
    return { status: 201, body: contact }
  }

  const search = (body: unknown): FakeReply => {
    if (!isObject(body) || !Array.isArray(body.filterGroups) || body.filterGroups.length > 5) {
      return error(400, 'VALIDATION_ERROR', 'filterGroups must be an array of at most 5 groups')
    }
    const groups: Array<Array<Record<string, unknown>>> = []
    for (const group of body.filterGroups) {
      const filters =
        isObject(group) && Array.isArray(group.filters) ? group.filters.filter(isObject) : undefined
      if (
        !filters ||
        filters.length > 6 ||
        filters.some(
          (filter) => typeof filter.propertyName !== 'string' || !OPERATORS.has(String(filter.operator)),
        )
      ) {
        return error(400, 'VALIDATION_ERROR', 'Each filter needs a propertyName and a supported operator')
      }
      groups.push(filters)
    }
    const test = (contact: HubSpotObject, filter: Record<string, unknown>) => {
      const actual = contact.properties[String(filter.propertyName)]
      const wanted = String(filter.value ?? '').toLowerCase()
      switch (filter.operator) {
        case 'EQ':
          return actual?.toLowerCase() === wanted
        case 'NEQ':
          return actual?.toLowerCase() !== wanted
        case 'CONTAINS_TOKEN':
          return (actual ?? '').toLowerCase().split(/\W+/).includes(wanted)
        case 'HAS_PROPERTY':
          return actual !== undefined
        default:
          return actual === undefined
      }
    }
    const found = contacts.filter(
      (contact) =>
        groups.length === 0 || groups.some((filters) => filters.every((filter) => test(contact, filter))),
    )
    const limit = Math.min(200, Number(body.limit ?? 10) || 10)
    const wanted = Array.isArray(body.properties)
      ? body.properties.map(String)
      : ['email', 'firstname', 'lastname']
    const results = found.slice(0, limit).map((contact) => ({
      ...contact,
      properties: Object.fromEntries(
        ['hs_object_id', 'createdate', 'lastmodifieddate', ...wanted].map((key) => [
          key,
          contact.properties[key] ?? null,
        ]),
      ),
    }))
    return { status: 200, body: { total: found.length, results } }
  }

  const createNote = (body: unknown): FakeReply => {
    if (!isObject(body) || !isObject(body.properties))
      return error(400, 'VALIDATION_ERROR', 'Invalid input JSON: properties is required')
    const problems = notePropertyErrors(body.properties)
    if (problems.length > 0) return invalidProperties(problems)
    const associations: HubSpotNote['associations'] = []
    for (const association of Array.isArray(body.associations) ? body.associations : []) {
      const to = isObject(association) && isObject(association.to) ? String(association.to.id) : undefined
      const types =
        isObject(association) && Array.isArray(association.types) ? association.types.filter(isObject) : []
      if (!to || types.length === 0)
        return error(400, 'VALIDATION_ERROR', 'Each association needs to.id and types')
      for (const type of types) {
        if (type.associationCategory !== 'HUBSPOT_DEFINED' || type.associationTypeId !== 202) {
          return error(
            400,
            'VALIDATION_ERROR',
            `Association type ${String(type.associationCategory)}/${String(type.associationTypeId)} is not note → contact`,
          )
        }
        if (!contacts.some((contact) => contact.id === to))
          return error(400, 'VALIDATION_ERROR', `${to} is not a valid contact id`)
        associations.push({ toObjectId: to, associationTypeId: 202 })
      }
    }
    const note = { ...newObject(strings(body.properties)), associations }
    notes.push(note)
    const { associations: _hidden, ...shown } = note
    return { status: 201, body: shown }
  }

  const patchContact = (id: string, body: unknown): FakeReply => {
    const contact = contacts.find((candidate) => candidate.id === id)
    if (!contact) return error(404, 'OBJECT_NOT_FOUND', 'resource not found')
    if (!isObject(body) || !isObject(body.properties))
      return error(400, 'VALIDATION_ERROR', 'Invalid input JSON: properties is required')
    const problems = contactPropertyErrors(body.properties, custom, owners)
    if (problems.length > 0) return invalidProperties(problems)
    contact.updatedAt = new Date().toISOString()
    Object.assign(contact.properties, strings(body.properties), { lastmodifieddate: contact.updatedAt })
    return { status: 200, body: contact }
  }

  const handle = (request: FakeRequest): FakeReply => {
    if (bearer(request) !== token) return errorReply(401)
    const body = request.method === 'GET' ? undefined : readJson(request.body)
    if (request.method !== 'GET' && body === undefined)
      return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1, column 1')
    const route = `${request.method} ${request.path}`
    if (route === 'POST /crm/v3/objects/contacts') return need(WRITE) ?? createContact(body)
    if (route === 'POST /crm/v3/objects/contacts/search') return need(READ) ?? search(body)
    if (route === 'GET /crm/v3/objects/contacts') {
      const limit = Math.min(100, Number(request.query.get('limit') ?? 10) || 10)
      return need(READ) ?? { status: 200, body: { results: contacts.slice(0, limit) } }
    }
    if (route === 'POST /crm/v3/objects/notes') return need(WRITE) ?? createNote(body)
    const contactRoute = /^PATCH \/crm\/v3\/objects\/contacts\/(\d+)$/.exec(route)
    if (contactRoute) return need(WRITE) ?? patchContact(contactRoute[1] ?? '', body)
    return error(404, 'OBJECT_NOT_FOUND', 'resource not found')
  }

  const server = await startFakeServer({ handle, errorReply, throttleReply: () => errorReply(429) })
  return { ...server, token, contacts: () => structuredClone(contacts), notes: () => structuredClone(notes) }
}
