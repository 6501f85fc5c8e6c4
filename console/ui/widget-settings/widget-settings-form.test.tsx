// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, type WidgetAdminApi, type WidgetSummary, type WidgetUpdate } from '../../api/index.ts'
import { WidgetSettingsForm } from './widget-settings-form.tsx'

afterEach(cleanup)

const widget = (settings: Record<string, unknown> = {}): WidgetSummary => ({
  id: 'w1',
  name: 'Shop',
  publicSlug: 'shop',
  lineId: 'l1',
  allowedOrigins: [],
  settings,
})

function fakeApi(respond?: (update: WidgetUpdate) => WidgetSummary) {
  const updates: WidgetUpdate[] = []
  const locales: string[] = []
  const api: WidgetAdminApi = {
    async updateWidget(_id, update) {
      updates.push(update)
      return respond ? respond(update) : widget(update.settings)
    },
    async widgetConfig(_id, locale) {
      locales.push(locale)
      const texts: Record<string, string> =
        locale === 'ru'
          ? { 'chat.title': 'Напишите нам', 'launcher.label': 'Чат' }
          : { 'chat.title': 'Chat with us', 'launcher.label': 'Chat', 'chat.send': 'Send message' }
      return { settings: {}, texts }
    },
  }
  return { api, updates, locales }
}

const byId = (id: string) => screen.getByTestId(id)
const preview = () => byId('widget-preview').shadowRoot as ShadowRoot
const inPreview = (id: string) => preview().querySelector(`[data-testid="${id}"]`) as HTMLElement

describe('widget settings', () => {
  it('shows the text colour and contrast, and previews the draft', async () => {
    const { api } = fakeApi()
    render(<WidgetSettingsForm api={api} widget={widget({ color: '#1f6feb' })} forms={[]} />)
    expect(byId('widget-color-facts').textContent).toContain('white (#ffffff)')
    expect(byId('widget-contrast-ratio').textContent).toBe('4.6:1')
    fireEvent.input(byId('widget-settings-color'), { target: { value: '#ffcc00' } })
    expect(byId('widget-color-facts').textContent).toContain('black (#000000)')
    expect(byId('widget-page-contrast-warning')).toBeTruthy()
    expect(screen.queryByTestId('widget-contrast-warning')).toBeNull()

    await waitFor(() => expect(inPreview('preview-title').textContent).toBe('Chat with us'))
    const root = preview().querySelector('.r') as HTMLElement
    expect(root.style.getPropertyValue('--ol-color')).toBe('#ffcc00')
    expect(root.style.getPropertyValue('--ol-on-color')).toBe('#000000')
    fireEvent.click(byId('widget-position-top-left'))
    expect(root.getAttribute('data-pos')).toBe('top-left')
    fireEvent.input(byId('widget-settings-launcherLabel'), { target: { value: 'Ask us' } })
    expect(inPreview('preview-launcher').textContent).toBe('Ask us')
    fireEvent.click(byId('widget-settings-showOperatorName'))
    expect(inPreview('preview-operator').textContent).toBe('AK')
    fireEvent.click(byId('widget-channel-callback'))
    expect(inPreview('preview-chooser')).toBeTruthy()
  })

  it('lists the default texts of the chosen language from the config', async () => {
    const { api, locales } = fakeApi()
    render(<WidgetSettingsForm api={api} widget={widget()} forms={[]} />)
    await screen.findByTestId('widget-settings-texts-chat.send')
    fireEvent.change(byId('widget-settings-language'), { target: { value: 'ru' } })
    await waitFor(() => expect(inPreview('preview-title').textContent).toBe('Напишите нам'))
    expect(screen.queryByTestId('widget-settings-texts-chat.send')).toBeNull()
    expect(locales).toEqual(['en', 'ru'])
  })

  it('saves channels, rules and text overrides with PATCH, and shows refused fields', async () => {
    const { api, updates } = fakeApi((update) => {
      if (updates.length === 1)
        throw new ApiError(400, 'invalid_body', 'The merged settings are not valid', [
          { path: ['displayRules', 'include', 0], message: 'Too long' },
        ])
      return widget(update.settings)
    })
    render(
      <WidgetSettingsForm
        api={api}
        widget={widget({ texts: { 'chat.title': 'Old' } })}
        forms={[{ id: 'f1', name: 'Contact', enabled: true, definition: { version: 1, sections: [] } }]}
      />,
    )
    fireEvent.click(byId('widget-channel-form'))
    fireEvent.change(byId('widget-settings-channels-formId'), { target: { value: 'f1' } })
    fireEvent.click(byId('widget-settings-channels-enabled-1-up'))
    fireEvent.click(byId('widget-rules-on'))
    const include = byId('widget-settings-displayRules-include')
    fireEvent.input(include, { target: { value: 'shop.example/*\n\n/cart' } })
    fireEvent.blur(include, { target: { value: 'shop.example/*\n\n/cart' } })
    await screen.findByTestId('widget-settings-texts-chat.send')
    fireEvent.input(byId('widget-settings-texts-chat.send'), { target: { value: 'Go' } })
    fireEvent.input(byId('widget-settings-texts-chat.title'), { target: { value: '' } })
    fireEvent.click(byId('widget-save'))
    await screen.findByTestId('widget-save-error')
    expect(screen.getByText('line 1: Too long')).toBeTruthy()
    expect(updates[0]!.settings).toMatchObject({
      channels: { enabled: ['form', 'chat'], formId: 'f1' },
      displayRules: { include: ['shop.example/*', '/cart'], device: 'all' },
      texts: { 'chat.send': 'Go', 'chat.title': null },
    })
    fireEvent.click(byId('widget-save'))
    await waitFor(() => expect(byId('widget-save-status').textContent).toBe('Saved.'))
  })

  // Issue 2 audit: the allowed origins were settable only when the widget was created.
  it('edits the allowed origins one per line, says an empty list allows any site, shows a refused line', async () => {
    const { api, updates } = fakeApi((update) => {
      if (updates.length === 1)
        throw new ApiError(400, 'invalid_body', 'Invalid body', [
          { path: ['allowedOrigins', 1], message: 'an origin like https://shop.example.com' },
        ])
      return { ...widget(update.settings), allowedOrigins: update.allowedOrigins ?? [] }
    })
    render(
      <WidgetSettingsForm
        api={api}
        widget={{ ...widget(), allowedOrigins: ['https://old.example'] }}
        forms={[]}
      />,
    )
    const box = byId('widget-allowedOrigins') as HTMLTextAreaElement
    expect(box.value).toBe('https://old.example')
    expect(byId('widget-allowed-origins').textContent).toContain('An empty list allows any site')
    expect(box.getAttribute('aria-describedby')).toBe('widget-allowedOrigins-hint')

    const text = 'https://shop.example\n\n https://shop.example/cart \n'
    fireEvent.input(box, { target: { value: text } })
    fireEvent.blur(box, { target: { value: text } })
    fireEvent.click(byId('widget-save'))
    await screen.findByTestId('widget-save-error')
    expect(updates[0]!.allowedOrigins).toEqual(['https://shop.example', 'https://shop.example/cart'])
    expect(screen.getByText('line 2: an origin like https://shop.example.com')).toBeTruthy()
    expect(box.getAttribute('aria-invalid')).toBe('true')

    fireEvent.input(box, { target: { value: '' } })
    fireEvent.blur(box, { target: { value: '' } })
    fireEvent.click(byId('widget-save'))
    await waitFor(() => expect(byId('widget-save-status').textContent).toBe('Saved.'))
    expect(updates[1]!.allowedOrigins).toEqual([])
  })
})
