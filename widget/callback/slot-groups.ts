/**
 * The slot picker's groups (issue 5, item 2): slots are instants; the visitor sees them by day and
 * time in their own zone (the browser's), with the business's zone noted next to the picker.
 */
export interface SlotGroup {
  label: string
  slots: Array<{ at: number; label: string }>
}

const formats = (locale: string) => [
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }),
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
]

export function groupSlots(slots: number[], locale: string): SlotGroup[] {
  const [day, time] = formats(locale)
  const groups: SlotGroup[] = []
  for (const at of slots) {
    const label = day!.format(at)
    const last = groups.at(-1)
    const slot = { at, label: time!.format(at) }
    if (last?.label === label) last.slots.push(slot)
    else groups.push({ label, slots: [slot] })
  }
  return groups
}

/** The confirmation's time: day and time in the visitor's zone. */
export const formatDue = (at: number, locale: string): string =>
  formats(locale)
    .map((f) => f.format(at))
    .join(' ')
