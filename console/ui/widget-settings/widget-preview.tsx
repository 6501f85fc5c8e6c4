/**
 * The live preview of the widget settings (issue 5 item 6). It renders a mock launcher and panel
 * with the widget's own stylesheets (widget/chat/panel-css.ts, widget/boot/launcher-css.ts) and
 * the same CSS custom properties and data attributes the widget sets, inside a shadow root so the
 * console's CSS and the widget's cannot mix. A small extra sheet only shrinks the floating panel to
 * the preview frame and places it for each of the six positions. Nothing in it is interactive.
 */
import { render } from 'preact'
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks'
import { LAUNCHER_ICON_PATHS } from '../../../server/widgets/launcher-icons.ts'
import { launcherCss } from '../../../widget/boot/launcher-css.ts'
import { panelCss } from '../../../widget/chat/panel-css.ts'
import { type MessageKey, type Translate, useT } from '../../i18n/index.ts'
import { colorFacts, type WidgetSettings } from '../../state/index.ts'

/** Fallbacks in the console's language while the catalog texts load. */
const FALLBACK: Record<string, MessageKey> = {
  'launcher.label': 'widgetPreview.launcherLabel',
  'chat.title': 'widgetPreview.chatTitle',
  'chat.greeting': 'widgetPreview.chatGreeting',
  'chat.composerPlaceholder': 'widgetPreview.composerPlaceholder',
  'chooser.title': 'widgetPreview.chooserTitle',
  'chooser.chat': 'widgetPreview.chatTitle',
  'chooser.callback': 'widgetPreview.chooserCallback',
  'chooser.form': 'widgetPreview.chooserForm',
}

const PREVIEW_CSS = `
.r{display:block;position:absolute;inset:0;font:15px system-ui,sans-serif}
.ol-panel[data-layout=floating]{width:290px;height:370px;max-width:calc(100% - 40px)}
[data-pos$=right] .ol-panel[data-layout=floating]{right:20px;left:auto}
[data-pos$=left] .ol-panel[data-layout=floating]{left:20px;right:auto}
[data-pos^=top] .l{top:20px;bottom:auto}
[data-pos^=top] .ol-panel[data-layout=floating]{top:88px;bottom:auto}
[data-pos^=middle] .l{top:calc(50% - 28px);bottom:auto}
[data-pos^=middle] .ol-panel[data-layout=floating]{top:calc(50% - 185px);bottom:auto}
[data-pos=middle-right] .ol-panel[data-layout=floating]{right:88px}
[data-pos=middle-left] .ol-panel[data-layout=floating]{left:88px}
[data-pos$=left] .l{left:20px;right:auto}
.ol-choice{display:block;padding:10px 14px;border:1px solid var(--ol-edge);border-radius:12px}
`

export interface WidgetPreviewProps {
  settings: WidgetSettings
  /** Catalog texts of the previewed language (overrides of the draft are applied here). */
  texts: Record<string, string> | null
}

export function WidgetPreview({ settings, texts }: WidgetPreviewProps) {
  const t = useT()
  const host = useRef<HTMLDivElement>(null)
  // A layout effect: the preview changes in the same commit as the field being typed in, not a
  // frame later (useEffect waits for requestAnimationFrame, which headless browsers may delay).
  useLayoutEffect(() => {
    const el = host.current
    if (!el) return
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' })
    // A separate render root has no I18n provider: the translator travels as a prop.
    render(<PreviewMarkup settings={settings} texts={texts} t={t} />, root)
  }, [settings, texts, t])
  useEffect(() => {
    const el = host.current
    return () => {
      if (el?.shadowRoot) render(null, el.shadowRoot)
    }
  }, [])
  return (
    <figure class="widget-preview" aria-labelledby="widget-preview-caption">
      <figcaption id="widget-preview-caption">
        {t('widgetPreview.preview')}
        {settings.theme === 'auto' ? ` ${t('widgetPreview.themeFollows')}` : ''}
      </figcaption>
      <div class="widget-preview-frame" ref={host} aria-hidden="true" data-testid="widget-preview" />
    </figure>
  )
}

function PreviewMarkup({ settings, texts, t }: WidgetPreviewProps & { t: Translate }) {
  const text = (key: string): string => {
    const own = settings.texts[key]
    if (typeof own === 'string' && own !== '') return own
    const fallback = FALLBACK[key]
    return texts?.[key] ?? (fallback ? t(fallback) : key)
  }
  const facts = colorFacts(settings.color)
  const vars = { '--ol-color': facts.valid ? settings.color : '#1f6feb', '--ol-on-color': facts.textColor }
  const icon = LAUNCHER_ICON_PATHS[settings.launcherIcon]
  const channels = settings.channels.enabled
  const showWho = settings.showOperatorName || settings.showOperatorAvatar
  return (
    <div class="r" data-pos={settings.position} style={vars}>
      <style>{panelCss + launcherCss + PREVIEW_CSS}</style>
      <div
        class="ol-panel"
        data-layout="floating"
        data-theme={settings.theme}
        data-position={settings.position}
        data-testid="preview-panel"
      >
        <div class="ol-head">
          <span class="ol-title" data-testid="preview-title">
            {settings.title || text('chat.title')}
          </span>
        </div>
        <div class="ol-log">
          {channels.length > 1 ? (
            <div class="ol-list" data-testid="preview-chooser">
              <p>{text('chooser.title')}</p>
              {channels.map((c) => (
                <span class="ol-choice" key={c}>
                  {text(`chooser.${c}`)}
                </span>
              ))}
            </div>
          ) : (
            <div class="ol-list">
              <div class="ol-msg" data-author="system">
                <span class="ol-bubble" data-testid="preview-greeting">
                  {settings.greeting || text('chat.greeting')}
                </span>
              </div>
              <div class="ol-msg" data-author="operator">
                {showWho && (
                  <span class="ol-who" data-testid="preview-operator">
                    {settings.showOperatorAvatar && <span class="ol-avatar">{t('widgetPreview.ak')}</span>}
                    {settings.showOperatorName && t('widgetPreview.anna')}
                  </span>
                )}
                <span class="ol-bubble">{t('widgetPreview.helloHowCanI')}</span>
              </div>
              <div class="ol-msg" data-author="visitor">
                <span class="ol-bubble">{t('widgetPreview.doYouShipAbroad')}</span>
              </div>
            </div>
          )}
        </div>
        <div class="ol-composer">
          <span class="ol-input">{text('chat.composerPlaceholder')}</span>
        </div>
      </div>
      <span class="l" data-testid="preview-launcher">
        {icon && (
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d={icon} />
          </svg>
        )}
        <span class="t">{settings.launcherLabel || text('launcher.label')}</span>
      </span>
    </div>
  )
}
