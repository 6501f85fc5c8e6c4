import { describe, expect, it } from 'vitest'
import type { FormDefinition, FormValues } from './form-types.ts'
import { type FieldProblems, rawValuesSchema, validateSubmission } from './submission-schema.ts'
import { sampleForm } from './test-fixtures.ts'

const ok: FormValues = { name: 'Ann', email: 'ann@example.com', team: 'support', terms: true }

describe('validateSubmission', () => {
  it('keeps the visible, non-empty values, normalised', () => {
    const r = validateSubmission(sampleForm, {
      ...ok,
      email: ' Ann@Example.COM ',
      phone: '601 234 567',
      topics: ['sales'],
      day: '2025-03-01',
      notes: '',
      utm: 'spring',
    })
    expect(r).toMatchObject({
      ok: true,
      values: {
        name: 'Ann',
        email: 'ann@example.com',
        phone: '+48601234567',
        team: 'support',
        topics: ['sales'],
        day: '2025-03-01',
        utm: 'spring',
        terms: true,
      },
    })
    if (r.ok) {
      expect(r.values).not.toHaveProperty('notes')
      expect(r.fields.map((f) => f.key)).not.toContain('company')
      expect(r.fields.find((f) => f.key === 'team')?.options).toEqual({ sales: 'Sales', support: 'Support' })
    }
  })

  it('requires what a condition reveals, down a chain', () => {
    expect(validateSubmission(sampleForm, { ...ok, team: 'sales' })).toEqual({
      ok: false,
      fields: { company: { text: 'form.required' } },
    })
    expect(validateSubmission(sampleForm, { ...ok, team: 'sales', company: 'Acme' })).toEqual({
      ok: false,
      fields: { seats: { text: 'form.required' } },
    })
    const r = validateSubmission(sampleForm, { ...ok, team: 'sales', company: 'Acme', seats: '12' })
    expect(r).toMatchObject({ ok: true, values: { company: 'Acme', seats: 12 } })
  })

  it('drops values of fields hidden by a condition', () => {
    const r = validateSubmission(sampleForm, { ...ok, company: 'Sneaky', seats: 'not a number' })
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.values).not.toHaveProperty('company')
      expect(r.values).not.toHaveProperty('seats')
    }
  })

  const hostile: Array<[string, FormValues, FieldProblems]> = [
    ['unknown field', { ...ok, admin: 'true' }, { admin: { text: 'form.unknownField' } }],
    [
      'missing required',
      { team: 'support', terms: true },
      { name: { text: 'form.required' }, email: { text: 'form.required' } },
    ],
    ['consent not given', { ...ok, terms: false }, { terms: { text: 'form.required' } }],
    ['consent as a string', { ...ok, terms: 'yes' }, { terms: { text: 'form.consent' } }],
    ['bad e-mail', { ...ok, email: 'not-an-email' }, { email: { text: 'form.invalidEmail' } }],
    ['e-mail as a number', { ...ok, email: 7 }, { email: { text: 'form.invalidEmail' } }],
    ['bad phone', { ...ok, phone: '12' }, { phone: { text: 'form.invalidPhone' } }],
    ['option not offered', { ...ok, team: 'hr' }, { team: { text: 'form.chooseOption' } }],
    ['checkbox not offered', { ...ok, topics: ['sales', 'hr'] }, { topics: { text: 'form.chooseOption' } }],
    ['checkboxes as a string', { ...ok, topics: 'sales' }, { topics: { text: 'form.chooseOption' } }],
    ['a checkbox twice', { ...ok, topics: ['sales', 'sales'] }, { topics: { text: 'form.optionTwice' } }],
    ['text as a number', { ...ok, name: 42 }, { name: { text: 'form.enterText' } }],
    ['text too long', { ...ok, name: 'x'.repeat(21) }, { name: { text: 'form.tooLong' } }],
    [
      'number under its minimum',
      { ...ok, team: 'sales', company: 'A', seats: 0 },
      { seats: { text: 'form.atLeast', params: { min: 1 } } },
    ],
    [
      'number over its maximum',
      { ...ok, team: 'sales', company: 'A', seats: 1001 },
      { seats: { text: 'form.atMost', params: { max: 1000 } } },
    ],
    [
      'number as words',
      { ...ok, team: 'sales', company: 'A', seats: 'ten' },
      { seats: { text: 'form.invalidNumber' } },
    ],
    ['impossible date', { ...ok, day: '2025-02-30' }, { day: { text: 'form.invalidDate' } }],
    ['file id with a path', { ...ok, cv: '../../etc/passwd' }, { cv: { text: 'form.attachFile' } }],
    ['select as a list', { ...ok, kind: ['sales'] }, { kind: { text: 'form.chooseOption' } }],
  ]
  it.each(hostile)('refuses %s', (_, values, fields) => {
    expect(validateSubmission(sampleForm, values)).toEqual({ ok: false, fields })
  })

  it('phone numbers with a country code pass without a field country', () => {
    const def: FormDefinition = {
      version: 1,
      sections: [{ key: 's', fields: [{ key: 'p', type: 'phone', label: 'P', required: true }] }],
    }
    expect(validateSubmission(def, { p: '+44 20 7946 0958' })).toMatchObject({
      ok: true,
      values: { p: '+442079460958' },
    })
    expect(validateSubmission(def, { p: '020 7946 0958' }).ok).toBe(false)
  })
})

describe('rawValuesSchema', () => {
  it('bounds sizes before the form is looked at', () => {
    expect(rawValuesSchema.safeParse({ a: 'x'.repeat(10_001) }).success).toBe(false)
    expect(rawValuesSchema.safeParse({ a: { nested: true } }).success).toBe(false)
    expect(
      rawValuesSchema.safeParse(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])))
        .success,
    ).toBe(false)
    expect(rawValuesSchema.safeParse({ a: ['x'], b: 1, c: true, d: null }).success).toBe(true)
  })
})
