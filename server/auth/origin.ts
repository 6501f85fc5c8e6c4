/**
 * Origin checks for visitor sockets and widget API calls (`Widget.allowedOrigins`). Compared on the
 * normalised serialisation `scheme://host[:port]` (RFC 6454): lower-case, IDN as punycode, default
 * port dropped — never by string prefix or suffix, which `https://example.com.evil.com` would pass.
 */

interface Exact {
  kind: 'exact'
  origin: string
}

interface Wildcard {
  kind: 'wildcard'
  scheme: string
  /** The registrable part after `*.`, e.g. `example.com`. */
  suffix: string
  port: string
}

type Rule = Exact | Wildcard | { kind: 'any' }

interface ParsedOrigin {
  scheme: string
  host: string
  port: string
}

/** `scheme://host[:port]` with at most a trailing `/`; anything with a path, query or user is refused. */
function parseOrigin(text: string): ParsedOrigin | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    // Not a URL at all (`null`, garbage): not an origin, so it can match nothing.
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return undefined
  if (url.hostname === '') return undefined
  return { scheme: url.protocol.slice(0, -1), host: url.hostname, port: url.port }
}

function serialise({ scheme, host, port }: ParsedOrigin): string {
  return port ? `${scheme}://${host}:${port}` : `${scheme}://${host}`
}

const WILDCARD = /^(https?):\/\/\*\.([^/:*]+)(:\d+)?\/?$/i

function parseRule(entry: string): Rule | undefined {
  const text = entry.trim()
  if (text === '*') return { kind: 'any' }
  const wildcard = WILDCARD.exec(text)
  if (wildcard) {
    // Normalise the part after `*.` exactly like a real host (case, punycode, default port).
    const parsed = parseOrigin(`${wildcard[1]}://${wildcard[2]}${wildcard[3] ?? ''}`)
    return parsed && { kind: 'wildcard', scheme: parsed.scheme, suffix: parsed.host, port: parsed.port }
  }
  const parsed = parseOrigin(text)
  return parsed && { kind: 'exact', origin: serialise(parsed) }
}

function matches(rule: Rule, origin: ParsedOrigin): boolean {
  switch (rule.kind) {
    case 'any':
      return true
    case 'exact':
      return rule.origin === serialise(origin)
    case 'wildcard':
      // Subdomains only (any depth): `*.example.com` does not admit `example.com` itself.
      return (
        rule.scheme === origin.scheme &&
        rule.port === origin.port &&
        origin.host.length > rule.suffix.length + 1 &&
        origin.host.endsWith(`.${rule.suffix}`)
      )
  }
}

/**
 * Whether an allow-list entry can match anything: an origin `scheme://host[:port]` or a subdomain
 * wildcard `scheme://*.host[:port]`, without path, query, fragment or user (the admin API refuses the
 * rest, so an entry never silently matches nothing). `*` alone is not an entry: the empty list is.
 */
export function isOriginEntry(entry: string): boolean {
  if (!/^https?:\/\/(\*\.)?[^\s/?#@\\*]+$/i.test(entry)) return false
  const rule = parseRule(entry)
  return rule !== undefined && rule.kind !== 'any'
}

/**
 * An empty list means "any origin" (the widget default). Otherwise a missing or unparsable Origin is
 * refused; entries may be exact origins, `https://*.example.com` (subdomains only) or `*`.
 * Malformed entries match nothing rather than failing open.
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true
  if (origin === undefined) return false
  const parsed = parseOrigin(origin)
  if (parsed === undefined) return false
  return allowed.some((entry) => {
    const rule = parseRule(entry)
    return rule !== undefined && matches(rule, parsed)
  })
}
