import type { WireAttachment } from '../../../server/protocol/messages.ts'
import { formatSize } from './upload.ts'

/**
 * A message's files. Same origin as the API, so a plain link carries the session cookie; the server
 * answers with `Content-Disposition: attachment`, so the browser downloads instead of rendering.
 */
export function FileLinks({ files }: { files: readonly WireAttachment[] }) {
  return (
    <ul class="message-files">
      {files.map((file) => (
        <li key={file.id}>
          <a
            href={`/api/attachments/${encodeURIComponent(file.id)}`}
            download={file.name}
            data-testid="message-file"
          >
            {file.name}
          </a>{' '}
          <span class="hint">({formatSize(file.size)})</span>
        </li>
      ))}
    </ul>
  )
}
