/**
 * The CRM connection editor's draft (issue "Leads to CRM", item 5): the fields each kind asks for,
 * and the conversions between the API's masked view, the form's strings and the request body.
 * Secrets come back masked; sending a masked value unchanged keeps the stored secret on the server.
 */
import type { LeadRules } from '../../server/leads/lead-rules-schema.ts'
import type { CrmConnectionBody, CrmConnectionView, CrmKindName, CrmSettingsInput } from '../api/index.ts'
import type { MessageKey } from '../i18n/en.ts'
import { ENGLISH } from '../i18n/english.ts'
import type { Translate } from '../i18n/translate.ts'

export type FieldKind = 'text' | 'url' | 'secret' | 'number' | 'checkbox' | 'list'

export interface KindField {
  key: string
  /** Catalog keys, so the editor shows them in the console's language (issue 5, item 7). */
  label: MessageKey
  kind: FieldKind
  required: boolean
  hint?: MessageKey
}

/** Product names stay as they are; only the generic "Signed webhook" is a catalog message. */
const CRM_KIND_LABELS: Record<CrmKindName, string | MessageKey> = {
  bitrix24: 'Bitrix24',
  amocrm: 'amoCRM / Kommo',
  hubspot: 'HubSpot',
  webhook: 'crmDraft.signedWebhook',
  tryton: 'Tryton',
}

export const CRM_KINDS = Object.keys(CRM_KIND_LABELS) as CrmKindName[]

export function crmKindLabel(kind: CrmKindName, t: Translate = ENGLISH.t): string {
  return kind === 'webhook' ? t('crmDraft.signedWebhook') : CRM_KIND_LABELS[kind]
}

export const KIND_FIELDS: Record<CrmKindName, KindField[]> = {
  bitrix24: [
    {
      key: 'webhookUrl',
      label: 'crmDraft.incomingWebhookUrl',
      kind: 'secret',
      required: true,
      hint: 'crmDraft.bitrix24Hint',
    },
  ],
  amocrm: [
    {
      key: 'baseUrl',
      label: 'crmDraft.accountAddress',
      kind: 'url',
      required: true,
      hint: 'crmDraft.amoHint',
    },
    { key: 'token', label: 'crmDraft.longLivedToken', kind: 'secret', required: true },
    { key: 'pipelineId', label: 'crmDraft.pipelineId', kind: 'number', required: false },
    { key: 'statusId', label: 'crmDraft.stageId', kind: 'number', required: false },
    {
      key: 'tags',
      label: 'crmDraft.tags',
      kind: 'list',
      required: false,
      hint: 'crmDraft.separatedByCommas',
    },
    {
      key: 'trackingFields',
      label: 'crmDraft.trackingFields',
      kind: 'checkbox',
      required: false,
    },
    // Issue 6, item 4: Kommo's duplicate control for leads/complex.
    {
      key: 'duplicateControl',
      label: 'crmDraft.duplicateControl',
      kind: 'checkbox',
      required: false,
      hint: 'crmDraft.duplicateControlHint',
    },
  ],
  hubspot: [
    { key: 'token', label: 'crmDraft.privateAppToken', kind: 'secret', required: true },
    {
      key: 'leadIdProperty',
      label: 'crmDraft.leadIdProperty',
      kind: 'text',
      required: false,
      hint: 'crmDraft.leadIdPropertyHint',
    },
  ],
  webhook: [
    { key: 'url', label: 'crmDraft.receiverUrl', kind: 'secret', required: true },
    {
      key: 'secret',
      label: 'crmDraft.signingSecret',
      kind: 'secret',
      required: false,
      hint: 'crmDraft.signingSecretHint',
    },
  ],
  tryton: [
    {
      key: 'url',
      label: 'crmDraft.trytonUrl',
      kind: 'url',
      required: true,
      hint: 'crmDraft.trytonHint',
    },
    { key: 'user', label: 'crmDraft.user', kind: 'text', required: true },
    { key: 'password', label: 'crmDraft.password', kind: 'secret', required: true },
  ],
}

export interface FieldMapRow {
  from: string
  to: string
}

export interface ConnectionDraft {
  id: string | null
  name: string
  enabled: boolean
  kind: CrmKindName
  /** Text of every field; checkboxes as 'true' / ''. */
  values: Record<string, string>
  fieldRows: FieldMapRow[]
  /** Operator id → CRM user id; empty = not mapped. */
  userMap: Record<string, string>
  /** Which leads go to this connection (issue 6, item 1); empty line/widget lists = all. */
  leadRules: LeadRules
}

/** The server's defaults (server/leads/lead-rules-schema.ts): every lead, recognised clients attached. */
export function defaultLeadRules(): LeadRules {
  return { sources: ['chat', 'callback', 'form'], lineIds: [], widgetIds: [], recognisedClient: 'attach' }
}

export function emptyDraft(kind: CrmKindName = 'webhook'): ConnectionDraft {
  return {
    id: null,
    name: '',
    enabled: true,
    kind,
    values: {},
    fieldRows: [],
    userMap: {},
    leadRules: defaultLeadRules(),
  }
}

/** Adds or removes one item of a rule's list, keeping the order items were picked in. */
export function toggleItem<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item)
  return on ? [...without, item] : without
}

export function draftFromConnection(connection: CrmConnectionView): ConnectionDraft {
  const values: Record<string, string> = {}
  const settings = connection.settings as Record<string, unknown>
  for (const field of KIND_FIELDS[connection.settings.kind]) {
    const value = settings[field.key]
    if (Array.isArray(value)) values[field.key] = value.join(', ')
    else if (typeof value === 'boolean') values[field.key] = value ? 'true' : ''
    else if (value !== undefined && value !== null) values[field.key] = String(value)
  }
  return {
    id: connection.id,
    name: connection.name,
    enabled: connection.enabled,
    kind: connection.settings.kind,
    values,
    fieldRows: Object.entries(connection.fieldMap).map(([from, to]) => ({ from, to })),
    userMap: { ...connection.userMap },
    leadRules: {
      sources: [...connection.leadRules.sources],
      lineIds: [...connection.leadRules.lineIds],
      widgetIds: [...connection.leadRules.widgetIds],
      recognisedClient: connection.leadRules.recognisedClient,
    },
  }
}

/** Problems the form can tell before asking the server, by field key ('name', a settings key, 'fieldMap'). */
export function draftProblems(draft: ConnectionDraft, t: Translate = ENGLISH.t): Record<string, string> {
  const problems: Record<string, string> = {}
  if (draft.name.trim() === '') problems.name = t('crmDraft.giveAName')
  for (const field of KIND_FIELDS[draft.kind]) {
    const value = (draft.values[field.key] ?? '').trim()
    if (field.required && value === '')
      problems[field.key] = t('crmDraft.isRequired', { field: t(field.label) })
    if (field.kind === 'number' && value !== '' && !/^\d+$/.test(value))
      problems[field.key] = t('crmDraft.wholeNumber')
  }
  const froms = draft.fieldRows.map((row) => row.from.trim()).filter(Boolean)
  if (new Set(froms).size !== froms.length) problems.fieldMap = t('crmDraft.mappedOnce')
  if (draft.fieldRows.some((row) => (row.from.trim() === '') !== (row.to.trim() === ''))) {
    problems.fieldMap = t('crmDraft.fillBothSides')
  }
  if (draft.leadRules.sources.length === 0) problems.leadRules = t('leadRules.pickASource')
  return problems
}

function settingsOf(draft: ConnectionDraft): CrmSettingsInput {
  const out: Record<string, unknown> = { kind: draft.kind }
  for (const field of KIND_FIELDS[draft.kind]) {
    const value = (draft.values[field.key] ?? '').trim()
    if (field.kind === 'checkbox') {
      if (value) out[field.key] = true
      continue
    }
    if (value === '') continue
    if (field.kind === 'number') out[field.key] = Number(value)
    else if (field.kind === 'list')
      out[field.key] = value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    else out[field.key] = value
  }
  // The union is checked by the server; the fields above come from the same kind's list.
  return out as CrmSettingsInput
}

export function draftToBody(
  draft: ConnectionDraft,
): CrmConnectionBody & { name: string; settings: CrmSettingsInput } {
  const fieldMap: Record<string, string> = {}
  for (const row of draft.fieldRows)
    if (row.from.trim() && row.to.trim()) fieldMap[row.from.trim()] = row.to.trim()
  const userMap: Record<string, string> = {}
  for (const [operatorId, crmUser] of Object.entries(draft.userMap))
    if (crmUser.trim()) userMap[operatorId] = crmUser.trim()
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    settings: settingsOf(draft),
    fieldMap,
    userMap,
    leadRules: draft.leadRules,
  }
}
