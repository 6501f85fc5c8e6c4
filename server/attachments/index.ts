/**
 * Attachments in chat and in form file fields (issue "One button, three ways", item 4).
 * See docs/attachments.md.
 */
export { type Reader, readableAttachment, visitorUpload } from './access.ts'
export { contentDisposition, MAX_NAME_CHARS, sanitizeFileName } from './file-name.ts'
export { readLimited, TooLargeError } from './read-limited.ts'
export { type DownloadGrant, LINK_TTL_MS, signDownload, signedQuery, verifyDownload } from './signed-url.ts'
export { ALLOWED_CONTENT_TYPES, type Sniffed, type SniffedKind, sniffContent } from './sniff.ts'
export { acceptUpload, DEFAULT_MAX_BYTES, UnsupportedTypeError, type UploadInput } from './upload.ts'
