/**
 * Accepting one file: read at most `maxBytes`, decide the type from the bytes alone, clean the name,
 * store. The HTTP route only adds authentication and the error mapping.
 */
import type { Attachment, UploaderKind } from '../store/attachment-types.ts'
import type { Store } from '../store/types.ts'
import { sanitizeFileName } from './file-name.ts'
import { readLimited } from './read-limited.ts'
import { sniffContent } from './sniff.ts'

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

export class UnsupportedTypeError extends Error {
  constructor() {
    super('This kind of file is not accepted (allowed: images, PDF, plain text, Word, Excel, MP3, MP4)')
    this.name = 'UnsupportedTypeError'
  }
}

export interface UploadInput {
  workspaceId: string
  uploaderKind: UploaderKind
  uploaderId: string
  /** The name the client gave, untrusted. */
  fileName: string
  body: ReadableStream<Uint8Array> | null
  declaredLength?: number
}

export async function acceptUpload(
  deps: { store: Pick<Store, 'createAttachment'>; now: number; maxBytes: number },
  input: UploadInput,
): Promise<Attachment> {
  const data = await readLimited(input.body, deps.maxBytes, input.declaredLength)
  const sniffed = sniffContent(data)
  if (!sniffed) throw new UnsupportedTypeError()
  return deps.store.createAttachment({
    workspaceId: input.workspaceId,
    uploaderKind: input.uploaderKind,
    uploaderId: input.uploaderId,
    name: sanitizeFileName(input.fileName, sniffed),
    contentType: sniffed.contentType,
    data,
    now: deps.now,
  })
}
