/**
 * /console/quick-answers (issue "Open lines", items 4 and 6): the saved replies an operator inserts
 * with `/` in the reply box. Everyone sees the workspace's answers and their own personal ones;
 * workspace answers are changed by admins only, personal ones by their owner (the server enforces
 * the same in server/http/routes/quick-answers.ts).
 */
import { useEffect, useState } from 'preact/hooks'
import type { ConsoleApi, Operator, QuickAnswer, QuickAnswersApi } from '../../api/index.ts'
import {
  draftFromQuickAnswer,
  emptyQuickAnswerDraft,
  mayChange,
  mayChooseScope,
  putQuickAnswer,
  type QuickAnswerDraft,
  SCOPE_LABELS,
} from '../../state/quick-answers-admin.ts'
import { Dialog } from '../dialog.tsx'
import { errorText } from '../error-text.ts'
import { QuickAnswerEditor } from './quick-answer-editor.tsx'
import './quick-answers.css'
import { T, useT } from '../../i18n/index.ts'

export interface QuickAnswersPageProps {
  api: ConsoleApi
  operator: Pick<Operator, 'id' | 'role'>
  /** Called after every add, change or removal: the composer's `/` list loads again. */
  onChanged(): void
}

export function QuickAnswersPage({ api, operator, onChanged }: QuickAnswersPageProps) {
  const t = useT()
  const calls = api.quickAnswers
  if (!calls) return <p class="form-error">{t('quickAnswersPage.thisConsoleWasBuilt')}</p>
  return <QuickAnswersList api={api} calls={calls} operator={operator} onChanged={onChanged} />
}

type Editing = { draft: QuickAnswerDraft; original: QuickAnswer | null }

function QuickAnswersList({
  api,
  calls,
  operator,
  onChanged,
}: QuickAnswersPageProps & { calls: QuickAnswersApi }) {
  const t = useT()
  const [answers, setAnswers] = useState<QuickAnswer[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [removing, setRemoving] = useState<QuickAnswer | null>(null)

  useEffect(() => {
    let live = true
    api.listQuickAnswers().then(
      (list) => live && setAnswers(list),
      (e: unknown) => live && setLoadError(errorText(e, t)),
    )
    return () => {
      live = false
    }
  }, [api])

  function saved(answer: QuickAnswer) {
    setAnswers((list) => putQuickAnswer(list ?? [], answer))
    setNotice(t('quickAnswersPage.saved', { shortcut: answer.shortcut }))
    setEditing(null)
    onChanged()
  }

  return (
    <section class="lines-page qa-page" aria-labelledby="qa-title">
      <h1 id="qa-title">{t('quickAnswersPage.quickAnswers')}</h1>
      <p class="hint">
        <T k="quickAnswersPage.typeSlash" slots={{ slash: <kbd>/</kbd> }} />
      </p>
      {loadError && (
        <p class="form-error" role="alert">
          {t('quickAnswersPage.quickAnswersCouldNot')} {loadError}
        </p>
      )}
      <p role="status" data-testid="qa-notice">
        {notice}
      </p>
      {!loadError && answers === null && <p class="hint">{t('quickAnswersPage.loadingQuickAnswers')}</p>}
      {answers && answers.length === 0 && <p class="hint">{t('quickAnswersPage.noQuickAnswersYet')}</p>}
      {answers && answers.length > 0 && (
        <div class="table-scroll">
          <table class="qa-table" data-testid="qa-list">
            <caption class="sr-only">{t('quickAnswersPage.quickAnswers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quickAnswersPage.shortcut')}</th>
                <th scope="col">{t('quickAnswersPage.text')}</th>
                <th scope="col">{t('quickAnswersPage.for')}</th>
                <th scope="col">
                  <span class="sr-only">{t('quickAnswersPage.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {answers.map((a) => (
                <tr key={a.id} data-testid="qa-row" data-shortcut={a.shortcut}>
                  <td>
                    <code class="qa-shortcut">{a.shortcut}</code>
                    <div class="hint">{a.title}</div>
                  </td>
                  <td class="qa-text">{a.text}</td>
                  <td data-testid="qa-scope">{t(SCOPE_LABELS[a.scope])}</td>
                  <td>
                    {mayChange(a, operator) ? (
                      <div class="qa-actions">
                        <button
                          type="button"
                          class="button small"
                          aria-label={t('quickAnswersPage.editName', { shortcut: a.shortcut })}
                          data-testid="qa-edit"
                          onClick={() => {
                            setNotice(null)
                            setEditing({ draft: draftFromQuickAnswer(a), original: a })
                          }}
                        >
                          {t('quickAnswersPage.edit')}
                        </button>
                        <button
                          type="button"
                          class="button small"
                          aria-label={t('quickAnswersPage.deleteName', { shortcut: a.shortcut })}
                          data-testid="qa-delete"
                          onClick={() => setRemoving(a)}
                        >
                          {t('quickAnswersPage.delete')}
                        </button>
                      </div>
                    ) : (
                      <span class="hint">{t('quickAnswersPage.adminsOnly')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <QuickAnswerEditor
          key={editing.original?.id ?? 'new'}
          calls={calls}
          initial={editing.draft}
          original={editing.original}
          canChooseScope={mayChooseScope(operator)}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      ) : (
        !loadError && (
          <p>
            <button
              type="button"
              class="button primary"
              data-testid="qa-add"
              onClick={() => {
                setNotice(null)
                setEditing({ draft: emptyQuickAnswerDraft(), original: null })
              }}
            >
              {t('quickAnswersPage.addAQuickAnswer')}
            </button>
          </p>
        )
      )}
      {removing && (
        <ConfirmDelete
          answer={removing}
          calls={calls}
          onDone={(text, removed) => {
            setRemoving(null)
            setNotice(text)
            if (removed) {
              setAnswers((list) => list?.filter((a) => a.id !== removing.id) ?? list)
              if (editing?.original?.id === removing.id) setEditing(null)
              onChanged()
            }
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  )
}

interface ConfirmDeleteProps {
  answer: QuickAnswer
  calls: QuickAnswersApi
  onDone(notice: string, removed: boolean): void
  onCancel(): void
}

function ConfirmDelete({ answer, calls, onDone, onCancel }: ConfirmDeleteProps) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function remove() {
    setBusy(true)
    setError(null)
    try {
      await calls.deleteQuickAnswer(answer.id)
      onDone(t('quickAnswersPage.deleted', { shortcut: answer.shortcut }), true)
    } catch (e) {
      setError(errorText(e, t))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('quickAnswersPage.deleteQuestion', { shortcut: answer.shortcut })}
      id="qa-delete-dialog"
      onClose={onCancel}
    >
      <p>
        {answer.scope === 'workspace'
          ? t('quickAnswersPage.disappearsForEveryone')
          : t('quickAnswersPage.disappearsForYou')}
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="dialog-buttons">
        <button type="button" class="button" onClick={onCancel} data-testid="qa-delete-cancel">
          {t('quickAnswersPage.cancel')}
        </button>
        <button
          type="button"
          class="button qa-danger"
          disabled={busy}
          onClick={remove}
          data-testid="qa-delete-confirm"
        >
          {busy ? t('quickAnswersPage.deleting') : t('quickAnswersPage.delete')}
        </button>
      </div>
    </Dialog>
  )
}
