import { describe, expect, it } from 'vitest'
import {
  draftFromQuickAnswer,
  draftToPatch,
  issuesByField,
  type ManagedQuickAnswer,
  mayChange,
  mayChooseScope,
  normalizeShortcut,
  putQuickAnswer,
} from './quick-answers-admin.ts'

const workspace: ManagedQuickAnswer = {
  id: 'a',
  scope: 'workspace',
  ownerId: null,
  shortcut: '/hours',
  title: 'Hours',
  text: 'We are open 9–18.',
}
const annsOwn: ManagedQuickAnswer = {
  ...workspace,
  id: 'b',
  scope: 'personal',
  ownerId: 'ann',
  shortcut: '/bye',
}
const admin = { id: 'ann', role: 'admin' }
const operator = { id: 'bob', role: 'operator' }

describe('quick answers: who may change what (server/http/routes/quick-answers.ts)', () => {
  it('workspace answers: admins only; personal ones: their owner only', () => {
    expect(mayChange(workspace, admin)).toBe(true)
    expect(mayChange(workspace, operator)).toBe(false)
    expect(mayChange(annsOwn, admin)).toBe(true)
    expect(mayChange(annsOwn, { id: 'bob', role: 'admin' })).toBe(false)
    expect(mayChooseScope(admin)).toBe(true)
    expect(mayChooseScope(operator)).toBe(false)
  })
})

describe('quick answers: drafts', () => {
  it('adds the leading slash when it was left out', () => {
    expect(normalizeShortcut(' hello ')).toBe('/hello')
    expect(normalizeShortcut('/hello')).toBe('/hello')
    expect(normalizeShortcut('  ')).toBe('')
  })

  it('patches only the changed fields, or nothing', () => {
    const draft = draftFromQuickAnswer(workspace)
    expect(draftToPatch(draft, workspace)).toBeNull()
    expect(draftToPatch({ ...draft, shortcut: 'open', text: 'Open now' }, workspace)).toEqual({
      shortcut: '/open',
      text: 'Open now',
    })
  })

  it('maps the server issues to fields, first message wins, unknown paths left out', () => {
    expect(
      issuesByField([
        { path: ['shortcut'], message: 'bad shortcut' },
        { path: ['shortcut'], message: 'second' },
        { path: [], message: 'nothing to change' },
        { path: ['title'], message: 'too long' },
        'junk',
      ]),
    ).toEqual({ shortcut: 'bad shortcut', title: 'too long' })
    expect(issuesByField(undefined)).toEqual({})
  })

  it('keeps the list ordered by shortcut when an answer is added or renamed', () => {
    const list = [annsOwn, workspace]
    expect(putQuickAnswer(list, { ...workspace, id: 'c', shortcut: '/cart' }).map((a) => a.shortcut)).toEqual(
      ['/bye', '/cart', '/hours'],
    )
    expect(putQuickAnswer(list, { ...annsOwn, shortcut: '/zz' }).map((a) => a.id)).toEqual(['a', 'b'])
  })
})
