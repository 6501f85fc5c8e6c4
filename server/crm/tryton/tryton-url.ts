import { CrmError } from '../crm-error.ts'

export interface TrytonEndpoint {
  /** The JSON-RPC address of one database: `<server>/<database>/`, always with the trailing slash. */
  rpcUrl: string
  database: string
  host: string
}

/**
 * Tryton serves each database's JSON-RPC at `POST <server>/<database>/` (trytond
 * protocols/dispatcher.py), so the connection is configured as one URL ending in the database
 * name, e.g. `https://erp.example.com/acme`; a reverse-proxy prefix before it is kept.
 */
export function parseTrytonUrl(url: string): TrytonEndpoint {
  const invalid = () =>
    new CrmError({
      crm: 'tryton',
      code: 'invalid_config',
      retryable: false,
      message: 'The Tryton address must look like https://<server>/<database> (the database name last)',
    })
  const trimmed = url.trim()
  if (!URL.canParse(trimmed)) throw invalid()
  const parsed = new URL(trimmed)
  const segments = parsed.pathname.split('/').filter(Boolean)
  const database = segments.at(-1)
  if (
    database === undefined ||
    (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    parsed.search !== ''
  ) {
    throw invalid()
  }
  return {
    rpcUrl: `${parsed.origin}/${segments.join('/')}/`,
    database: decodeURIComponent(database),
    host: parsed.host,
  }
}
