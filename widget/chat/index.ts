/**
 * The chat UI, shared by the widget (inside its shadow root) and the public chat page:
 *
 *   const chat = createBrowserChat({ baseUrl, widgetId, wsUrl })
 *   void chat.start()         // history from IndexedDB, then the socket (mounting the panel opens the chat)
 *   render(<div style={themeStyle(config.settings.color)}>
 *     <ChatPanel chat={chat} settings={config.settings} layout="page" />
 *   </div>, el)
 *
 * plus `panelCss` somewhere in the same document or shadow root. The panel takes its main colour from
 * the `--ol-color` / `--ol-on-color` custom properties of its container (themeStyle sets both).
 */
export { createBrowserChat } from '../realtime/browser-chat.ts'
export type { ChatController } from '../realtime/types.ts'
export { ChatPanel, type ChatPanelProps, type PanelSettings } from './chat-panel.tsx'
export { panelCss } from './panel-css.ts'
export { type ChatTexts, defaultTexts } from './texts.ts'
export { themeStyle } from './theme.ts'
export { useChatState } from './use-chat-state.ts'
