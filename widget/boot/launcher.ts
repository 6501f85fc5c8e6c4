export interface Launcher {
  launcher: HTMLButtonElement
  setUnread(count: number): void
  setExpanded(open: boolean): void
  /** The visible label and the accessible name (which carries the unread count); the app sets both. */
  setLabel(text: string, ariaLabel: string): void
}

const SVG = 'http://www.w3.org/2000/svg'

/**
 * Plain DOM (no framework in the loader): a button whose aria-label carries the label and the unread
 * count (an aria-label replaces the content as the accessible name, so icon, text and badge are not
 * read twice). The icon is SVG path data from the config (issue 5: the server holds the icon set).
 */
export function createLauncher(doc: Document, label: string, iconPath: string): Launcher {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
    const node = doc.createElement(tag)
    node.className = className
    node.textContent = text
    return node
  }
  const button = el('button', 'l')
  button.type = 'button'
  button.setAttribute('data-testid', 'openline-launcher')
  if (iconPath) {
    const icon = doc.createElementNS(SVG, 'svg')
    icon.setAttribute('viewBox', '0 0 24 24')
    const path = doc.createElementNS(SVG, 'path')
    path.setAttribute('d', iconPath)
    icon.append(path)
    button.append(icon)
  }
  const text = el('span', 't', label)
  const badge = el('span', 'b')
  badge.setAttribute('data-testid', 'openline-unread')
  button.append(text, badge)
  const launcher: Launcher = {
    launcher: button,
    setUnread(count) {
      badge.hidden = count < 1
      badge.textContent = count > 99 ? '99+' : `${count}`
    },
    setExpanded(open) {
      button.setAttribute('aria-expanded', `${open}`)
    },
    setLabel(label, ariaLabel) {
      text.textContent = label
      button.setAttribute('aria-label', ariaLabel)
    },
  }
  launcher.setUnread(0)
  launcher.setExpanded(false)
  launcher.setLabel(label, label)
  return launcher
}
