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
if (root) {
  adoptCss(document, panelCss)
  const baseUrl = `${location.origin}/`
  const fetchJson: FetchJson = (url) => fetch(url, { headers: { Accept: 'application/json' } })
  render(
    <PublicChatPage
      slug={slugFromPath(location.pathname)}
      load={(slug) => loadPublicChat(fetchJson, baseUrl, slug)}
      createChat={(config) => createBrowserChat({ baseUrl, widgetId: config.widgetId, wsUrl: config.wsUrl })}
      setTitle={(title) => {
        document.title = title
      }}
      viewport={window.visualViewport}
      baseUrl={baseUrl}
    />,
    root,
  )
}
