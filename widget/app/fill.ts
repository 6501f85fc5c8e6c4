/** Fills `{name}` placeholders of a catalog text (issue 5: the texts live on the server); unknown ones stay. */
export const fill = (text: string | undefined, values: Record<string, string | number>): string =>
  (text ?? '').replace(/\{(\w+)\}/g, (m, k: string) => `${values[k] ?? m}`)
