/** Drives the operator console in a real browser page the way an operator would. */
import type { Page } from 'playwright-core'

export async function signInToConsole(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/console/`)
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('tab-waiting').waitFor()
}

/** Opens the inbox conversation whose preview shows `text`. */
export async function openConversationWith(page: Page, text: string): Promise<void> {
  await page.getByTestId('inbox-item').filter({ hasText: text }).first().click()
  await page.getByTestId('composer-input').waitFor()
}

export async function reply(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text)
  await page.getByTestId('composer-send').click()
  await page.locator('[data-testid="message"][data-status="delivered"]', { hasText: text }).waitFor()
}
