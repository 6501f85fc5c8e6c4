import type { WireAttachment } from '../../../server/protocol/messages.ts'
import { formatSize } from './files.ts'

/**
 * A message's files: name and size, underlined like links. Buttons, because the click is an action
 * (it fetches a signed link, see files.ts), not a place to go.
 */
export function FileLinks({ files, open }: { files: WireAttachment[]; open: (id: string) => void }) {
  return (
    <>
      {files.map((file) => (
        <button
          type="button"
          key={file.id}
          class="ol-file"
          onClick={() => open(file.id)}
          data-testid="openline-file"
        >
          {file.name} ({formatSize(file.size)})
        </button>
      ))}
    </>
  )
}
