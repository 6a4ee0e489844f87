// The API endpoint's rules, written once and free of zod: the settings schema (worker), the
// options form (page) and the API client all read them from here.

export const DEFAULT_API_BASE_URL = 'https://api.upscope.io/v1.1';

/** Hosts on this machine: the only ones plain http is allowed for (on-premise tests). */
export const LOCALHOST: ReadonlySet<string> = new Set(['localhost', '127.0.0.1']);

/** The longest endpoint the settings keep. */
export const MAX_ENDPOINT_LENGTH = 200;

/** What is wrong with an API endpoint, as a kind the pages word in the agent's language. */
export type EndpointFault = 'empty' | 'notUrl' | 'notHttps' | 'credentials' | 'query';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Why an API endpoint the key may be sent to cannot be used, or null: it must be https (http only
 * on this machine), without credentials, a query or a fragment.
 */
export function endpointFault(raw: string): EndpointFault | null {
  const value = raw.trim();
  if (!value) return 'empty';
  const url = parseUrl(value);
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'notUrl';
  const local = url.protocol === 'http:' && LOCALHOST.has(url.hostname);
  if (url.protocol !== 'https:' && !local) return 'notHttps';
  if (url.username || url.password) return 'credentials';
  // Checked on the text too: `https://x/?` and `https://x/#` parse with an empty search and hash.
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'query';
  return null;
}

/** The endpoint as it is stored: trimmed, without trailing slashes. */
export function normalEndpoint(raw: string): string {
  return raw.trim().replace(/\/+$/, '');
}

/**
 * The host permission a custom endpoint needs, or null when none must be asked for (the default
 * endpoint is in the manifest). Plain-http localhost is optional in the manifest for any port.
 */
export function endpointPermission(raw: string): string | null {
  const url = parseUrl(normalEndpoint(raw));
  if (!url) return null;
  if (url.protocol === 'http:')
    return LOCALHOST.has(url.hostname) ? `http://${url.hostname}/*` : null;
  if (url.protocol !== 'https:') return null;
  if (url.origin === new URL(DEFAULT_API_BASE_URL).origin) return null;
  return `${url.origin}/*`;
}

/** The hosts Upscope and UserView serve their API from: a key sent elsewhere leaves them. */
const UPSCOPE_DOMAINS = ['upscope.io', 'upscope.com', 'userview.io'];

export function isUpscopeHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return UPSCOPE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The origin an endpoint's key belongs to, or null while what is typed is not an endpoint. */
export function endpointOrigin(raw: string): string | null {
  if (endpointFault(raw)) return null;
  return parseUrl(normalEndpoint(raw))?.origin ?? null;
}

/** The host a usable endpoint sends the key to when it is not Upscope's or UserView's, or null. */
export function foreignEndpointHost(raw: string): string | null {
  if (endpointFault(raw)) return null;
  const url = parseUrl(normalEndpoint(raw));
  return url && !isUpscopeHost(url.hostname) ? url.host : null;
}

/**
 * The endpoint an agent most likely meant when what they typed cannot be used, or null when there
 * is no single safe guess: a missing `https://` added, `http://` made `https://` (the key must
 * not travel in clear), and a user name, password, query or fragment taken off. Each fault is
 * mended in turn, so `http://me@api.example.com/v1.1?x` becomes `https://api.example.com/v1.1`.
 * Empty input, or text that is no address even with a scheme, has no suggestion.
 */
export function endpointSuggestion(raw: string): string | null {
  let value = normalEndpoint(raw);
  // Four faults can be mended, each once; a fifth round would mean the guess went nowhere.
  for (let round = 0; round < 5; round++) {
    const fault = endpointFault(value);
    if (!fault) return value === normalEndpoint(raw) ? null : value;
    const mended = mend(value, fault);
    if (mended === null || mended === value) return null;
    value = normalEndpoint(mended);
  }
  return null;
}

function mend(value: string, fault: EndpointFault): string | null {
  switch (fault) {
    case 'empty':
      return null;
    case 'notUrl': {
      // Only a bare host (with an optional path) gets a scheme: "api.example.com/v1.1".
      if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[^:/]+:\d+(\/|$)/.test(value)) return null;
      const url = parseUrl(`https://${value}`);
      return url && url.hostname.includes('.') ? `https://${value}` : null;
    }
    case 'notHttps': {
      const url = parseUrl(value);
      return url?.protocol === 'http:' ? `https://${value.slice('http://'.length)}` : null;
    }
    case 'credentials': {
      const url = parseUrl(value);
      if (!url) return null;
      url.username = '';
      url.password = '';
      return url.href;
    }
    case 'query':
      return value.replace(/[?#].*$/s, '');
  }
}
