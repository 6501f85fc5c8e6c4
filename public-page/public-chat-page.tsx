import { useEffect, useMemo, useState } from 'preact/hooks'
import { chatTexts } from '../widget/app/chat-texts.ts'
import type { ChatController } from '../widget/chat/index.ts'
import { ChatPanel } from '../widget/chat/index.ts'
import type { ConfigResult, PublicChatConfig } from './load-config.ts'
import { useViewportHeight } from './use-viewport-height.ts'

export interface PublicChatPageProps {
  /** Null when the URL is not /chat/<slug> at all. */
  slug: string | null
  load(slug: string): Promise<ConfigResult>
  createChat(config: PublicChatConfig): ChatController
  setTitle(title: string): void
  /** The page's `lang` (issue 5, item 7: the language of the texts the server chose). */
  setLang?(locale: string): void
  viewport: VisualViewport | null
  baseUrl: string
}

export function PublicChatPage(props: PublicChatPageProps) {
  const { slug, load } = props
  const [result, setResult] = useState<ConfigResult | null>(slug ? null : { kind: 'not-found' })
  const [attempt, setAttempt] = useState(0)

  // `attempt` is a dependency on purpose: "Try again" bumps it to load once more.
  useEffect(() => {
    if (!slug) return
    let live = true
    setResult(null)
    load(slug).then((r) => live && setResult(r))
    return () => {
      live = false
    }
  }, [slug, load, attempt])

  if (!result) {
    return (
      <main class="pp-message" aria-busy="true">
        <p role="status">Loading the chat…</p>
      </main>
    )
  }
  if (result.kind === 'not-found') {
    return (
      <main class="pp-message" data-testid="public-chat-not-found">
        <h1>This chat link does not work</h1>
        <p>
          The business may have changed or removed it. Check the link you were given, or contact them another
          way.
        </p>
      </main>
    )
  }
  if (result.kind === 'error') {
    return (
      <main class="pp-message" data-testid="public-chat-error">
        <h1>The chat is not available right now</h1>
        <p role="alert">{result.message}</p>
        <button type="button" class="pp-button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </main>
    )
  }
  return <ReadyChat {...props} config={result.config} />
}

function ReadyChat(props: PublicChatPageProps & { config: PublicChatConfig }) {
  const { config, createChat, setTitle } = props
  const chat = useMemo(() => createChat(config), [createChat, config])
  const [root, setRoot] = useState<HTMLElement | null>(null)
  useViewportHeight(root, props.viewport)

  useEffect(() => {
    setTitle(config.settings.title || config.name)
    if (config.locale) props.setLang?.(config.locale)
  }, [config, setTitle, props.setLang])

  // The page *is* the chat: it is open from the start (creates the visitor and connects).
  useEffect(() => {
    void chat.start()
    chat.setOpen(true)
    return () => chat.stop()
  }, [chat])

  return (
    <main class="pp-chat" ref={setRoot} data-testid="public-chat">
      <h1 class="pp-sr-only">{config.settings.title || config.name}</h1>
      <div class="pp-frame">
        <ChatPanel
          chat={chat}
          settings={config.settings}
          // The catalog texts of the visitor's language; title and greeting as the server resolved them.
          texts={config.texts && { ...chatTexts(config.texts), ...pick(config.settings) }}
          layout="page"
          baseUrl={props.baseUrl}
        />
      </div>
    </main>
  )
}

const pick = ({ title, greeting }: PublicChatConfig['settings']) => ({
  ...(title && { title }),
  ...(greeting !== undefined && { greeting }),
})
