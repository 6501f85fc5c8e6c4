/** Attachments in the operator console (issue 5, item 4). */
export { AttachControl, type AttachControlProps } from './attach-control.tsx'
export { FileLinks } from './file-links.tsx'
export { attachmentIdsOf, formatSize, uploadAttachment } from './upload.ts'
