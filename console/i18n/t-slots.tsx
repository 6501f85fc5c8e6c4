/**
 * `<T>` renders one catalog sentence with elements in it (issue 5, item 7): "Paste the script tag
 * … just before {tag}." keeps the sentence whole, so Russian can put `{tag}` where its word order
 * wants it instead of the console gluing English-ordered fragments around a <code> element.
 */
import type { ComponentChildren, VNode } from 'preact'
import { useT } from './context.tsx'
import type { MessageKey } from './en.ts'
import type { Params } from './types.ts'

const SLOT = /\{(\w+)\}/

/** Splits translated text on the `{name}` placeholders that `slots` fills. Pure, for tests too. */
export function fillSlots(text: string, slots: Record<string, ComponentChildren>): ComponentChildren[] {
  const parts = text.split(SLOT)
  // split() with one capture group alternates text, name, text, name …
  return parts.map((part, i) => (i % 2 === 0 ? part : part in slots ? slots[part] : `{${part}}`))
}

export function T(props: {
  k: MessageKey
  params?: Params
  slots: Record<string, ComponentChildren>
}): VNode {
  const t = useT()
  return <>{fillSlots(t(props.k, props.params), props.slots)}</>
}
