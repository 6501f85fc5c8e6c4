/** The public chat page at /chat/<slug>: a full-page chat for businesses without a website. */
import { render } from 'preact'
import { createBrowserChat, panelCss } from '../widget/chat/index.ts'
import { type FetchJson, loadPublicChat } from './load-config.ts'
import { PublicChatPage } from './public-chat-page.tsx'
import { slugFromPath } from './slug.ts'
import './page.css'

/** A constructable sheet works under a strict CSP without 'unsafe-inline'; older browsers get a <style>. */
function adoptCss(doc: Document, css: string): void {
  if ('adoptedStyleSheets' in doc && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
    return
  }
  const style = doc.createElement('style')
  style.textContent = css
  doc.head.append(style)
}

const root = document.getElementById('app')
// issue 5 item 3: /form/<formId> is the standalone public form link (its own lazily loaded module).
const formId = /^\/form\/([A-Za-z0-9_-]{1,64})\/?$/.exec(location.pathname)?.[1]
if (root && formId) {
  adoptCss(document, panelCss)
  import('./form-page.tsx').then((m) => m.mountPublicFormPage(root, formId))
} else if (root) {
  adoptCss(document, panelCss)
  const baseUrl = `${location.origin}/`
  const fetchJson: FetchJson = (url) => fetch(url, { headers: { Accept: 'application/json' } })
  render(
    <PublicChatPage
      slug={slugFromPath(location.pathname)}
      load={(slug) => loadPublicChat(fetchJson, baseUrl, slug, navigator.language)}
      createChat={(config) => createBrowserChat({ baseUrl, widgetId: config.widgetId, wsUrl: config.wsUrl })}
      setTitle={(title) => {
        document.title = title
      }}
      setLang={(locale) => {
        document.documentElement.lang = locale
      }}
      viewport={window.visualViewport}
      baseUrl={baseUrl}
    />,
    root,
  )
}
