import { useRef, useState } from 'preact/hooks'
import type { WireAttachment } from '../../../server/protocol/messages.ts'
import { useT } from '../../i18n/index.ts'
import { errorText } from '../error-text.ts'

export interface AttachControlProps {
  upload(file: File): Promise<WireAttachment>
  /** Called with the stored file: the caller sends it as a message. */
  onUploaded(attachment: WireAttachment): void
  disabled?: boolean
}

/**
 * "Attach file" in the operator's composer: a real button opening the hidden picker (keyboard and
 * screen readers), a status while the file uploads, and the server's reason when it is refused
 * (too big, a type not on the allow-list).
 */
export function AttachControl({ upload, onUploaded, disabled }: AttachControlProps) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<{ busy: string | null; error: string | null }>({
    busy: null,
    error: null,
  })

  async function pick(file: File) {
    setState({ busy: file.name, error: null })
    try {
      onUploaded(await upload(file))
      setState({ busy: null, error: null })
    } catch (error) {
      setState({
        busy: null,
        error: t('attachControl.notSent', { name: file.name, error: errorText(error, t) }),
      })
    }
  }

  return (
    <span class="attach-control">
      <input
        ref={input}
        type="file"
        hidden
        data-testid="composer-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) void pick(file)
        }}
      />
      <button
        type="button"
        class="button"
        data-testid="composer-attach"
        disabled={disabled || state.busy !== null}
        onClick={() => input.current?.click()}
      >
        {t('attachControl.attachFile')}
      </button>
      <span role="status" class="hint" data-testid="composer-upload-status">
        {state.busy ? t('attachControl.uploading', { name: state.busy }) : ''}
      </span>
      {state.error && (
        <span role="alert" class="form-error">
          {state.error}
        </span>
      )}
    </span>
  )
}
