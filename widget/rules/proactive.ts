import type { RulesHost } from './index.ts'

/** The per-page welcome (issue 5, item 5): clicking it opens the widget; × dismisses it. */
export function showProactive(host: RulesHost, message: string): { remove(): void } {
  const doc = host.root.ownerDocument
  const box = doc.createElement('div')
  box.className = 'p'
  box.setAttribute('role', 'status')
  box.setAttribute('data-testid', 'openline-proactive')
  const text = doc.createElement('button')
  text.textContent = message
  text.addEventListener('click', () => {
    box.remove()
    host.open()
  })
  const dismiss = doc.createElement('button')
  dismiss.textContent = '×'
  dismiss.setAttribute('aria-label', host.config.texts['proactive.dismiss'] ?? 'Dismiss')
  dismiss.addEventListener('click', () => box.remove())
  box.append(text, dismiss)
  host.root.append(box)
  return box
}
