/**
 * The quick-answers page's rules (issue "Open lines", items 4 and 6), pure so they are tested
 * without a DOM. Who may change what mirrors server/http/routes/quick-answers.ts: workspace answers
 * are admins', personal ones their owner's (the server is the authority; this only hides buttons
 * that would be refused).
 */
import type { MessageKey } from '../i18n/en.ts'

export type QuickAnswerScope = 'workspace' | 'personal'

export interface ManagedQuickAnswer {
  id: string
  scope: QuickAnswerScope
  ownerId: string | null
  shortcut: string
  title: string
  text: string
}

export interface QuickAnswerViewer {
  id: string
  role: string
}

export interface QuickAnswerDraft {
  /** Null for a new answer. */
  id: string | null
  scope: QuickAnswerScope
  shortcut: string
  title: string
  text: string
}

export type QuickAnswerField = 'scope' | 'shortcut' | 'title' | 'text'

/** Catalog keys of the scope names (issue 5, item 7). */
export const SCOPE_LABELS: Record<QuickAnswerScope, MessageKey> = {
  workspace: 'quickAnswers.scopeWorkspace',
  personal: 'quickAnswers.scopePersonal',
}

export function mayChange(answer: ManagedQuickAnswer, viewer: QuickAnswerViewer): boolean {
  return answer.scope === 'workspace' ? viewer.role === 'admin' : answer.ownerId === viewer.id
}

/** Only admins may add workspace answers, so everyone else starts (and stays) personal. */
export function mayChooseScope(viewer: QuickAnswerViewer): boolean {
  return viewer.role === 'admin'
}

export function emptyQuickAnswerDraft(): QuickAnswerDraft {
  return { id: null, scope: 'personal', shortcut: '', title: '', text: '' }
}

export function draftFromQuickAnswer(answer: ManagedQuickAnswer): QuickAnswerDraft {
  const { id, scope, shortcut, title, text } = answer
  return { id, scope, shortcut, title, text }
}

/** Operators type "hello" as often as "/hello": the slash is what the composer matches on. */
export function normalizeShortcut(shortcut: string): string {
  const trimmed = shortcut.trim()
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

export function draftToInput(draft: QuickAnswerDraft) {
  return {
    scope: draft.scope,
    shortcut: normalizeShortcut(draft.shortcut),
    title: draft.title,
    text: draft.text,
  }
}

/** Only what changed (the server refuses an empty PATCH); null when nothing did. */
export function draftToPatch(
  draft: QuickAnswerDraft,
  original: ManagedQuickAnswer,
): { shortcut?: string; title?: string; text?: string } | null {
  const next = draftToInput(draft)
  const patch: { shortcut?: string; title?: string; text?: string } = {}
  if (next.shortcut !== original.shortcut) patch.shortcut = next.shortcut
  if (next.title !== original.title) patch.title = next.title
  if (next.text !== original.text) patch.text = next.text
  return Object.keys(patch).length > 0 ? patch : null
}

const FIELDS: readonly string[] = ['scope', 'shortcut', 'title', 'text'] satisfies QuickAnswerField[]

/** The server's zod issues by field, first message wins; issues of no field are left out. */
export function issuesByField(
  issues: readonly unknown[] | undefined,
): Partial<Record<QuickAnswerField, string>> {
  const out: Partial<Record<QuickAnswerField, string>> = {}
  for (const issue of issues ?? []) {
    if (typeof issue !== 'object' || issue === null) continue
    const { path, message } = issue as { path?: unknown; message?: unknown }
    const key = Array.isArray(path) ? String(path[0]) : ''
    if (typeof message !== 'string' || !FIELDS.includes(key)) continue
    out[key as QuickAnswerField] ??= message
  }
  return out
}

/** The list as the server orders it (by shortcut, then id), with `saved` added or replaced. */
export function putQuickAnswer<T extends ManagedQuickAnswer>(list: readonly T[], saved: T): T[] {
  const rest = list.filter((a) => a.id !== saved.id)
  return [...rest, saved].sort((a, b) =>
    a.shortcut === b.shortcut ? (a.id < b.id ? -1 : 1) : a.shortcut < b.shortcut ? -1 : 1,
  )
}
