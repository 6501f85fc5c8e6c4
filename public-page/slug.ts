/** `/chat/<slug>` → slug (the server's publicSlug rule: 3–64 letters, digits, "-" or "_"). */
const SLUG = /^\/chat\/([A-Za-z0-9_-]{3,64})\/?$/

export function slugFromPath(pathname: string): string | null {
  return SLUG.exec(pathname)?.[1] ?? null
}
