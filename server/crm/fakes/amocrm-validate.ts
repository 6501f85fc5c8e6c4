/**
 * The request checks of the Kommo fake, answering in Kommo's `validation-errors` shape (Kommo API:
 * "Errors and API responses", "Custom fields": multitext PHONE/EMAIL enum codes, tracking fields).
 */
export interface AmoFieldError {
  code: string
  path: string
  detail: string
}

export const LEAD_FIELD_CODES = new Set([
  'UTM_SOURCE',
  'UTM_MEDIUM',
  'UTM_CAMPAIGN',
  'UTM_TERM',
  'UTM_CONTENT',
  'UTM_REFERRER',
  'REFERRER',
  'GCLID',
  'FBCLID',
])
export const CONTACT_ENUMS: Record<string, Set<string>> = {
  PHONE: new Set(['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER']),
  EMAIL: new Set(['WORK', 'PRIV', 'OTHER']),
}
export const NOTE_TYPES = new Set([
  'common',
  'call_in',
  'call_out',
  'service_message',
  'extended_service_message',
  'message_cashier',
  'geolocation',
  'sms_in',
  'sms_out',
  'attachment',
])

const NOT_A_CHOICE = 'The value you selected is not a valid choice.'

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function fieldValueErrors(
  value: unknown,
  path: string,
  codes: Set<string> | Record<string, Set<string>>,
): AmoFieldError[] {
  if (value === undefined) return []
  if (!Array.isArray(value))
    return [{ code: 'InvalidType', path, detail: 'This value should be of type array.' }]
  const errors: AmoFieldError[] = []
  value.forEach((field, index) => {
    const at = `${path}.${index}`
    if (!isObject(field)) {
      errors.push({ code: 'InvalidType', path: at, detail: 'This value should be of type object.' })
      return
    }
    const code = typeof field.field_code === 'string' ? field.field_code : undefined
    const known = code !== undefined && (codes instanceof Set ? codes.has(code) : code in codes)
    if (typeof field.field_id !== 'number' && !known) {
      errors.push({ code: 'NotSupportedChoice', path: `${at}.field_code`, detail: NOT_A_CHOICE })
      return
    }
    if (!Array.isArray(field.values) || field.values.length === 0) {
      errors.push({ code: 'NotBlank', path: `${at}.values`, detail: 'This value should not be blank.' })
      return
    }
    field.values.forEach((item: unknown, valueIndex: number) => {
      const valuePath = `${at}.values.${valueIndex}`
      if (!isObject(item) || typeof item.value !== 'string' || item.value === '') {
        errors.push({
          code: 'NotBlank',
          path: `${valuePath}.value`,
          detail: 'This value should not be blank.',
        })
        return
      }
      const enums = codes instanceof Set || code === undefined ? undefined : codes[code]
      if (enums && item.enum_code !== undefined && !enums.has(String(item.enum_code))) {
        errors.push({ code: 'NotSupportedChoice', path: `${valuePath}.enum_code`, detail: NOT_A_CHOICE })
      }
    })
  })
  return errors
}

/**
 * `_embedded.metadata` of a complex lead (Kommo API: "Complex addition of leads" — metadata for
 * duplicate control, `category` forms or sip; "Metadata objects description" — the fields of each).
 * The forms fields are the ones Kommo's own PHP library always sends: form_id, form_name, form_page,
 * form_sent_at; ip and referer are optional strings.
 */
export function metadataErrors(metadata: unknown): AmoFieldError[] {
  const at = '_embedded.metadata'
  if (!isObject(metadata))
    return [{ code: 'InvalidType', path: at, detail: 'This value should be of type object.' }]
  if (metadata.category !== 'forms' && metadata.category !== 'sip') {
    return [{ code: 'NotSupportedChoice', path: `${at}.category`, detail: NOT_A_CHOICE }]
  }
  const errors: AmoFieldError[] = []
  const text = (key: string, required: boolean) => {
    const value = metadata[key]
    if (value === undefined ? required : typeof value !== 'string')
      errors.push({
        code: 'InvalidType',
        path: `${at}.${key}`,
        detail: 'This value should be of type string.',
      })
  }
  const time = (key: string) => {
    if (!Number.isInteger(metadata[key]))
      errors.push({ code: 'InvalidType', path: `${at}.${key}`, detail: 'This value should be of type int.' })
  }
  if (metadata.category === 'forms') {
    const id = metadata.form_id
    if (!((typeof id === 'string' && id !== '') || Number.isInteger(id)))
      errors.push({ code: 'NotBlank', path: `${at}.form_id`, detail: 'This value should not be blank.' })
    text('form_name', true)
    text('form_page', true)
    time('form_sent_at')
    text('ip', false)
    text('referer', false)
  } else {
    text('uniq', true)
    text('phone', true)
    time('called_at')
  }
  return errors
}

export function complexLeadErrors(lead: unknown, users: readonly number[]): AmoFieldError[] {
  if (!isObject(lead))
    return [{ code: 'InvalidType', path: '', detail: 'This value should be of type object.' }]
  const errors: AmoFieldError[] = []
  if (lead.name !== undefined && typeof lead.name !== 'string') {
    errors.push({ code: 'InvalidType', path: 'name', detail: 'This value should be of type string.' })
  }
  if (lead.responsible_user_id !== undefined && !users.includes(Number(lead.responsible_user_id))) {
    errors.push({ code: 'NotSupportedChoice', path: 'responsible_user_id', detail: NOT_A_CHOICE })
  }
  errors.push(...fieldValueErrors(lead.custom_fields_values, 'custom_fields_values', LEAD_FIELD_CODES))
  const embedded = lead._embedded
  if (embedded !== undefined && !isObject(embedded)) {
    errors.push({ code: 'InvalidType', path: '_embedded', detail: 'This value should be of type object.' })
    return errors
  }
  const contacts = embedded?.contacts
  if (contacts !== undefined) {
    if (!Array.isArray(contacts) || contacts.length > 1) {
      errors.push({ code: 'InvalidType', path: '_embedded.contacts', detail: 'One related contact at most.' })
    } else if (contacts[0] !== undefined) {
      const person = contacts[0]
      if (!isObject(person)) {
        errors.push({
          code: 'InvalidType',
          path: '_embedded.contacts.0',
          detail: 'This value should be of type object.',
        })
      } else {
        errors.push(
          ...fieldValueErrors(
            person.custom_fields_values,
            '_embedded.contacts.0.custom_fields_values',
            CONTACT_ENUMS,
          ),
        )
      }
    }
  }
  if (embedded?.metadata !== undefined) errors.push(...metadataErrors(embedded.metadata))
  const tags = embedded?.tags
  if (
    tags !== undefined &&
    (!Array.isArray(tags) ||
      tags.some((tag) => !isObject(tag) || (typeof tag.name !== 'string' && typeof tag.id !== 'number')))
  ) {
    errors.push({
      code: 'InvalidType',
      path: '_embedded.tags',
      detail: 'Tags are objects with a name or an id.',
    })
  }
  return errors
}
