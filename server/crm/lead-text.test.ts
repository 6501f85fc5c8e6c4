import { describe, expect, it } from 'vitest'
import { sampleLead } from './adapter.contract.ts'
import { leadDetails, noteText, splitName, transcriptText } from './lead-text.ts'

describe('lead text', () => {
  it('lists the facts without a dedicated CRM field, one per line', () => {
    const lead = sampleLead({ id: 'ol_1' })
    expect(leadDetails(lead, 'https://chat.example/c/1')).toBe(
      [
        'Openline chat · https://shop.example/pricing (lead ol_1)',
        'Comment: Do you ship to Austria?',
        'Company: Petrova GmbH',
        'Referrer: https://www.google.com/',
        'UTM: utm_source=google, utm_medium=cpc, utm_campaign=spring, utm_term=chat widget, utm_content=banner',
        'Conversation: https://chat.example/c/1',
      ].join('\n'),
    )
  })

  it('renders messages when the relay sent no text, and leaves out an empty transcript', () => {
    const at = Date.parse('2025-03-01T10:00:00Z')
    expect(
      transcriptText({
        text: ' ',
        messages: [
          { author: 'visitor', text: 'hi', at },
          { author: 'operator', name: 'Max', text: 'hello', at },
        ],
      }),
    ).toBe('[2025-03-01 10:00] visitor: hi\n[2025-03-01 10:00] Max: hello')
    const lead = sampleLead({ id: 'ol_2', kind: 'form', source: {}, comment: undefined, fields: undefined })
    expect(noteText(lead, { text: '', messages: [] })).toBe('Openline form (lead ol_2)')
  })

  it('splits a name at the first space', () => {
    expect(splitName(' Maria de la Cruz ')).toEqual({ first: 'Maria', last: 'de la Cruz' })
    expect(splitName('Anna')).toEqual({ first: 'Anna' })
    expect(splitName(undefined)).toEqual({})
  })
})
