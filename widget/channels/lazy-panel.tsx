import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { ChannelPanelProps } from './channel-types.ts'

type PanelModule = {
  CallbackPanel?: ComponentType<ChannelPanelProps>
  FormPanel?: ComponentType<ChannelPanelProps & { formId: string }>
}

/** The callback and form panels are separate chunks (contract C6), imported when first chosen. */
const load = (kind: 'callback' | 'form'): Promise<PanelModule> =>
  kind === 'callback' ? import('../callback/index.ts') : import('../form/index.ts')

export function LazyPanel(props: ChannelPanelProps & { kind: 'callback' | 'form'; formId?: string }) {
  const [mod, setMod] = useState<PanelModule | 'failed' | undefined>()
  useEffect(() => {
    load(props.kind).then(setMod, () => setMod('failed'))
  }, [props.kind])
  if (mod === undefined) return <p class="ol-note" role="status" aria-busy="true" />
  const { kind, formId, ...rest } = props
  const Callback = mod !== 'failed' && mod.CallbackPanel
  const Form = mod !== 'failed' && mod.FormPanel
  if (kind === 'callback' && Callback) return <Callback {...rest} />
  if (kind === 'form' && Form && formId) return <Form {...rest} formId={formId} />
  return (
    <p class="ol-note" role="alert">
      {props.config.texts[kind === 'form' ? 'form.notFound' : 'callback.failed']}
    </p>
  )
}
