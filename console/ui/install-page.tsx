import { useEffect, useRef, useState } from 'preact/hooks'
import type { ConsoleApi, WidgetSnippet, WidgetSummary } from '../api/index.ts'
import { T, useT } from '../i18n/index.ts'
import { copyText } from './copy-text.ts'
import { adminOnlyError, errorText } from './error-text.ts'
import { QrCode } from './qr/index.ts'

export interface InstallPageProps {
  api: ConsoleApi
  clipboard: { writeText(text: string): Promise<void> } | null
  /** Printed with the QR code (issue 5 item 9). */
  businessName?: string
}

type Loaded = { widget: WidgetSummary; snippet: WidgetSnippet | null; error: string | null }

export function InstallPage({ api, clipboard, businessName = '' }: InstallPageProps) {
  const t = useT()
  const [items, setItems] = useState<Loaded[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    async function load() {
      const widgets = await api.listWidgets()
      const loaded = await Promise.all(
        widgets.map(async (widget): Promise<Loaded> => {
          try {
            return { widget, snippet: await api.widgetSnippet(widget.id), error: null }
          } catch (e) {
            return { widget, snippet: null, error: errorText(e, t) }
          }
        }),
      )
      if (live) setItems(loaded)
    }
    load().catch((e: unknown) => {
      if (!live) return
      setError(adminOnlyError(e, t('installPage.onlyAdmins'), t))
    })
    return () => {
      live = false
    }
  }, [api])

  return (
    <section class="install" aria-labelledby="install-title">
      <h1 id="install-title">{t('installPage.installTheChat')}</h1>
      <p>
        <T k="installPage.pasteTheScriptTag" slots={{ tag: <code>{'</body>'}</code> }} />
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!error && items === null && <p class="hint">{t('installPage.loadingWidgets')}</p>}
      {items?.length === 0 && <p>{t('installPage.noWidgetsYetCreate')}</p>}
      {items?.map((item) => (
        <article key={item.widget.id} class="card widget-install" data-widget-id={item.widget.id}>
          <h2>{item.widget.name}</h2>
          {item.error || !item.snippet ? (
            <p class="form-error">{item.error ?? t('installPage.noInstallCode')}</p>
          ) : (
            <>
              <CopyField
                label={t('installPage.scriptTag')}
                value={item.snippet.html}
                multiline
                testId="install-snippet"
                copyTestId="copy-snippet"
                clipboard={clipboard}
              />
              <CopyField
                label={t('installPage.scriptTagForSites')}
                value={item.snippet.externalHtml}
                multiline
                testId="install-snippet-external"
                copyTestId="copy-snippet-external"
                clipboard={clipboard}
              />
              <CopyField
                label={t('installPage.publicChatLink')}
                value={item.snippet.publicChatUrl}
                testId="public-chat-url"
                copyTestId="copy-public-chat-url"
                clipboard={clipboard}
              />
              <p>
                <a href={item.snippet.publicChatUrl} target="_blank" rel="noopener noreferrer">
                  {t('installPage.openThePublicChat')}
                </a>
              </p>
              <h3>{t('installPage.qrCodeOfThe')}</h3>
              <QrCode
                url={item.snippet.publicChatUrl}
                businessName={businessName}
                id={`qr-${item.widget.id}`}
              />
            </>
          )}
        </article>
      ))}
    </section>
  )
}

interface CopyFieldProps {
  label: string
  value: string
  multiline?: boolean
  testId: string
  copyTestId: string
  clipboard: InstallPageProps['clipboard']
}

function CopyField({ label, value, multiline, testId, copyTestId, clipboard }: CopyFieldProps) {
  const t = useT()
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null)
  const [status, setStatus] = useState('')
  const id = `field-${testId}-${value.length}-${hash(value)}`
  async function copy() {
    const result = await copyText(value, field.current, clipboard)
    setStatus(result === 'copied' ? t('installPage.copied') : t('installPage.selectedPressCtrlC'))
  }
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          ref={field}
          readOnly
          rows={3}
          value={value}
          data-testid={testId}
          spellcheck={false}
        />
      ) : (
        <input id={id} ref={field} readOnly value={value} data-testid={testId} />
      )}
      <button type="button" class="button" onClick={copy} data-testid={copyTestId}>
        {t('installPage.copy')}
        <span class="sr-only"> {label.toLowerCase()}</span>
      </button>
      <span role="status" class="hint">
        {status}
      </span>
    </div>
  )
}

function hash(text: string): string {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0
  return (h >>> 0).toString(36)
}
