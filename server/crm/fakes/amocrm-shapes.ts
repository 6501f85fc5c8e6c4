/**
 * Kommo API v4 shapes used by the fake: the lead, contact and note models it stores and lists,
 * and its answers — hal+json on success, problem+json `{ title, type, status, detail }` on error,
 * with `validation-errors` for bad input (Kommo API: "Errors and API responses").
 */
import type { AmoFieldError } from './amocrm-validate.ts'
import type { FakeReply } from './fake-types.ts'

export interface AmoLead {
  id: number
  name: string
  responsible_user_id: number
  pipeline_id: number
  status_id: number
  created_at: number
  updated_at: number
  custom_fields_values: unknown[] | null
  _embedded: { tags: Array<{ id: number; name: string }>; contacts: Array<{ id: number; is_main: boolean }> }
}

export interface AmoContact {
  id: number
  name: string
  first_name?: string
  last_name?: string
  custom_fields_values: unknown[] | null
}

export interface AmoNote {
  id: number
  entity_id: number
  note_type: string
  params: Record<string, unknown>
  created_at: number
}

export const HAL = { 'content-type': 'application/hal+json' }
const PROBLEM = { 'content-type': 'application/problem+json' }

export const problem = (
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): FakeReply => ({
  status,
  headers: PROBLEM,
  body: { ...extra, title, type: `https://httpstatus.es/${status}`, status, detail },
})

export const invalid = (groups: Array<{ request_id: string; errors: AmoFieldError[] }>): FakeReply =>
  problem(400, 'Bad Request', 'Request validation failed', { 'validation-errors': groups })

export function errorReply(status: number): FakeReply {
  if (status === 400) {
    return invalid([
      {
        request_id: '0',
        errors: [
          {
            code: 'NotSupportedChoice',
            path: 'custom_fields_values.0.field_id',
            detail: 'The value you selected is not a valid choice.',
          },
        ],
      },
    ])
  }
  const titles: Record<number, string> = {
    401: 'Unauthorized',
    402: 'Payment Required',
    403: 'Forbidden',
    404: 'Not Found',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  }
  const title = titles[status] ?? 'Error'
  return problem(status, title, title)
}
