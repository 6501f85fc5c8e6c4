/**
 * /console/crm (issue "Leads to CRM", item 5): the workspace's CRM connections — add, edit, switch
 * on and off, test — and the delivery log. Admins only; secrets are only ever seen masked.
 */
import { useEffect, useState } from 'preact/hooks'
import type {
  ConsoleApi,
  CrmApi,
  CrmConnectionView,
  CrmTestResult,
  LineSummary,
  Operator,
  WidgetSummary,
} from '../../api/index.ts'
import { type Translate, useT } from '../../i18n/index.ts'
import {
  type ConnectionDraft,
  crmKindLabel,
  draftFromConnection,
  emptyDraft,
} from '../../state/crm-connection-draft.ts'
import { adminOnlyError, errorText } from '../error-text.ts'
import { ConnectionEditor } from './connection-editor.tsx'
import { DeliveryLog } from './delivery-log.tsx'

export interface CrmPageProps {
  api: ConsoleApi
  clock: { now(): number }
  /** The delivery log shows only this conversation's, callback's or form's deliveries (issue 6, item 2). */
  subjectId?: string | undefined
}

type TestState = { kind: 'running' } | { kind: 'done'; result: CrmTestResult }

function loadError(e: unknown, t: Translate): string {
  return adminOnlyError(e, t('crmPage.onlyAdmins'), t)
}

export function CrmPage({ api, clock, subjectId }: CrmPageProps) {
  const t = useT()
  const crm = api.crm
  if (!crm) return <p class="form-error">{t('crmPage.thisConsoleWasBuilt')}</p>
  return <CrmConnections api={api} crm={crm} clock={clock} subjectId={subjectId} />
}

function CrmConnections({ api, crm, clock, subjectId }: CrmPageProps & { crm: CrmApi }) {
  const t = useT()
  const [connections, setConnections] = useState<CrmConnectionView[] | null>(null)
  const [operators, setOperators] = useState<Operator[] | null>(null)
  const [lines, setLines] = useState<LineSummary[] | null>(null)
  const [widgets, setWidgets] = useState<WidgetSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [editing, setEditing] = useState<ConnectionDraft | null>(null)
  const [tests, setTests] = useState<Record<string, TestState>>({})

  useEffect(() => {
    let live = true
    crm.listConnections().then(
      (list) => live && setConnections(list),
      (e: unknown) => live && setError(loadError(e, t)),
    )
    api.listOperators().then(
      (list) => live && setOperators(list),
      () => live && setOperators([]),
    )
    // The lead rules name lines and widgets (issue 6, item 1).
    api.listLines().then(
      (list) => live && setLines(list),
      () => live && setLines([]),
    )
    api.listWidgets().then(
      (list) => live && setWidgets(list),
      () => live && setWidgets([]),
    )
    return () => {
      live = false
    }
  }, [api, crm])

  const put = (saved: CrmConnectionView) =>
    setConnections((list) => {
      if (!list) return [saved]
      return list.some((c) => c.id === saved.id)
        ? list.map((c) => (c.id === saved.id ? saved : c))
        : [...list, saved]
    })

  async function toggle(connection: CrmConnectionView, enabled: boolean) {
    setNotice(null)
    try {
      put(await crm.updateConnection(connection.id, { enabled }))
    } catch (e) {
      setNotice(t('crmPage.couldNotChange', { name: connection.name, error: errorText(e, t) }))
    }
  }

  async function test(connection: CrmConnectionView) {
    setTests((s) => ({ ...s, [connection.id]: { kind: 'running' } }))
    const result: CrmTestResult = await crm.testConnection(connection.id).catch((e: unknown) => ({
      ok: false as const,
      error: { code: 'request_failed', message: errorText(e, t) },
    }))
    setTests((s) => ({ ...s, [connection.id]: { kind: 'done', result } }))
  }

  async function remove(connection: CrmConnectionView) {
    setNotice(null)
    try {
      await crm.deleteConnection(connection.id)
      setConnections((list) => list?.filter((c) => c.id !== connection.id) ?? list)
      setNotice(t('crmPage.removed', { name: connection.name }))
    } catch (e) {
      setNotice(t('crmPage.couldNotRemove', { name: connection.name, error: errorText(e, t) }))
    }
  }

  return (
    <section class="lines-page crm-page" aria-labelledby="crm-title">
      <h1 id="crm-title">{t('crmPage.crm')}</h1>
      <p class="hint">{t('crmPage.everyChatCallbackAnd')}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {!error && connections === null && <p class="hint">{t('crmPage.loadingConnections')}</p>}
      {connections && connections.length === 0 && <p class="hint">{t('crmPage.noCrmConnectedYet')}</p>}
      {connections && connections.length > 0 && (
        <div class="table-scroll">
          <table class="crm-table" data-testid="crm-connections">
            <caption class="sr-only">{t('crmPage.crmConnections')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crmPage.name')}</th>
                <th scope="col">{t('crmPage.crm')}</th>
                <th scope="col">{t('crmPage.address')}</th>
                <th scope="col">{t('crmPage.sendsLeads')}</th>
                <th scope="col">
                  <span class="sr-only">{t('crmPage.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {connections.map((c) => {
                const state = tests[c.id]
                return (
                  <tr key={c.id} data-testid="crm-connection-row">
                    <td>{c.name}</td>
                    <td>{crmKindLabel(c.settings.kind, t)}</td>
                    <td class="crm-address" data-testid="crm-connection-address">
                      {addressOf(c)}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        checked={c.enabled}
                        aria-label={t('crmPage.sendLeadsTo', { name: c.name })}
                        data-testid="crm-connection-enabled"
                        onChange={(e) => toggle(c, e.currentTarget.checked)}
                      />
                    </td>
                    <td>
                      <div class="crm-actions">
                        <button
                          type="button"
                          class="button small"
                          aria-label={t('crmPage.testName', { name: c.name })}
                          disabled={state?.kind === 'running'}
                          data-testid="crm-connection-test"
                          onClick={() => test(c)}
                        >
                          {t('crmPage.test')}
                        </button>
                        <button
                          type="button"
                          class="button small"
                          aria-label={t('crmPage.editName', { name: c.name })}
                          data-testid="crm-connection-edit"
                          onClick={() => setEditing(draftFromConnection(c))}
                        >
                          {t('crmPage.edit')}
                        </button>
                        <button
                          type="button"
                          class="button small"
                          aria-label={t('crmPage.removeName', { name: c.name })}
                          data-testid="crm-connection-remove"
                          onClick={() => remove(c)}
                        >
                          {t('crmPage.remove')}
                        </button>
                      </div>
                      <p role="status" class="crm-test-result" data-testid="crm-test-result">
                        {state?.kind === 'running' && t('crmPage.testing')}
                        {state?.kind === 'done' &&
                          (state.result.ok ? (
                            <span class="crm-ok">{t('crmPage.connectionWorks')}</span>
                          ) : (
                            <span class="form-error">{state.result.error.message}</span>
                          ))}
                      </p>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {!editing && !error && (
        <p>
          <button
            type="button"
            class="button primary"
            data-testid="crm-add"
            onClick={() => setEditing(emptyDraft())}
          >
            {t('crmPage.addAConnection')}
          </button>
        </p>
      )}
      {editing && (
        <ConnectionEditor
          key={editing.id ?? 'new'}
          crm={crm}
          initial={editing}
          operators={operators}
          lines={lines}
          widgets={widgets}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            put(saved)
            setEditing(null)
            setNotice(t('crmPage.saved', { name: saved.name }))
          }}
        />
      )}
      {!error && <DeliveryLog key={subjectId ?? ''} crm={crm} clock={clock} subjectId={subjectId} />}
    </section>
  )
}

/** The masked address that tells connections apart (never a secret: the server masked it). */
function addressOf(c: CrmConnectionView): string {
  const s = c.settings
  switch (s.kind) {
    case 'bitrix24':
      return s.webhookUrl
    case 'amocrm':
      return s.baseUrl
    case 'hubspot':
      return `token ${s.token}`
    case 'webhook':
      return s.url
    case 'tryton':
      return s.url
  }
}
