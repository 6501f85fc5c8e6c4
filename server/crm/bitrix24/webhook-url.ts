import { CrmError } from '../crm-error.ts'

export interface Bitrix24Endpoint {
  /** `https://<portal>/rest/<user>/<token>/`, always with the trailing slash. */
  base: string
  portal: string
  token: string
}

const REST_PATH = /^\/rest\/(\d+)\/([^/]+)\/?$/

/**
 * Splits an incoming-webhook address (Bitrix24 "Developer resources → Other → Inbound webhook":
 * `https://<portal>/rest/<user>/<token>/`). The token is the secret, so errors never echo it.
 */
export function parseWebhookUrl(webhookUrl: string): Bitrix24Endpoint {
  const invalid = () =>
    new CrmError(
      {
        crm: 'bitrix24',
        code: 'invalid_config',
        retryable: false,
        message: 'The Bitrix24 webhook address must look like https://<portal>/rest/<user>/<token>/',
      },
      [webhookUrl],
    )
  if (!URL.canParse(webhookUrl.trim())) throw invalid()
  const url = new URL(webhookUrl.trim())
  const match = REST_PATH.exec(url.pathname)
  if (!match || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '') throw invalid()
  const [, user, token] = match as unknown as [string, string, string]
  return { base: `${url.origin}/rest/${user}/${token}/`, portal: url.host, token }
}
