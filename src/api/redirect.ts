// A redirect from the API address is never followed (the key would go with it): it is reported,
// with the host it names when that can be said safely.

/**
 * The host a redirect names, for the agent to see where the API address leads. Null when the
 * answer hides it (a service worker gets an opaque redirect), when it is no http(s) URL, or when
 * it carries the key: the host ends up in words shown and stored.
 */
export function redirectHost(
  location: string | null,
  requestUrl: string,
  apiKey: string,
): string | null {
  if (location === null) return null;
  let target: URL;
  try {
    target = new URL(location, requestUrl);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null;
  const host = target.host;
  return host && !host.toLowerCase().includes(apiKey.toLowerCase()) ? host : null;
}

export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}
