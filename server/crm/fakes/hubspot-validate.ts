/**
 * Property checks of the HubSpot fake, answering as HubSpot does: 400 VALIDATION_ERROR whose
 * message lists `{ isValid, message, error, name }` per property (PROPERTY_DOESNT_EXIST,
 * INVALID_EMAIL, INVALID_OPTION), HubSpot CRM API v3 "Contacts" and "Properties".
 */
export const CONTACT_PROPERTIES = new Set([
  'email',
  'firstname',
  'lastname',
  'phone',
  'mobilephone',
  'company',
  'website',
  'jobtitle',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'lifecyclestage',
  'hs_lead_status',
  'hubspot_owner_id',
  'message',
])
const LIFECYCLE = new Set([
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
])
const LEAD_STATUS = new Set([
  'NEW',
  'OPEN',
  'IN_PROGRESS',
  'OPEN_DEAL',
  'UNQUALIFIED',
  'ATTEMPTED_TO_CONTACT',
  'CONNECTED',
  'BAD_TIMING',
])
const NOTE_PROPERTIES = new Set(['hs_timestamp', 'hs_note_body', 'hubspot_owner_id', 'hs_attachment_ids'])

export interface PropertyError {
  isValid: false
  message: string
  error: string
  name: string
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const invalid = (name: string, error: string, message: string): PropertyError => ({
  isValid: false,
  message,
  error,
  name,
})

export function contactPropertyErrors(
  properties: Record<string, unknown>,
  custom: ReadonlySet<string>,
  owners: readonly string[],
): PropertyError[] {
  const errors: PropertyError[] = []
  for (const [name, raw] of Object.entries(properties)) {
    const value = String(raw)
    if (!CONTACT_PROPERTIES.has(name) && !custom.has(name)) {
      errors.push(invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`))
    } else if (typeof raw === 'object' && raw !== null) {
      errors.push(invalid(name, 'INVALID_TYPE', `${name} must be a string`))
    } else if (name === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      errors.push(invalid(name, 'INVALID_EMAIL', `Email address ${value} is invalid`))
    } else if (name === 'lifecyclestage' && !LIFECYCLE.has(value)) {
      errors.push(invalid(name, 'INVALID_OPTION', `${value} was not one of the allowed options`))
    } else if (name === 'hs_lead_status' && !LEAD_STATUS.has(value)) {
      errors.push(invalid(name, 'INVALID_OPTION', `${value} was not one of the allowed options`))
    } else if (name === 'hubspot_owner_id' && !owners.includes(value)) {
      errors.push(invalid(name, 'INVALID_OWNER_ID', `${value} is not a valid owner id`))
    }
  }
  return errors
}

export function notePropertyErrors(properties: Record<string, unknown>): PropertyError[] {
  const errors: PropertyError[] = []
  for (const name of Object.keys(properties)) {
    if (!NOTE_PROPERTIES.has(name))
      errors.push(invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`))
  }
  const timestamp = properties.hs_timestamp
  if (
    timestamp === undefined ||
    (!/^\d+$/.test(String(timestamp)) && Number.isNaN(Date.parse(String(timestamp))))
  ) {
    errors.push(
      invalid(
        'hs_timestamp',
        'REQUIRED_PROPERTY',
        'hs_timestamp is required: a Unix timestamp in ms or UTC format',
      ),
    )
  }
  if (typeof properties.hs_note_body === 'string' && properties.hs_note_body.length > 65_536) {
    errors.push(invalid('hs_note_body', 'INVALID_LENGTH', 'hs_note_body is limited to 65,536 characters'))
  }
  return errors
}
