/**
 * The fake's requests and responses as plain data, and the responses every part of it answers
 * with (JSON the way Upscope sends it, with CORS headers; text; HTML; not found).
 */

export interface FakeRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string | null;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Binary payload (screenshots); when set, transports send it instead of `body`. */
  bodyBytes?: Uint8Array;
  /** Close the connection without a response. */
  drop?: boolean;
  /** Transports wait this long before answering. */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, the raw text otherwise, null when empty. */
  body: unknown;
  /** Status answered; 0 when the connection was dropped. */
  status: number;
  /** Wall-clock arrival time (ms since epoch). */
  at: number;
}

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  // Retry-After is not CORS-safelisted; without this a page-origin client could not honour it.
  'access-control-expose-headers': 'Retry-After',
};

export function jsonResponse(
  status: number,
  value: unknown,
  extraHeaders: Record<string, string> = {},
): FakeResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...CORS_HEADERS,
      ...extraHeaders,
    },
    body: JSON.stringify(value),
  };
}

export function notFound(): FakeResponse {
  return jsonResponse(404, { status: 'error', error: 'not_found' });
}

export function invalidParams(): FakeResponse {
  return jsonResponse(400, { status: 'error', error: 'invalid_params' });
}

export function preflight(): FakeResponse {
  return {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': 'x-api-key, content-type',
      'access-control-max-age': '600',
    },
    body: '',
  };
}

export function textResponse(status: number, text: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

export function htmlResponse(status: number, html: string): FakeResponse {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
    body: html,
  };
}

export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

export function parseRecordedBody(body: string | null): unknown {
  if (body == null || body === '') return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
