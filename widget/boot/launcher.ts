export interface Launcher {
  launcher: HTMLButtonElement
  setUnread(count: number): void
  setExpanded(open: boolean): void
}

const SVG = 'http://www.w3.org/2000/svg'

/**
 * Plain DOM (no framework in the loader): a button whose aria-label carries the label and the unread
 * count (an aria-label replaces the content as the accessible name, so icon, text and badge are not
 * read twice).
 */
export function createLauncher(doc: Document, label: string): Launcher {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
    const node = doc.createElement(tag)
    node.className = className
    node.textContent = text
    return node
  }
  const button = el('button', 'l')
  button.type = 'button'
  button.setAttribute('data-testid', 'openline-launcher')
  const icon = doc.createElementNS(SVG, 'svg')
  icon.setAttribute('viewBox', '0 0 24 24')
  const path = doc.createElementNS(SVG, 'path')
  path.setAttribute('d', 'M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z')
  icon.append(path)
  const badge = el('span', 'b')
  badge.setAttribute('data-testid', 'openline-unread')
  button.append(icon, el('span', 't', label), badge)
  const launcher: Launcher = {
    launcher: button,
    setUnread(count) {
      badge.hidden = count < 1
      badge.textContent = count > 99 ? '99+' : `${count}`
      button.setAttribute('aria-label', count > 0 ? `${label} (${count} unread)` : label)
    },
    setExpanded(open) {
      button.setAttribute('aria-expanded', `${open}`)
    },
  }
  launcher.setUnread(0)
  launcher.setExpanded(false)
  return launcher
}
