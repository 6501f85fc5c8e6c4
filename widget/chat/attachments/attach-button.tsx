import { useRef, useState } from 'preact/hooks'
import type { ChatController } from '../../realtime/types.ts'
import { AttachIcon } from '../icons.tsx'
import type { ChatTexts } from '../texts.ts'
import { uploadFile } from './files.ts'

interface AttachButtonProps {
  chat: ChatController
  baseUrl: string
  texts: ChatTexts
}

/**
 * A real button (keyboard and screen readers) that opens the hidden file picker. The chosen file is
 * uploaded at once and sent as a message of its own; meanwhile a status line says it is on its way.
 */
export function AttachButton({ chat, baseUrl, texts }: AttachButtonProps) {
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)

  const pick = async (file: File) => {
    setBusy(true)
    setFailed(false)
    try {
      chat.send('', [await uploadFile(baseUrl, chat, file)])
    } catch {
      setFailed(true)
    }
    setBusy(false)
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="openline-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          event.currentTarget.value = ''
          if (file) pick(file)
        }}
      />
      <button
        type="button"
        class="ol-send ol-attach"
        aria-label={texts.attach}
        disabled={busy}
        onClick={() => input.current?.click()}
        data-testid="openline-attach"
      >
        <AttachIcon />
      </button>
      {(busy || failed) && (
        <p class="ol-upload" role={failed ? 'alert' : 'status'} data-testid="openline-upload-status">
          {failed ? texts.attachFailed : texts.status.pending}
        </p>
      )}
    </>
  )
}
