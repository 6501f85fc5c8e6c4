import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, type ConsoleApi, type WidgetSnippet, type WidgetSummary } from '../api/index.ts'
import { copyText } from './copy-text.ts'
import { errorText } from './error-text.ts'

export interface InstallPageProps {
  api: ConsoleApi
  clipboard: { writeText(text: string): Promise<void> } | null
}

type Loaded = { widget: WidgetSummary; snippet: WidgetSnippet | null; error: string | null }

export function InstallPage({ api, clipboard }: InstallPageProps) {
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
            return { widget, snippet: null, error: errorText(e) }
          }
        }),
      )
      if (live) setItems(loaded)
    }
    load().catch((e: unknown) => {
      if (!live) return
      setError(
        e instanceof ApiError && e.status === 403
          ? 'Only workspace admins can see the install code.'
          : errorText(e),
      )
    })
    return () => {
      live = false
    }
  }, [api])

  return (
    <section class="install" aria-labelledby="install-title">
      <h1 id="install-title">Install the chat</h1>
      <p>
        Paste the script tag into every page of your site, just before <code>&lt;/body&gt;</code>. No site?
        Share the public chat link instead.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {!error && items === null && <p class="hint">Loading widgets…</p>}
      {items?.length === 0 && <p>No widgets yet. Create one with the admin API or CLI first.</p>}
      {items?.map((item) => (
        <article key={item.widget.id} class="card widget-install" data-widget-id={item.widget.id}>
          <h2>{item.widget.name}</h2>
          {item.error || !item.snippet ? (
            <p class="form-error">{item.error ?? 'No install code available.'}</p>
          ) : (
            <>
              <CopyField
                label="Script tag"
                value={item.snippet.html}
                multiline
                testId="install-snippet"
                copyTestId="copy-snippet"
                clipboard={clipboard}
              />
              <CopyField
                label="Script tag for sites with a strict Content-Security-Policy (no inline script)"
                value={item.snippet.externalHtml}
                multiline
                testId="install-snippet-external"
                copyTestId="copy-snippet-external"
                clipboard={clipboard}
              />
              <CopyField
                label="Public chat link"
                value={item.snippet.publicChatUrl}
                testId="public-chat-url"
                copyTestId="copy-public-chat-url"
                clipboard={clipboard}
              />
              <p>
                <a href={item.snippet.publicChatUrl} target="_blank" rel="noopener noreferrer">
                  Open the public chat page
                </a>
              </p>
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
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null)
  const [status, setStatus] = useState('')
  const id = `field-${testId}-${value.length}-${hash(value)}`
  async function copy() {
    const result = await copyText(value, field.current, clipboard)
    setStatus(
      result === 'copied' ? 'Copied to the clipboard.' : 'Selected — press Ctrl+C (⌘C on a Mac) to copy.',
    )
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
        Copy<span class="sr-only"> {label.toLowerCase()}</span>
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
