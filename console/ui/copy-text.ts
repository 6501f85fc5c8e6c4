/**
 * Copy with navigator.clipboard; where it is missing or refused (plain http, old browsers, denied
 * permission) select the field's text instead so the person can press Ctrl+C / ⌘C themselves.
 */
export type CopyResult = 'copied' | 'selected'

export async function copyText(
  text: string,
  field: HTMLTextAreaElement | HTMLInputElement | null,
  clipboard: { writeText(text: string): Promise<void> } | null,
): Promise<CopyResult> {
  if (clipboard) {
    try {
      await clipboard.writeText(text)
      return 'copied'
    } catch (error) {
      if (!(error instanceof Error)) throw error
      // Refused (permission, insecure context): the selection fallback below is the answer.
    }
  }
  field?.focus()
  field?.select()
  return 'selected'
}
