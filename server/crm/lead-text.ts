/**
 * Plain-text renderings of a lead shared by the adapters: what the business reads in the CRM's
 * comment, note or timeline. Pure functions.
 */
import type { Lead, LeadKind, LeadUtm, Transcript } from './types.ts'

export const KIND_LABEL: Record<LeadKind, string> = {
  chat: 'Chat',
  callback: 'Callback request',
  form: 'Form',
}

const UTM_KEYS: ReadonlyArray<keyof LeadUtm> = ['source', 'medium', 'campaign', 'term', 'content']

export function utmText(utm: LeadUtm | undefined): string | undefined {
  if (!utm) return undefined
  const pairs = UTM_KEYS.filter((key) => utm[key]).map((key) => `utm_${key}=${utm[key]}`)
  return pairs.length > 0 ? pairs.join(', ') : undefined
}

/** "Openline chat · https://shop.example/pricing" — where the lead came from, in one line. */
export function sourceLine(lead: Lead): string {
  const page = lead.source.pageUrl ? ` · ${lead.source.pageUrl}` : ''
  return `Openline ${KIND_LABEL[lead.kind].toLowerCase()}${page}`
}

/** Everything about the lead that has no dedicated CRM field, one fact per line. */
export function leadDetails(lead: Lead, conversationUrl?: string): string {
  const lines: string[] = [`${sourceLine(lead)} (lead ${lead.id})`]
  if (lead.comment) lines.push(`Comment: ${lead.comment}`)
  // issue 6 item 1: the site's own user id (`Openline('identify', { id })`), so the CRM shows who it is
  if (lead.contact.externalId) lines.push(`User id: ${lead.contact.externalId}`)
  for (const [label, value] of Object.entries(lead.fields ?? {})) lines.push(`${label}: ${value}`)
  if (lead.source.referrer) lines.push(`Referrer: ${lead.source.referrer}`)
  const utm = utmText(lead.source.utm)
  if (utm) lines.push(`UTM: ${utm}`)
  if (conversationUrl) lines.push(`Conversation: ${conversationUrl}`)
  return lines.join('\n')
}

function clock(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ')
}

/** The transcript as text: the relay's rendering when given, otherwise one line per message (UTC times). */
export function transcriptText(transcript: Transcript): string {
  if (transcript.text.trim() !== '') return transcript.text
  return transcript.messages
    .map((message) => `[${clock(message.at)}] ${message.name ?? message.author}: ${message.text}`)
    .join('\n')
}

/** Details, then the transcript: the one note Kommo and HubSpot get per lead. */
export function noteText(lead: Lead, transcript: Transcript): string {
  const body = transcriptText(transcript)
  const details = leadDetails(lead, transcript.conversationUrl)
  return body === '' ? details : `${details}\n\nTranscript:\n${body}`
}

export function splitName(name: string | undefined): { first?: string; last?: string } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean)
  if (parts.length === 0) return {}
  const [first, ...rest] = parts
  return rest.length > 0 ? { first, last: rest.join(' ') } : { first }
}
