/** Drives the embedded widget on a host page the way a visitor would (selectors pierce its open shadow root). */
import type { Page } from 'playwright-core'

export async function openWidget(page: Page): Promise<void> {
  await page.getByTestId('openline-launcher').click()
  await page.getByTestId('openline-input').waitFor()
}

export async function sendFromWidget(page: Page, text: string): Promise<void> {
  await page.getByTestId('openline-input').fill(text)
  await page.getByTestId('openline-send').click()
}

/** `arrived`: stored by the server — shown as delivered, or already read by the operator. */
export function widgetMessage(page: Page, text: string, status?: 'pending' | 'arrived') {
  const base = '[data-testid="openline-message"]'
  const selector =
    status === 'arrived'
      ? `${base}[data-status="delivered"], ${base}[data-status="read"]`
      : status
        ? `${base}[data-status="${status}"]`
        : base
  return page.locator(selector, { hasText: text })
}
