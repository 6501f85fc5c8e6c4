import { launcherCss } from './launcher-css.ts'

export interface HostParts {
  host: HTMLElement
  shadow: ShadowRoot
  /** Wrapper inside the shadow root: launcher and panel live here. */
  root: HTMLElement
  adoptStyles(css: string): void
}

/**
 * One element appended to the page, with an open shadow root (open so accessibility checkers such as
 * axe-core can audit the widget; a closed root would not stop a hostile page anyway, which can
 * patch attachShadow before the loader runs). Its own box is reset with
 * `all: initial !important` through CSSOM (a strict CSP blocks style attributes in markup, not
 * `style.setProperty`), and inline !important beats any rule the page could write for it.
 */
export function createHostElement(doc: Document, vars: Record<string, string>): HostParts {
  const host = doc.createElement('openline-widget')
  const box: Record<string, string> = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    'z-index': '2147483647',
    bottom: '0',
    right: '0',
    width: '0',
    height: '0',
    ...vars,
  }
  for (const name of Object.keys(box)) host.style.setProperty(name, box[name]!, 'important')
  const shadow = host.attachShadow({ mode: 'open' })
  const sheets: CSSStyleSheet[] = []
  // Constructable stylesheets pass a CSP without 'unsafe-inline'. Every browser the widget targets has
  // them (Safari since 16.4): the panel chunks adopt theirs the same way.
  const adoptStyles = (css: string) => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    sheets.push(sheet)
    shadow.adoptedStyleSheets = sheets
  }
  adoptStyles(launcherCss)
  const root = doc.createElement('div')
  root.className = 'r'
  shadow.append(root)
  return { host, shadow, root, adoptStyles }
}
