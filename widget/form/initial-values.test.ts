import { describe, expect, it } from 'vitest'
import type { FormDefinition } from '../../server/forms/form-types.ts'
import { initialValues } from './initial-values.ts'

const def: FormDefinition = {
  version: 1,
  sections: [
    {
      key: 's',
      fields: [
        { key: 'name', type: 'text', label: 'Name', default: 'Guest' },
        { key: 'seats', type: 'number', label: 'Seats', default: 2 },
        { key: 'topics', type: 'checkboxes', label: 'Topics', options: [{ value: 'a', label: 'A' }] },
        { key: 'terms', type: 'consent', label: 'Terms' },
        { key: 'ref', type: 'hidden', label: 'Ref', source: { from: 'param', name: 'ref' } },
        { key: 'camp', type: 'hidden', label: 'Campaign', source: { from: 'utm', name: 'campaign' } },
        { key: 'page', type: 'hidden', label: 'Page', source: { from: 'pageUrl' } },
        { key: 'missing', type: 'hidden', label: 'Missing', source: { from: 'param', name: 'nope' } },
      ],
    },
  ],
}

describe('initialValues', () => {
  it('takes defaults, then prefill by key, and hidden fields from the page address', () => {
    const href = 'https://shop.example/p?ref=friend&utm_campaign=spring&name=ignored'
    expect(initialValues(def, { name: 'Anna', topics: 'a', ref: 'prefill-cannot-set-hidden' }, href)).toEqual(
      {
        name: 'Anna',
        seats: 2,
        topics: ['a'],
        ref: 'friend',
        camp: 'spring',
        page: href,
      },
    )
    expect(initialValues(def, {}, 'https://shop.example/')).toEqual({
      name: 'Guest',
      seats: 2,
      page: 'https://shop.example/',
    })
  })
})
