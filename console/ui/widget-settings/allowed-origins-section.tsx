/**
 * The sites a widget may run on (issue 2 audit: `allowedOrigins` was settable only when the widget
 * was created). One origin per line; the server refuses an entry with a path and names its line.
 */
import { useT } from '../../i18n/index.ts'
import type { WidgetDraft } from '../../state/index.ts'
import type { DraftCtx } from '../forms/draft-fields.tsx'
import { ListField } from './display-rules-section.tsx'

export function AllowedOriginsSection({ ctx }: { ctx: DraftCtx<WidgetDraft> }) {
  const t = useT()
  return (
    <fieldset class="card settings-section" data-testid="widget-allowed-origins">
      <legend>{t('allowedOriginsSection.title')}</legend>
      <ListField
        ctx={ctx as DraftCtx}
        path={['allowedOrigins']}
        label={t('allowedOriginsSection.label')}
        hint={t('allowedOriginsSection.hint')}
      />
    </fieldset>
  )
}
