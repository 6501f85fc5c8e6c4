/**
 * The callback channel (issue 5, item 2), a chunk of its own that the widget shell imports lazily
 * (contract C6): `<CallbackPanel {...channelPanelProps} />`.
 */
export { CallbackPanel } from './callback-panel.tsx'
