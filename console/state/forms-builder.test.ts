import { describe, expect, it } from 'vitest'
import type { FormDefinition } from '../../server/forms/form-types.ts'
import {
  asGroup,
  conditionProblems,
  defaultValues,
  earlierFields,
  groupNode,
  moveFieldToSection,
  newField,
  newFormInput,
  newSection,
  retype,
} from './forms-builder.ts'
import { draftReducer, initDraft } from './forms-draft.ts'

const def = (): FormDefinition => ({
  version: 1,
  sections: [
    {
      key: 's1',
      fields: [
        { key: 'topic', type: 'select', label: 'Topic', options: [{ value: 'order', label: 'Order' }] },
        {
          key: 'order',
          type: 'text',
          label: 'Order number',
          showIf: { field: 'topic', op: 'eq', value: 'order' },
        },
      ],
    },
    { key: 's2', fields: [{ key: 'news', type: 'checkboxes', label: 'News', default: ['a'] }] },
  ],
})

describe('form builder helpers', () => {
  it('gives new fields and sections keys not yet used', () => {
    const d = def()
    d.sections[0]!.fields.push({ key: 'field_1', type: 'text', label: 'x' })
    expect(newField('email', d).key).toBe('field_2')
    expect(newField('radio', d).options).toEqual([{ value: 'option_1', label: 'Option 1' }])
    expect(newField('hidden', d)).toMatchObject({ key: 'hidden_1', source: { from: 'param', name: 'ref' } })
    expect(newSection(d).key).toBe('section_1')
    expect(newFormInput().definition.sections[0]!.fields.map((f) => f.key)).toEqual(['name', 'email'])
  })

  it('offers only earlier fields to a condition', () => {
    const d = def()
    expect(earlierFields(d, 0, 0)).toEqual([])
    expect(earlierFields(d, 0, 1).map((r) => r.key)).toEqual(['topic'])
    expect(earlierFields(d, 1).map((r) => r.key)).toEqual(['topic', 'order'])
  })

  it('names conditions on later or unknown fields', () => {
    const d = def()
    expect(conditionProblems(d)).toEqual([])
    d.sections[0]!.fields[0]!.showIf = { all: [{ field: 'order', op: 'notEmpty' }] }
    d.sections[1]!.showIf = { field: 'gone', op: 'empty' }
    expect(conditionProblems(d)).toEqual([
      'Field “Topic”: the condition tests “order”, which is not an earlier field.',
      'Section 2: the condition tests “gone”, which is not an earlier field.',
    ])
  })

  it('keeps what applies when a field changes type', () => {
    const field = { key: 'k', type: 'text' as const, label: 'L', placeholder: 'p', required: true }
    expect(retype(field, 'radio')).toEqual({
      key: 'k',
      type: 'radio',
      label: 'L',
      required: true,
      options: [{ value: 'option_1', label: 'Option 1' }],
    })
    expect(retype(field, 'hidden')).toEqual({
      key: 'k',
      type: 'hidden',
      label: 'L',
      source: { from: 'param', name: 'ref' },
    })
  })

  it('shows a lone condition as a group and drops empty groups', () => {
    const c = { field: 'a', op: 'empty' as const }
    expect(asGroup(c)).toEqual({ mode: 'all', items: [c] })
    expect(asGroup({ any: [c] })).toEqual({ mode: 'any', items: [c] })
    expect(groupNode('any', [c])).toEqual({ any: [c] })
    expect(groupNode('all', [])).toBeUndefined()
  })

  it('moves a field to the end of another section', () => {
    const moved = moveFieldToSection(def(), 0, 0, 1)
    expect(moved.sections.map((s) => s.fields.map((f) => f.key))).toEqual([['order'], ['news', 'topic']])
    expect(moveFieldToSection(def(), 0, 5, 1)).toEqual(def())
  })

  it('starts the preview from the defaults', () => {
    expect(defaultValues(def())).toEqual({ topic: null, order: null, news: ['a'] })
  })
})

describe('draft reducer', () => {
  it('maps server issues to paths and clears them on edit', () => {
    let s = initDraft({ name: 'x', list: ['a', 'b'] })
    s = draftReducer(s, {
      type: 'save.failed',
      message: 'Invalid',
      issues: [{ path: ['list', 1], message: 'bad' }, { path: ['name'], message: 'short' }, 'junk'],
    })
    expect(s.errors).toEqual({ 'list.1': 'bad', name: 'short' })
    s = draftReducer(s, { type: 'move', path: ['list'], index: 0, by: 1 })
    expect(s.draft.list).toEqual(['b', 'a'])
    expect(s.errors).toEqual({ name: 'short' })
    s = draftReducer(s, { type: 'save.succeeded', saved: { name: 'y', list: [] } })
    expect(s).toMatchObject({ status: 'saved', draft: { name: 'y' }, errors: {} })
  })
})
