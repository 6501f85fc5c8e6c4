interface AvatarProps {
  name: string
  url: string | null
  /** Relative avatar URLs are relative to the Openline server, not to the host page. */
  baseUrl: string | undefined
}

function resolve(url: string | null, baseUrl: string | undefined): string | null {
  if (!url) return null
  try {
    const resolved = new URL(url, baseUrl ?? document.baseURI)
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null
  } catch {
    return null
  }
}

export function Avatar({ name, url, baseUrl }: AvatarProps) {
  const src = resolve(url, baseUrl)
  if (src) return <img class="ol-avatar" src={src} alt="" width={24} height={24} />
  return (
    <span class="ol-avatar" aria-hidden="true">
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  )
}
