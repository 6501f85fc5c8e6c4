import { describe, expect, it } from 'vitest'
import { formDefinitionSchema } from './definition-schema.ts'
import { sampleForm } from './test-fixtures.ts'

function issues(def: unknown): Array<{ path: string; message: string }> {
  const r = formDefinitionSchema.safeParse(def)
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

const form = (fields: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 1,
  sections: [{ key: 's', fields, ...extra }],
})
const t = (key: string, more: Record<string, unknown> = {}) => ({ key, type: 'text', label: key, ...more })

describe('formDefinitionSchema', () => {
  it('accepts a full form', () => {
    expect(issues(sampleForm)).toEqual([])
  })

  it.each([
    ['duplicate field keys', form([t('a'), t('a')]), 'sections.0.fields.1.key', 'Duplicate field key "a"'],
    [
      'a condition on an unknown field',
      form([t('a', { showIf: { field: 'ghost', op: 'empty' } })]),
      'sections.0.fields.0.showIf.field',
      'The condition refers to an unknown field "ghost"',
    ],
    [
      'a field depending on itself',
      form([t('a', { showIf: { any: [{ field: 'a', op: 'empty' }] } })]),
      'sections.0.fields.0.showIf.any.0.field',
      'A field cannot depend on itself',
    ],
    [
      'a cycle',
      form([
        t('a', { showIf: { field: 'b', op: 'empty' } }),
        t('b', { showIf: { field: 'a', op: 'empty' } }),
      ]),
      'sections.0.fields.0.showIf',
      'Conditions form a cycle through "a"',
    ],
    [
      'a section depending on its own field',
      form([t('a')], { showIf: { field: 'a', op: 'empty' } }),
      'sections.0.showIf',
      'A section cannot depend on its own fields',
    ],
    [
      'a radio without options',
      form([{ key: 'r', type: 'radio', label: 'R' }]),
      'sections.0.fields.0.options',
      'A radio field needs at least one option',
    ],
    [
      'a default outside the options',
      form([{ key: 'r', type: 'select', label: 'R', options: [{ value: 'a', label: 'A' }], default: 'b' }]),
      'sections.0.fields.0.default',
      'The default is not one of the options',
    ],
    [
      'a hidden field without a source',
      form([{ key: 'h', type: 'hidden', label: 'H' }]),
      'sections.0.fields.0.source',
      'A hidden field needs a source',
    ],
    [
      'too deep conditions',
      form([
        t('a'),
        t('b', { showIf: { all: [{ any: [{ all: [{ any: [{ field: 'a', op: 'empty' }] }] }] }] } }),
      ]),
      'sections.0.fields.1.showIf.all.0.any.0.all.0.any.0',
      'Conditions may nest at most 4 levels deep',
    ],
  ])('refuses %s', (_, def, path, message) => {
    expect(issues(def)).toContainEqual({ path, message })
  })

  it('refuses unknown properties, types and operators', () => {
    expect(issues(form([t('a', { onload: 'x' })])).length).toBeGreaterThan(0)
    expect(issues(form([{ key: 'a', type: 'script', label: 'A' }])).length).toBeGreaterThan(0)
    expect(issues(form([t('a'), t('b', { showIf: { field: 'a', op: 'matches' } })])).length).toBeGreaterThan(
      0,
    )
    expect(issues(form([t('1bad')])).map((i) => i.path)).toEqual(['sections.0.fields.0.key'])
  })
})
