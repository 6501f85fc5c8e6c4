/** Drives the console's form builder (issue 5) in a real browser page the way an admin would. */
import type { Page } from 'playwright-core'

/** Builds "Order number" (shown when the topic is "Order") in a new form; returns the form's id. */
export async function buildFormWithCondition(page: Page): Promise<string> {
  await page.getByTestId('nav-forms').click()
  await page.getByTestId('form-create').click()
  await page.getByTestId('form-builder').waitFor()
  const formId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
  await page.getByTestId('form-name').fill('Order questions')
  const f = 'form-definition-sections-0-fields'
  await page.getByTestId('form-add-field-0').selectOption('select')
  await page.getByTestId(`${f}-2-label`).fill('Topic')
  await page.getByTestId(`${f}-2-options-0-label`).fill('Delivery')
  await page.getByTestId(`${f}-2-options-0-value`).fill('delivery')
  await page.getByTestId(`${f}-2-options-add`).click()
  await page.getByTestId(`${f}-2-options-1-label`).fill('Order')
  await page.getByTestId(`${f}-2-options-1-value`).fill('order')
  await page.getByTestId('form-add-field-0').selectOption('text')
  await page.getByTestId(`${f}-3-label`).fill('Order number')
  await page.getByTestId(`${f}-3-key`).fill('order_number')
  await page.getByTestId(`${f}-3-showIf-add`).click()
  await page.getByTestId(`${f}-3-showIf-0-field`).selectOption('field_1')
  await page.getByTestId(`${f}-3-showIf-0-op`).selectOption('eq')
  await page.getByTestId(`${f}-3-showIf-0-value`).selectOption('order')
  return formId
}
