/** Attachments in the chat panel (issue 5, item 4). */
export { AttachButton } from './attach-button.tsx'
export { FileLinks } from './file-links.tsx'
export { formatSize, openFile, uploadFile, visitorToken } from './files.ts'
