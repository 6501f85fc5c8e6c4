/**
 * Contract fake of a Bitrix24 portal's incoming webhook (Bitrix24 REST docs: "Webhooks",
 * "crm.lead.add", "crm.lead.list", "crm.lead.update", "crm.timeline.comment.add", "scope",
 * "Limits", "Error codes"). Methods are `POST /rest/<user>/<token>/<method>[.json]` with a JSON
 * body; success is `{ result, time }`, failure `{ error, error_description }`. JSON bodies only:
 * the form-encoded variant Bitrix24 also accepts is not what the adapter sends.
 */
import { randomBytes } from 'node:crypto'
import { readJson, startFakeServer } from './fake-server.ts'
import type { FakeControls, FakeReply, FakeRequest } from './fake-types.ts'

export type BitrixRecord = Record<string, unknown> & { ID: string }

export interface BitrixComment {
  ID: number
  ENTITY_ID: number
  ENTITY_TYPE: string
  COMMENT: string
  CREATED: string
}

export interface Bitrix24FakeOptions {
  user?: string
  token?: string
  scopes?: string[]
}

export interface Bitrix24Fake extends FakeControls {
  readonly webhookUrl: string
  readonly token: string
  leads(): BitrixRecord[]
  comments(): BitrixComment[]
}

const SOURCE_IDS = new Set([
  'CALL',
  'EMAIL',
  'WEB',
  'ADVERTISING',
  'PARTNER',
  'RECOMMENDATION',
  'TRADE_SHOW',
  'WEBFORM',
  'CALLBACK',
  'RC_GENERATOR',
  'STORE',
  'OTHER',
])
const VALUE_TYPES: Record<string, Set<string>> = {
  PHONE: new Set(['WORK', 'MOBILE', 'FAX', 'HOME', 'PAGER', 'MAILING', 'OTHER']),
  EMAIL: new Set(['WORK', 'HOME', 'MAILING', 'OTHER']),
}
const ENTITY_TYPES = new Set(['lead', 'deal', 'contact', 'company', 'order'])
const CRM_METHODS = /^crm\./

const fail = (status: number, error: string, description: string): FakeReply => ({
  status,
  body: { error, error_description: description },
})

function errorReply(status: number): FakeReply {
  if (status === 503) return fail(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests')
  if (status === 429)
    return fail(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.')
  if (status === 401) return fail(401, 'INVALID_CREDENTIALS', 'Invalid request credentials')
  if (status === 403)
    return fail(
      403,
      'insufficient_scope',
      'The request requires higher privileges than provided by the webhook token',
    )
  if (status === 400) return fail(400, '', "Parameter 'fields' must be array.")
  if (status === 500) return fail(500, 'INTERNAL_SERVER_ERROR', 'Internal server error')
  return fail(status, 'ERROR_UNEXPECTED_ANSWER', 'Server returned an unexpected response.')
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function multiFieldError(name: string, value: unknown): string | undefined {
  if (!Array.isArray(value)) return `Field '${name}' must be an array of { VALUE, VALUE_TYPE }.`
  for (const item of value) {
    if (!isObject(item) || typeof item.VALUE !== 'string')
      return `Field '${name}' item must have a string VALUE.`
    if (item.VALUE_TYPE !== undefined && !VALUE_TYPES[name]?.has(String(item.VALUE_TYPE))) {
      return `Field '${name}' has an unknown VALUE_TYPE '${String(item.VALUE_TYPE)}'.`
    }
  }
  return undefined
}

function leadFieldsError(fields: Record<string, unknown>): string | undefined {
  for (const name of ['PHONE', 'EMAIL']) {
    if (fields[name] !== undefined) {
      const error = multiFieldError(name, fields[name])
      if (error) return error
    }
  }
  if (fields.SOURCE_ID !== undefined && !SOURCE_IDS.has(String(fields.SOURCE_ID)))
    return `Unknown SOURCE_ID '${String(fields.SOURCE_ID)}'.`
  for (const name of [
    'TITLE',
    'NAME',
    'COMMENTS',
    'ORIGINATOR_ID',
    'ORIGIN_ID',
    'UTM_SOURCE',
    'UTM_MEDIUM',
    'UTM_CAMPAIGN',
    'UTM_CONTENT',
    'UTM_TERM',
  ]) {
    if (fields[name] !== undefined && typeof fields[name] !== 'string')
      return `Field '${name}' must be a string.`
  }
  return undefined
}

function matches(record: BitrixRecord, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(
    ([key, value]) => String(record[key.replace(/^=/, '')] ?? '') === String(value),
  )
}

export async function startBitrix24Fake(options: Bitrix24FakeOptions = {}): Promise<Bitrix24Fake> {
  const user = options.user ?? '1'
  const token = options.token ?? randomBytes(8).toString('hex')
  const scopes = options.scopes ?? ['crm', 'user']
  const leads: BitrixRecord[] = []
  const comments: BitrixComment[] = []

  const ok = (result: unknown, extra: Record<string, unknown> = {}): FakeReply => {
    const start = Date.now() / 1000
    return {
      status: 200,
      body: {
        result,
        ...extra,
        time: {
          start,
          finish: start,
          duration: 0,
          processing: 0,
          date_start: new Date().toISOString(),
          date_finish: new Date().toISOString(),
          operating: 0,
        },
      },
    }
  }

  const methods: Record<string, (params: Record<string, unknown>) => FakeReply> = {
    scope: () => ok(scopes),
    'crm.lead.add': (params) => {
      if (!isObject(params.fields)) return fail(400, '', "Parameter 'fields' must be array.")
      const error = leadFieldsError(params.fields)
      if (error) return fail(400, '', error)
      const ID = String(leads.length + 1)
      const phone = params.fields.PHONE
      const email = params.fields.EMAIL
      leads.push({
        STATUS_ID: 'NEW',
        ...params.fields,
        ID,
        HAS_PHONE: Array.isArray(phone) && phone.length > 0 ? 'Y' : 'N',
        HAS_EMAIL: Array.isArray(email) && email.length > 0 ? 'Y' : 'N',
        DATE_CREATE: new Date().toISOString(),
      })
      return ok(Number(ID))
    },
    'crm.lead.list': (params) => {
      const filter = isObject(params.filter) ? params.filter : {}
      const select = Array.isArray(params.select) ? params.select.map(String) : ['*']
      const found = leads.filter((lead) => matches(lead, filter))
      const shaped = found.map((lead) =>
        select.includes('*')
          ? { ...lead }
          : Object.fromEntries(select.map((key) => [key, lead[key] ?? null])),
      )
      return ok(shaped, { total: shaped.length })
    },
    'crm.lead.get': (params) => {
      const lead = leads.find((candidate) => candidate.ID === String(params.id))
      return lead ? ok({ ...lead }) : fail(400, '', 'Not found')
    },
    'crm.lead.update': (params) => {
      const lead = leads.find((candidate) => candidate.ID === String(params.id))
      if (!lead) return fail(400, '', 'Not found')
      if (!isObject(params.fields)) return fail(400, '', "Parameter 'fields' must be array.")
      const error = leadFieldsError(params.fields)
      if (error) return fail(400, '', error)
      Object.assign(lead, params.fields, { ID: lead.ID })
      return ok(true)
    },
    'crm.timeline.comment.add': (params) => {
      // Since crm 23.100.0 only the lower-case `fields` key is accepted.
      const fields = params.fields
      if (!isObject(fields)) return fail(400, '', 'ENTITY_ID is not defined or invalid.')
      const entityId = Number(fields.ENTITY_ID)
      if (!Number.isInteger(entityId) || entityId <= 0)
        return fail(400, '', 'ENTITY_ID is not defined or invalid.')
      if (!ENTITY_TYPES.has(String(fields.ENTITY_TYPE)))
        return fail(400, '', 'ENTITY_TYPE is not defined or invalid.')
      if (fields.ENTITY_TYPE === 'lead' && !leads.some((lead) => lead.ID === String(entityId))) {
        return fail(400, '', 'Entity not found.')
      }
      if (typeof fields.COMMENT !== 'string' || fields.COMMENT.trim() === '')
        return fail(400, '', 'Empty comment.')
      const ID = comments.length + 1
      comments.push({
        ID,
        ENTITY_ID: entityId,
        ENTITY_TYPE: String(fields.ENTITY_TYPE),
        COMMENT: fields.COMMENT,
        CREATED: new Date().toISOString(),
      })
      return ok(ID)
    },
  }

  const handle = (request: FakeRequest): FakeReply => {
    const match = /^\/rest\/([^/]+)\/([^/]+)\/([A-Za-z0-9_.]+?)(?:\.json)?$/.exec(request.path)
    if (!match || match[1] !== user || match[2] !== token) {
      return fail(401, 'INVALID_CREDENTIALS', 'Invalid request credentials')
    }
    const method = match[3] ?? ''
    const handler = methods[method]
    if (!handler) return fail(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!')
    if (CRM_METHODS.test(method) && !scopes.includes('crm')) {
      return fail(
        401,
        'insufficient_scope',
        'The request requires higher privileges than provided by the webhook token',
      )
    }
    if (request.method !== 'POST' && request.method !== 'GET')
      return fail(405, 'ERROR_METHOD_NOT_ALLOWED', 'Method not allowed')
    const params = request.body.trim() === '' ? {} : readJson(request.body)
    if (!isObject(params)) return fail(400, 'INVALID_REQUEST', 'Request body must be a JSON object.')
    return handler(params)
  }

  const server = await startFakeServer({ handle, errorReply, throttleReply: () => errorReply(503) })
  return {
    ...server,
    webhookUrl: `${server.url}/rest/${user}/${token}/`,
    token,
    leads: () => leads.map((lead) => ({ ...lead })),
    comments: () => comments.map((comment) => ({ ...comment })),
  }
}
