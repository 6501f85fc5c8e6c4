import { describe, expect, it } from 'vitest'
import { testCondition, visibleFields, visibleKeys } from './conditions.ts'
import type {
  Condition,
  ConditionNode,
  FieldValue,
  FormDefinition,
  FormField,
  FormValues,
} from './form-types.ts'

describe('testCondition', () => {
  const cases: Array<[Condition['op'], Condition['value'], FieldValue | undefined, boolean]> = [
    ['eq', 'yes', 'yes', true],
    ['eq', 'Yes', ' yes ', true],
    ['eq', 'yes', 'no', false],
    ['eq', 5, '5', true],
    ['eq', '5', '5.0', true],
    ['eq', 'yes', undefined, false],
    ['eq', 'b', ['a', 'b'], true],
    ['eq', 'c', ['a', 'b'], false],
    ['eq', 'true', true, true],
    ['neq', 'yes', 'no', true],
    ['neq', 'yes', 'yes', false],
    ['neq', 'yes', undefined, true],
    ['neq', 'b', ['a', 'b'], false],
    ['contains', 'acme', 'I work at ACME Ltd', true],
    ['contains', 'acme', 'nothing here', false],
    ['contains', 'a', ['a', 'b'], true],
    ['contains', 'x', '', false],
    ['empty', undefined, undefined, true],
    ['empty', undefined, '', true],
    ['empty', undefined, '  ', true],
    ['empty', undefined, [], true],
    ['empty', undefined, false, true],
    ['empty', undefined, 'x', false],
    ['empty', undefined, 0, false],
    ['notEmpty', undefined, 'x', true],
    ['notEmpty', undefined, ['a'], true],
    ['notEmpty', undefined, null as unknown as undefined, false],
    ['gt', 10, '11', true],
    ['gt', 10, '9', false],
    ['gt', 10, 10, false],
    ['gt', '9', '10', true],
    ['lt', 10, '9.5', true],
    ['lt', 10, '', false],
    ['lt', 10, 'abc', false],
    ['gt', '2025-01-31', '2025-02-01', true],
    ['lt', '2025-01-31', '2024-12-31', true],
    ['gt', 1, ['5'], false],
    ['gt', '', '5', false],
  ]
  it.each(cases)('%s %j on %j → %s', (op, value, actual, expected) => {
    expect(testCondition({ field: 'x', op, value }, actual)).toBe(expected)
  })
})

const text = (key: string, showIf?: ConditionNode): FormField => ({ key, type: 'text', label: key, showIf })
const form = (...fields: FormField[]): FormDefinition => ({ version: 1, sections: [{ key: 's', fields }] })

describe('visibleKeys', () => {
  const chain = form(
    text('a'),
    text('b', { field: 'a', op: 'eq', value: 'yes' }),
    text('c', { field: 'b', op: 'notEmpty' }),
  )
  const nested = form(
    text('country'),
    text('size'),
    text('vip'),
    text('target', {
      any: [
        {
          all: [
            { field: 'country', op: 'eq', value: 'PL' },
            { field: 'size', op: 'gt', value: 50 },
          ],
        },
        { field: 'vip', op: 'eq', value: 'yes' },
      ],
    }),
  )
  const cases: Array<[string, FormDefinition, FormValues, string[]]> = [
    ['chain: nothing filled', chain, {}, ['a']],
    ['chain: A reveals B', chain, { a: 'yes' }, ['a', 'b']],
    ['chain: B reveals C', chain, { a: 'yes', b: 'x' }, ['a', 'b', 'c']],
    ['chain: clearing A hides B and C even with B filled', chain, { a: 'no', b: 'x' }, ['a']],
    ['nested: AND holds', nested, { country: 'PL', size: '51' }, ['country', 'size', 'vip', 'target']],
    ['nested: AND half', nested, { country: 'PL', size: '10' }, ['country', 'size', 'vip']],
    ['nested: OR other branch', nested, { vip: 'YES' }, ['country', 'size', 'vip', 'target']],
    ['nested: neither', nested, { country: 'DE', size: '99', vip: 'no' }, ['country', 'size', 'vip']],
  ]
  it.each(cases)('%s', (_, def, values, expected) => {
    expect([...visibleKeys(def, values)]).toEqual(expected)
  })

  it('a section condition hides all its fields', () => {
    const def: FormDefinition = {
      version: 1,
      sections: [
        { key: 'one', fields: [text('kind')] },
        {
          key: 'two',
          showIf: { field: 'kind', op: 'eq', value: 'company' },
          fields: [text('vat'), text('org')],
        },
      ],
    }
    expect([...visibleKeys(def, { kind: 'person' })]).toEqual(['kind'])
    expect(visibleFields(def, { kind: 'company' }).map((f) => f.key)).toEqual(['kind', 'vat', 'org'])
  })

  it('a cycle (refused by the admin schema) still terminates', () => {
    const def = form(text('a', { field: 'b', op: 'notEmpty' }), text('b', { field: 'a', op: 'notEmpty' }))
    expect([...visibleKeys(def, { a: 'x', b: 'y' })]).toEqual([])
  })

  it('a condition on an unknown field sees an empty value', () => {
    const def = form(text('a', { field: 'ghost', op: 'empty' }))
    expect([...visibleKeys(def, { ghost: 'x' })]).toEqual(['a'])
  })
})
