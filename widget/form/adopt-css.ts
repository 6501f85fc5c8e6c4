/**
 * Adds a panel's rules once to the document or shadow root `node` lives in (constructable sheets:
 * strict-CSP safe). One helper for the callback and form panels, which load as separate chunks.
 */
const adopted = new WeakMap<Node, string[]>()

export function adoptCss(node: Node, css: string): void {
  const root = node.getRootNode() as Document | ShadowRoot
  const done = adopted.get(root) ?? []
  if (!root.adoptedStyleSheets || done.includes(css)) return
  adopted.set(root, [...done, css])
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
}
