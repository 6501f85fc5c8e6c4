/** Request and response shapes of the attachment routes (issue "One button, three ways", item 4). */
import { z } from 'zod'

export const attachmentRef = z.object({
  id: z.string(),
  /** Sanitised; its extension matches the content. */
  name: z.string(),
  size: z.number().int().nonnegative(),
  /** Decided from the bytes, never from the name or the client's Content-Type. */
  contentType: z.string(),
})

export const uploadAttachmentQuery = z.object({
  name: z.string().max(1000).optional().describe('The file name as the user chose it; cleaned by the server'),
})

export const attachmentResponse = z.object({ attachment: attachmentRef })

export const attachmentLinkResponse = z.object({
  /** A signed download URL for this visitor, usable without a token until `expiresAt`. */
  url: z.string(),
  expiresAt: z.number().int(),
})

export const signedDownloadQuery = z.object({
  w: z.string().max(64).optional(),
  v: z.string().max(64).optional(),
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
})
