import { describe, expect, it } from 'vitest'
import {
  colorFacts,
  formatRatio,
  linesToList,
  settingsIssues,
  widgetDraftOf,
  widgetPatchOf,
  withDefaults,
} from './widget-settings.ts'

describe('widget settings helpers', () => {
  it('fills the defaults of settings stored before issue 5', () => {
    const s = withDefaults({ color: '#ffcc00', position: 'bottom-left', title: 'Shop' })
    expect(s).toMatchObject({
      color: '#ffcc00',
      position: 'bottom-left',
      title: 'Shop',
      launcherIcon: 'chat',
      language: 'auto',
      texts: {},
      channels: { enabled: ['chat'], waitThresholdMinutes: 5 },
    })
    expect(s.displayRules).toBeUndefined()
    expect(withDefaults({ displayRules: { delaySeconds: 5 } }).displayRules).toMatchObject({
      delaySeconds: 5,
      include: [],
      device: 'all',
    })
  })

  it('says everything in the PATCH body, null for what goes back to a default', () => {
    const saved = widgetDraftOf({ name: 'W', settings: { texts: { 'chat.send': 'Go', 'chat.you': 'Me' } } })
    const draft = {
      ...saved,
      name: ' Shop ',
      settings: { ...saved.settings, title: '', texts: { 'chat.send': 'Go!', 'chat.you': '' } },
    }
    const patch = widgetPatchOf(saved, draft)
    expect(patch.name).toBe('Shop')
    expect(patch.settings).toMatchObject({
      title: null,
      greeting: null,
      displayRules: null,
      texts: { 'chat.send': 'Go!', 'chat.you': null },
      channels: { enabled: ['chat'], waitThresholdMinutes: 5 },
    })
  })

  it('sends the allowed origins as drafted and keeps their error paths (issue 2 audit)', () => {
    const saved = widgetDraftOf({ name: 'W', settings: {}, allowedOrigins: ['https://a.example'] })
    expect(saved.allowedOrigins).toEqual(['https://a.example'])
    expect(widgetDraftOf({ name: 'W', settings: {} }).allowedOrigins).toEqual([])
    const draft = { ...saved, allowedOrigins: ['https://a.example', 'https://*.b.example'] }
    expect(widgetPatchOf(saved, draft).allowedOrigins).toEqual(['https://a.example', 'https://*.b.example'])
    expect(widgetPatchOf(saved, { ...saved, allowedOrigins: [] }).allowedOrigins).toEqual([])
    expect(
      settingsIssues([
        { path: ['allowedOrigins', 1], message: 'bad' },
        { path: ['displayRules', 'include', 0], message: 'long' },
      ]),
    ).toEqual([
      { path: ['allowedOrigins', 1], message: 'bad' },
      { path: ['settings', 'displayRules', 'include', 0], message: 'long' },
    ])
  })

  it('computes the text colour and the contrast ratios', () => {
    expect(colorFacts('#ffcc00')).toMatchObject({ valid: true, textColor: '#000000' })
    expect(colorFacts('#1f6feb').textColor).toBe('#ffffff')
    expect(colorFacts('#1f6feb').textRatio).toBeGreaterThanOrEqual(4.5)
    expect(colorFacts('#ffcc00').pageRatio).toBeLessThan(3)
    expect(colorFacts('blue').valid).toBe(false)
    expect(formatRatio(4.58)).toBe('4.5:1')
    expect(formatRatio(21)).toBe('21.0:1')
  })

  it('reads pattern lists from lines', () => {
    expect(linesToList(' /cart*\n\n/checkout \n')).toEqual(['/cart*', '/checkout'])
  })
})
