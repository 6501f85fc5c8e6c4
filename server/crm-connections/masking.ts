/**
 * Secrets never leave the server once saved (issue "Leads to CRM", item 6): the admin API shows a
 * masked copy of each connection, and an update that sends a masked value back keeps the stored
 * secret. Pure functions; `MASK` is what a browser sees instead of a secret.
 */
import type { CrmConnection } from '../crm/crm-connection.ts'

export const MASK = '••••'

/** `••••1234`: enough to tell two tokens apart, far too little to use one. Short secrets show nothing. */
export function maskTail(secret: string): string {
  return secret.length >= 16 ? `${MASK}${secret.slice(-4)}` : MASK
}

/**
 * Keeps what identifies an address (scheme, host, first path segment, short numeric segments such
 * as Bitrix24's user id) and masks the rest: hook addresses carry their token in the path
 * (`/rest/1/<token>/`, `/hooks/<id>`) or the query (`?key=`). Credentials in the URL are dropped.
 */
export function maskUrl(url: string): string {
  if (!URL.canParse(url)) return MASK
  const parsed = new URL(url)
  const segments = parsed.pathname.split('/')
  const path = segments
    .map((segment, index) => {
      if (segment === '' || index === 1 || /^\d{1,9}$/.test(segment)) return segment
      return MASK
    })
    .join('/')
  const query = [...parsed.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=${MASK}`).join('&')
  return `${parsed.protocol}//${parsed.host}${path}${query ? `?${query}` : ''}`
}

/** The connection as the admin API shows it: same shape, every secret masked. */
export function maskConnection(connection: CrmConnection): CrmConnection {
  switch (connection.kind) {
    case 'bitrix24':
      return { ...connection, webhookUrl: maskUrl(connection.webhookUrl) }
    case 'amocrm':
    case 'hubspot':
      return { ...connection, token: maskTail(connection.token) }
    case 'webhook': {
      const { previousSecret, ...rest } = connection
      return {
        ...rest,
        url: maskUrl(connection.url),
        secret: maskTail(connection.secret),
        ...(previousSecret && {
          previousSecret: { secret: maskTail(previousSecret.secret), until: previousSecret.until },
        }),
      }
    }
    case 'tryton':
      return { ...connection, password: MASK }
  }
}

/** Every secret of a connection, for redacting text that might carry one (logs, error messages). */
export function connectionSecrets(connection: CrmConnection): string[] {
  switch (connection.kind) {
    case 'bitrix24':
      return [connection.webhookUrl, ...urlSecrets(connection.webhookUrl)]
    case 'amocrm':
    case 'hubspot':
      return [connection.token]
    case 'webhook':
      return [
        connection.url,
        ...urlSecrets(connection.url),
        connection.secret,
        ...(connection.previousSecret ? [connection.previousSecret.secret] : []),
      ]
    case 'tryton':
      return [connection.password, ...urlSecrets(connection.url)]
  }
}

function urlSecrets(url: string): string[] {
  if (!URL.canParse(url)) return []
  const parsed = new URL(url)
  const out = [...parsed.searchParams.values()]
  if (parsed.password) out.push(parsed.password)
  for (const segment of parsed.pathname.split('/').slice(2)) if (segment.length >= 6) out.push(segment)
  return out
}
