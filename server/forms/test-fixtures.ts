/** A form using every field type, for the forms tests (not imported by production code). */
import type { FormDefinition } from './form-types.ts'

const options = [
  { value: 'sales', label: 'Sales' },
  { value: 'support', label: 'Support' },
]

export const sampleForm: FormDefinition = {
  version: 1,
  title: 'Contact us',
  sections: [
    {
      key: 'about',
      fields: [
        { key: 'name', type: 'text', label: 'Name', required: true, maxLength: 20 },
        { key: 'email', type: 'email', label: 'E-mail', required: true },
        { key: 'phone', type: 'phone', label: 'Phone', country: 'PL' },
        { key: 'team', type: 'radio', label: 'Team', options, required: true },
        {
          key: 'company',
          type: 'text',
          label: 'Company',
          required: true,
          showIf: { field: 'team', op: 'eq', value: 'sales' },
        },
        {
          key: 'seats',
          type: 'number',
          label: 'Seats',
          min: 1,
          max: 1000,
          required: true,
          showIf: { field: 'company', op: 'notEmpty' },
        },
        { key: 'topics', type: 'checkboxes', label: 'Topics', options },
        { key: 'day', type: 'date', label: 'Day' },
        { key: 'kind', type: 'select', label: 'Kind', options },
        { key: 'notes', type: 'longText', label: 'Notes' },
        { key: 'cv', type: 'file', label: 'CV' },
        { key: 'utm', type: 'hidden', label: 'Campaign', source: { from: 'utm', name: 'campaign' } },
        { key: 'terms', type: 'consent', label: 'I agree', required: true },
      ],
    },
  ],
}

/**
 * The CRM tests' contact form: a required name and e-mail in one section, then `extra` fields
 * (the lead tests for Bitrix24, Tryton and the console send it).
 */
export function contactForm(extra: FormDefinition['sections'][number]['fields'] = []): FormDefinition {
  return {
    version: 1,
    sections: [
      {
        key: 'contact',
        fields: [
          { key: 'name', type: 'text', label: 'Name', required: true },
          { key: 'email', type: 'email', label: 'E-mail', required: true },
          ...extra,
        ],
      },
    ],
  }
}
