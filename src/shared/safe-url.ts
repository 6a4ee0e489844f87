// Visitor and page data comes from websites the agent does not control. It is shown as text; an
// address becomes a link or an image only when it is an absolute https: URL.

/** The URL when it is absolute https: without credentials, otherwise null. */
export function safeHttpsUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 4000) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null; // Relative or unreadable.
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  return url.href;
}

/** A shorter way to show an address: no scheme, no trailing slash on a bare host. */
export function shortUrl(href: string): string {
  try {
    const url = new URL(href);
    const path = url.pathname === '/' ? '' : url.pathname;
    return `${url.host}${path}${url.search}`;
  } catch {
    return href;
  }
}

/** Bounds a number from the API before it becomes an attribute (image sizes). */
export function clampSize(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? Math.min(Math.round(value), max)
    : fallback;
}
