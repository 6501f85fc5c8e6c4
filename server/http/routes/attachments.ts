/**
 * Attachments over HTTP (issue "One button, three ways", item 4; contract C8). Uploads are a raw
 * body (the file itself; its name in `?name=`), read with the size limit enforced while streaming.
 * Downloads answer only the conversation's visitor and the workspace's operators — anyone else gets
 * 404 as for an unknown id — and always as a download (`Content-Disposition: attachment`, nosniff,
 * a sandboxing CSP), with the Content-Type decided from the bytes at upload.
 */
import type { Context } from 'hono'
import {
  acceptUpload,
  contentDisposition,
  DEFAULT_MAX_BYTES,
  LINK_TTL_MS,
  type Reader,
  readableAttachment,
  signedQuery,
  TooLargeError,
  UnsupportedTypeError,
  verifyDownload,
} from '../../attachments/index.ts'
import type { AttachmentRef, UploaderKind } from '../../store/attachment-types.ts'
import { requireCsrfToken } from '../csrf.ts'
import type { AppEnv, HttpDeps } from '../deps.ts'
import { HttpError } from '../errors.ts'
import type { Mounter } from '../mount.ts'
import { requireOperator } from '../require-operator.ts'
import { requireVisitor } from '../require-visitor.ts'
import { routes } from '../route-table.ts'

/** The upload path skips the app-wide JSON body limit: it enforces its own, larger one. */
export function isAttachmentUpload(method: string, path: string): boolean {
  return method === 'POST' && path === routes.uploadAttachment.path
}

const notFound = () => new HttpError(404, 'not_found', 'No such attachment')

const present = (a: AttachmentRef): AttachmentRef => ({
  id: a.id,
  name: a.name,
  size: a.size,
  contentType: a.contentType,
})

type Uploader = { workspaceId: string; kind: UploaderKind; id: string }

/** A bearer token means a visitor; otherwise the operator session cookie (401 without either). */
async function whoIsCalling(c: Context<AppEnv>, deps: HttpDeps): Promise<Uploader> {
  if (c.req.header('Authorization')) {
    const visitor = requireVisitor(c, deps)
    return { workspaceId: visitor.workspaceId, kind: 'visitor', id: visitor.visitorId }
  }
  const operator = await requireOperator(c, deps)
  requireCsrfToken(c, operator.session)
  return { workspaceId: operator.session.workspaceId, kind: 'operator', id: operator.operator.id }
}

function declaredLength(c: Context<AppEnv>): number | undefined {
  const header = c.req.header('Content-Length')
  const n = header === undefined ? Number.NaN : Number(header)
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

export function mountAttachments({ mount }: Mounter, deps: HttpDeps): void {
  const { store, clock, secret } = deps
  const maxBytes = deps.config.attachmentMaxBytes ?? DEFAULT_MAX_BYTES

  mount(routes.uploadAttachment, async (c, { query }) => {
    const uploader = await whoIsCalling(c, deps)
    try {
      const attachment = await acceptUpload(
        { store, now: clock.now(), maxBytes },
        {
          workspaceId: uploader.workspaceId,
          uploaderKind: uploader.kind,
          uploaderId: uploader.id,
          fileName: query.name ?? '',
          body: c.req.raw.body,
          declaredLength: declaredLength(c),
        },
      )
      return c.json({ attachment: present(attachment) }, 201)
    } catch (error) {
      if (error instanceof TooLargeError) {
        throw new HttpError(413, 'payload_too_large', error.message)
      }
      if (error instanceof UnsupportedTypeError) {
        throw new HttpError(415, 'unsupported_type', error.message)
      }
      throw error
    }
  })

  /** Signed link, bearer token, or session cookie — in that order. */
  async function downloadReader(c: Context<AppEnv>, id: string, q: Record<string, string | undefined>) {
    if (q.sig !== undefined) {
      const grant = {
        workspaceId: q.w ?? '',
        attachmentId: id,
        visitorId: q.v ?? '',
        expiresAt: Number(q.exp),
      }
      if (!verifyDownload(secret, grant, q.sig, clock.now())) throw notFound()
      return { kind: 'visitor', workspaceId: grant.workspaceId, visitorId: grant.visitorId } satisfies Reader
    }
    if (c.req.header('Authorization')) {
      const v = requireVisitor(c, deps)
      return { kind: 'visitor', workspaceId: v.workspaceId, visitorId: v.visitorId } satisfies Reader
    }
    const operator = await requireOperator(c, deps)
    return { kind: 'operator', workspaceId: operator.session.workspaceId } satisfies Reader
  }

  mount(routes.downloadAttachment, async (c, { params, query }) => {
    const reader = await downloadReader(c, params.id, query)
    const attachment = await readableAttachment(store, reader, params.id)
    const data = attachment && (await store.readAttachmentData(reader.workspaceId, attachment.id))
    if (!attachment || !data) throw notFound()
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': attachment.contentType,
      'Content-Length': String(data.byteLength),
      'Content-Disposition': contentDisposition(attachment.name),
      'X-Content-Type-Options': 'nosniff',
      // Even if something ever renders it inline, it runs no script and loads nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private',
    })
  })

  mount(routes.attachmentLink, async (c, { auth, params }) => {
    const reader: Reader = { kind: 'visitor', workspaceId: auth.workspaceId, visitorId: auth.visitorId }
    const attachment = await readableAttachment(store, reader, params.id)
    if (!attachment) throw notFound()
    const expiresAt = clock.now() + LINK_TTL_MS
    const grant = {
      workspaceId: auth.workspaceId,
      attachmentId: attachment.id,
      visitorId: auth.visitorId,
      expiresAt,
    }
    const url = `${deps.config.publicUrl}/api/attachments/${encodeURIComponent(attachment.id)}?${signedQuery(secret, grant)}`
    return c.json({ url, expiresAt })
  })
}
