/**
 * Faults a test injects: a status, a Retry-After, latency, a malformed body, a dropped
 * connection, or what sits in front of a real server may send instead of its JSON (a redirect, a
 * proxy's HTML page, no content, plain text), for the next API request or the next ones that
 * match, as many times as asked.
 */
import { CORS_HEADERS, jsonResponse, type FakeResponse } from './http';

export interface Fault {
  /** Without `match` the fault applies to the next API request, whatever it is. */
  match?: {
    method?: string;
    /** A string matches when the request path contains it; a RegExp is tested against the path. */
    path?: string | RegExp;
  };
  /** How many matching requests it affects: default 1, `Infinity` allowed. */
  times?: number;
  status?: number;
  body?: unknown;
  retryAfter?: number | string;
  latencyMs?: number;
  /** 200 with a truncated, non-JSON body. */
  malformed?: boolean;
  /** Close the connection without any response. */
  drop?: boolean;
  /** A redirect (`status`, default 302) to this URL, as a moved endpoint or a sign-in gate sends. */
  redirectTo?: string;
  /** This HTML page as the body (with `status`, default 200), as a proxy or a gateway sends. */
  html?: string;
  /** This plain text as the body (with `status`, default 200): Upscope's DELETEs answer `ok`. */
  text?: string;
  /** 204 with no body (or `status` with no body). */
  noContent?: boolean;
}

const MALFORMED_BODY = '{"status":"ok","visi';

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** The faults not yet used up, in the order they were injected. */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(fault: Fault): void {
    const remaining = fault.times ?? 1;
    if (!(remaining > 0)) return;
    this.faults.push({ fault, remaining });
  }

  clear(): void {
    this.faults = [];
  }

  /** Faults not yet used up, with how many uses each has left. */
  pending(): readonly { fault: Fault; remaining: number }[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first fault that matches this request, counting one use of it. */
  take(method: string, path: string): Fault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i];
      if (!active || !faultMatches(active.fault, method, path)) continue;
      active.remaining -= 1;
      if (active.remaining <= 0) this.faults.splice(i, 1);
      return active.fault;
    }
    return undefined;
  }
}

function faultMatches(fault: Fault, method: string, path: string): boolean {
  const m = fault.match;
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== method) return false;
  if (m.path !== undefined) {
    if (typeof m.path === 'string') return path.includes(m.path);
    m.path.lastIndex = 0;
    return m.path.test(path);
  }
  return true;
}

const GENERIC_ERRORS: Record<number, string> = {
  400: 'bad_request',
  401: 'invalid_api_key',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  429: 'rate_limited',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export function faultResponse(fault: Fault): FakeResponse | undefined {
  if (fault.drop) return { status: 0, headers: {}, body: '', drop: true };
  if (fault.malformed) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json', ...CORS_HEADERS },
      body: MALFORMED_BODY,
    };
  }
  const special = specialResponse(fault);
  if (special) return special;
  const status = fault.status ?? (fault.retryAfter !== undefined ? 429 : undefined);
  if (status === undefined) return undefined;
  const extra: Record<string, string> = {};
  if (fault.retryAfter !== undefined) extra['retry-after'] = String(fault.retryAfter);
  if (fault.body !== undefined) {
    const raw = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
    return {
      status,
      headers: { 'content-type': 'application/json', ...CORS_HEADERS, ...extra },
      body: raw,
    };
  }
  const error = GENERIC_ERRORS[status] ?? (status >= 500 ? 'server_error' : 'error');
  return jsonResponse(status, { status: 'error', error }, extra);
}

/** A redirect, an HTML page, plain text or no content; undefined for any other fault. */
function specialResponse(fault: Fault): FakeResponse | undefined {
  const headers = (contentType?: string): Record<string, string> => ({
    ...(contentType ? { 'content-type': contentType } : {}),
    ...CORS_HEADERS,
    ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}),
  });
  if (fault.redirectTo !== undefined) {
    return {
      status: fault.status ?? 302,
      headers: { ...headers(), location: fault.redirectTo },
      body: '',
    };
  }
  if (fault.html !== undefined) {
    return {
      status: fault.status ?? 200,
      headers: headers('text/html; charset=utf-8'),
      body: fault.html,
    };
  }
  if (fault.text !== undefined) {
    return {
      status: fault.status ?? 200,
      headers: headers('text/plain; charset=utf-8'),
      body: fault.text,
    };
  }
  if (fault.noContent) return { status: fault.status ?? 204, headers: headers(), body: '' };
  return undefined;
}
