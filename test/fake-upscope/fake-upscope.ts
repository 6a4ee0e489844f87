/**
 * A stateful stand-in for the Upscope / UserView REST API v1.1.
 *
 * Pure request → response logic with no sockets, so the same instance can sit
 * behind a node:http server (integration tests, demo) or inside Playwright's
 * `context.route()` (end-to-end tests). It speaks plain JSON the way the
 * vendor documents it and deliberately shares no code with the extension, so
 * a misunderstanding of the API cannot hide on both sides at once.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { seedVisitors, type FakeJson, type FakeVisitorRecord } from './seed';
import { watchPageHtml, watchPageNotFoundHtml, type WatchPageData } from './watch-page';

export { escapeHtml } from './watch-page';

export type { FakeVisitorRecord } from './seed';

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

export type KeyState =
  | 'ok'
  | 'subscription_expired'
  | 'no_subscription'
  | 'api_not_enabled'
  | 'please_contact_team'
  | 'over_plan_limits';

export interface WatchSession {
  shortId: string;
  /** The JSON body the client posted. */
  body: unknown;
  watchUrl: string;
  token: string;
  agentName: string;
  visitorName: string;
  at: number;
}

export interface FakeUpscopeOptions {
  /** Default `{ 'demo-key': 'ok' }`. */
  apiKeys?: Record<string, KeyState>;
  /** Default: `seedVisitors(now())`. The fake works on a deep copy. */
  visitors?: FakeVisitorRecord[];
  now?: () => Date;
  /** Default `/v1.1`. */
  basePath?: string;
  /** Fixed latency added to every API request. */
  latencyMs?: number;
  /** Default `https://o.upscope.io`. */
  watchOrigin?: string;
}

export const DEMO_API_KEY = 'demo-key';
export const DEFAULT_WATCH_ORIGIN = 'https://o.upscope.io';
export const SCREENSHOT_ORIGIN = 'https://cdn.upscope.io';
const SCREENSHOT_PATH_PREFIX = '/fake-screens/';

const KEY_STATES: readonly KeyState[] = [
  'ok',
  'subscription_expired',
  'no_subscription',
  'api_not_enabled',
  'please_contact_team',
  'over_plan_limits',
];

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  // Retry-After is not CORS-safelisted; without this a page-origin client could not honour it.
  'access-control-expose-headers': 'Retry-After',
};

const MALFORMED_BODY = '{"status":"ok","visi';

type Handler = (ctx: RouteContext) => FakeResponse;

interface RouteContext {
  url: URL;
  params: string[];
  body: string | null;
  keyState: KeyState;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

export class FakeUpscope {
  /** Live state: tests may read it and mutate it directly. */
  visitors: FakeVisitorRecord[];
  /** Every API request, in arrival order, including denied and faulted ones. */
  readonly requests: RecordedRequest[] = [];
  /** Every watch URL handed out. */
  readonly watchSessions: WatchSession[] = [];
  readonly basePath: string;
  /** Mutable so a standalone server can point watch URLs at itself. */
  watchOrigin: string;
  readonly now: () => Date;

  private readonly initialKeys: Record<string, KeyState>;
  private readonly initialVisitors: FakeVisitorRecord[] | undefined;
  private readonly initialLatencyMs: number;
  private keys = new Map<string, KeyState>();
  private faults: ActiveFault[] = [];
  private latencyMs: number;
  private nextSessionId = 95_000;

  private readonly routes: { pattern: RegExp; methods: Record<string, Handler> }[] = [
    { pattern: /^usage\.json$/, methods: { GET: (c) => this.usage(c) } },
    { pattern: /^list\.json$/, methods: { GET: (c) => this.list(c) } },
    { pattern: /^visitors\.json$/, methods: { DELETE: (c) => this.bulkDelete(c) } },
    {
      pattern: /^visitors\/([^/]+)\.json$/,
      methods: { GET: (c) => this.getVisitorRoute(c), DELETE: (c) => this.deleteVisitor(c) },
    },
    { pattern: /^visitors\/([^/]+)\/watch_url\.json$/, methods: { POST: (c) => this.watchUrl(c) } },
  ];

  constructor(options: FakeUpscopeOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.basePath = normaliseBasePath(options.basePath ?? '/v1.1');
    this.watchOrigin = new URL(options.watchOrigin ?? DEFAULT_WATCH_ORIGIN).origin;
    this.initialKeys = { ...(options.apiKeys ?? { [DEMO_API_KEY]: 'ok' }) };
    this.initialVisitors = options.visitors ? clone(options.visitors) : undefined;
    this.initialLatencyMs = options.latencyMs ?? 0;
    this.latencyMs = this.initialLatencyMs;
    this.visitors = [];
    this.reset();
  }

  // ---- control surface -------------------------------------------------

  setKey(key: string, state: KeyState): void {
    if (!KEY_STATES.includes(state)) throw new Error(`unknown key state: ${String(state)}`);
    this.keys.set(key, state);
  }

  revokeKey(key: string): void {
    this.keys.delete(key);
  }

  injectFault(fault: Fault): void {
    const remaining = fault.times ?? 1;
    if (!(remaining > 0)) return;
    this.faults.push({ fault, remaining });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Faults not yet used up, with how many uses each has left. */
  pendingFaults(): readonly { fault: Fault; remaining: number }[] {
    return this.faults.map((f) => ({ ...f }));
  }

  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  /** Back to the constructor's state: visitors, keys, latency; clears faults and records. */
  reset(): void {
    this.visitors = this.initialVisitors ? clone(this.initialVisitors) : seedVisitors(this.now());
    this.keys = new Map(Object.entries(this.initialKeys));
    this.faults = [];
    this.latencyMs = this.initialLatencyMs;
    this.requests.length = 0;
    this.watchSessions.length = 0;
  }

  getVisitor(shortId: string): FakeVisitorRecord | undefined {
    return this.visitors.find((v) => v.short_id === shortId);
  }

  /** Adds a visitor or replaces the one with the same short_id. */
  upsertVisitor(record: FakeVisitorRecord): void {
    const copy = clone(record);
    const i = this.visitors.findIndex((v) => v.short_id === record.short_id);
    if (i >= 0) this.visitors[i] = copy;
    else this.visitors.push(copy);
  }

  updateVisitor(shortId: string, patch: Partial<FakeVisitorRecord>): FakeVisitorRecord {
    const v = this.visitors.find((x) => x.short_id === shortId);
    if (!v) throw new Error(`no visitor ${shortId}`);
    Object.assign(v, clone(patch));
    return v;
  }

  /** Ends the visitor's open sessions, as when the agent closes the co-browse tab. */
  endSession(shortId: string): void {
    const v = this.visitors.find((x) => x.short_id === shortId);
    if (!v) return;
    v.is_in_session = false;
    const nowIso = this.now().toISOString();
    for (const s of v.sessions ?? []) {
      if (s.ended_at == null) s.ended_at = nowIso;
    }
  }

  // ---- dispatch ----------------------------------------------------------

  async handle(req: FakeRequest): Promise<FakeResponse> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return textResponse(400, 'bad request url');
    }
    const method = req.method.toUpperCase();
    const headers = lowerCaseHeaders(req.headers);

    if (
      url.hostname === new URL(SCREENSHOT_ORIGIN).hostname ||
      url.pathname.startsWith(SCREENSHOT_PATH_PREFIX)
    ) {
      return this.screenshot(url, method);
    }
    if (url.origin === this.watchOrigin && !url.pathname.startsWith(`${this.basePath}/`)) {
      return this.watchPage(url, method);
    }
    if (method === 'OPTIONS') return preflight();

    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: parseRecordedBody(req.body),
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);

    const fault = this.takeFault(method, url.pathname);
    let response = fault ? faultResponse(fault) : undefined;
    if (!response) {
      try {
        response = this.route(url, method, headers, req.body);
      } catch (err) {
        response = jsonResponse(500, {
          status: 'error',
          error: 'internal_server_error',
          detail: String(err),
        });
      }
    }
    const delay = this.latencyMs + (fault?.latencyMs ?? 0);
    if (delay > 0) response.delayMs = delay;
    record.status = response.drop ? 0 : response.status;
    return response;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i];
      if (!active || !faultMatches(active.fault, method, path)) continue;
      active.remaining -= 1;
      if (active.remaining <= 0) this.faults.splice(i, 1);
      return active.fault;
    }
    return undefined;
  }

  private route(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | null,
  ): FakeResponse {
    const prefix = `${this.basePath}/`;
    if (!url.pathname.startsWith(prefix)) return notFound();
    const rest = url.pathname.slice(prefix.length);
    for (const route of this.routes) {
      const m = route.pattern.exec(rest);
      if (!m) continue;
      const handler = route.methods[method];
      if (!handler) {
        return jsonResponse(
          405,
          { status: 'error', error: 'method_not_allowed' },
          {
            allow: Object.keys(route.methods).join(', '),
          },
        );
      }
      let params: string[];
      try {
        params = m.slice(1).map((p) => decodeURIComponent(p ?? ''));
      } catch {
        return notFound();
      }
      const key = headers['x-api-key'];
      const keyState = key ? this.keys.get(key) : undefined;
      if (!keyState) return jsonResponse(401, { status: 'error', error: 'invalid_api_key' });
      if (keyState !== 'ok' && keyState !== 'over_plan_limits') {
        return jsonResponse(401, { status: 'error', error: keyState });
      }
      return handler({ url, params, body, keyState });
    }
    return notFound();
  }

  // ---- endpoints -----------------------------------------------------------

  private usage(_ctx: RouteContext): FakeResponse {
    const now = this.now().getTime();
    const startOfDay = new Date(this.now());
    startOfDay.setUTCHours(0, 0, 0, 0);
    const dayStart = startOfDay.getTime();
    const day = 24 * 3_600_000;
    const month = 30 * day;

    const seenWithin = (v: FakeVisitorRecord, ms: number): boolean => {
      if (v.is_online === true) return true;
      const t = typeof v.last_seen_at === 'string' ? Date.parse(v.last_seen_at) : NaN;
      return Number.isFinite(t) && now - t <= ms;
    };

    const agentsToday = new Set<string>();
    const agentsMonth = new Set<string>();
    const counts = { today: 0, month: 0 };
    const seconds = { today: 0, month: 0 };
    for (const v of this.visitors) {
      for (const s of v.sessions ?? []) {
        const started = typeof s.started_at === 'string' ? Date.parse(s.started_at) : NaN;
        if (!Number.isFinite(started)) continue;
        const len = typeof s.length_seconds === 'number' ? s.length_seconds : 0;
        const agentIds = (Array.isArray(s.agents) ? s.agents : []).map((a) =>
          String((a as FakeJson | null)?.id ?? (a as FakeJson | null)?.name ?? '?'),
        );
        if (now - started <= month) {
          counts.month += 1;
          seconds.month += len;
          agentIds.forEach((id) => agentsMonth.add(id));
        }
        if (started >= dayStart) {
          counts.today += 1;
          seconds.today += len;
          agentIds.forEach((id) => agentsToday.add(id));
        }
      }
    }

    return jsonResponse(200, {
      usage: {
        visitors: {
          online_now: this.visitors.filter((v) => v.is_online === true).length,
          last_24_hrs: this.visitors.filter((v) => seenWithin(v, day)).length,
          last_30_days: this.visitors.filter((v) => seenWithin(v, month)).length,
        },
        agents: { today: agentsToday.size, last_30_days: agentsMonth.size },
        session_counts: {
          now: this.visitors.filter((v) => v.is_in_session === true).length,
          today: counts.today,
          last_30_days: counts.month,
        },
        session_seconds: { today: seconds.today, last_30_days: seconds.month },
      },
    });
  }

  private list(ctx: RouteContext): FakeResponse {
    const query = ctx.url.searchParams.get('search') ?? '';
    const found = searchVisitors(this.visitors, query)
      .slice()
      .sort((a, b) => timeOf(b.last_seen_at) - timeOf(a.last_seen_at));
    return jsonResponse(200, {
      status: 'ok',
      visitors: found.map((v) => serialiseVisitor(v, false)),
    });
  }

  private getVisitorRoute(ctx: RouteContext): FakeResponse {
    const v = this.visitors.find((x) => x.short_id === ctx.params[0]);
    if (!v) return notFound();
    const withHistory = ctx.url.searchParams.get('with_history') === 'true';
    return jsonResponse(200, { status: 'ok', visitor: serialiseVisitor(v, withHistory) });
  }

  private deleteVisitor(ctx: RouteContext): FakeResponse {
    const i = this.visitors.findIndex((x) => x.short_id === ctx.params[0]);
    if (i < 0) return notFound();
    this.visitors.splice(i, 1);
    return jsonResponse(200, { status: 'ok' });
  }

  private bulkDelete(ctx: RouteContext): FakeResponse {
    if (ctx.url.searchParams.get('all') !== 'true') return invalidParams();
    this.visitors = this.visitors.filter((v) => v.is_online === true);
    return jsonResponse(200, { status: 'ok' });
  }

  private watchUrl(ctx: RouteContext): FakeResponse {
    let body: unknown;
    try {
      body = JSON.parse(ctx.body ?? '');
    } catch {
      return invalidParams();
    }
    const agent = validateWatchBody(body);
    if (!agent) return invalidParams();

    const v = this.visitors.find((x) => x.short_id === ctx.params[0]);
    // Upscope only documents 404 "visitor not found"; an offline visitor cannot be joined either.
    if (!v || v.is_online !== true) return notFound();
    if (ctx.keyState === 'over_plan_limits') {
      return jsonResponse(402, { status: 'error', error: 'payment_required' });
    }

    const token = randomBytes(12).toString('base64url');
    const watchUrl = `${this.watchOrigin}/?session=${token}`;
    const nowIso = this.now().toISOString();
    this.watchSessions.push({
      shortId: v.short_id,
      body,
      watchUrl,
      token,
      agentName: agent.name,
      visitorName: displayName(v),
      at: Date.now(),
    });
    v.is_in_session = true;
    if (v.is_waiting_for_call === true) v.is_waiting_for_call = false;
    const sessions = Array.isArray(v.sessions) ? v.sessions : (v.sessions = []);
    sessions.unshift({
      id: this.nextSessionId++,
      length_seconds: 0,
      formatted_length: '00:00',
      call_length_seconds: 0,
      formatted_call_length: '-',
      started_at: nowIso,
      ended_at: null,
      went_live: false,
      features_used: [],
      visitor_id: v.short_id,
      team: { id: 1, domain: 'example.com', _type: 'team' },
      agents: [
        { id: agent.id, name: agent.name, agent_identifier: agent.id, _type: 'external_agent' },
      ],
      source: 'api',
      start_url: typeof v.last_url === 'string' ? v.last_url : null,
      session_authorized: false,
      on_premise: false,
      video_status: 'pending',
      public_video_url: null,
      secret_video_url: null,
      _type: 'session',
      _token: token,
    });
    return jsonResponse(200, { watch_url: watchUrl });
  }

  // ---- non-API hosts ---------------------------------------------------------

  private screenshot(url: URL, method: string): FakeResponse {
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'method not allowed');
    const file = url.pathname.startsWith(SCREENSHOT_PATH_PREFIX)
      ? url.pathname.slice(SCREENSHOT_PATH_PREFIX.length)
      : '';
    if (!/^[\w.-]+\.png$/.test(file)) return textResponse(404, 'not found');
    const png = solidPng(64, 40, colourFor(file));
    return {
      status: 200,
      headers: {
        'content-type': 'image/png',
        'content-length': String(png.length),
        'cache-control': 'public, max-age=3600',
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
      },
      body: '',
      bodyBytes: png,
    };
  }

  private watchPage(url: URL, method: string): FakeResponse {
    if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'method not allowed');
    let page: WatchPageData | undefined;
    if (url.pathname === '/' && url.searchParams.has('session')) {
      const token = url.searchParams.get('session');
      const ws = this.watchSessions.find((w) => w.token === token);
      if (ws) {
        page = {
          visitorName: ws.visitorName,
          visitorId: ws.shortId,
          started: { body: ws.body, agentName: ws.agentName, at: ws.at },
        };
        const v = this.visitors.find((x) => x.short_id === ws.shortId);
        const s = v?.sessions?.find((x) => x._token === token);
        if (s) s.went_live = true;
      }
    } else {
      // A visitor's public watch_link.
      const m = /^\/w\/([^/]+)$/.exec(url.pathname);
      const v = m?.[1] ? this.visitors.find((x) => x.short_id === m[1]) : undefined;
      if (v) page = { visitorName: displayName(v), visitorId: v.short_id };
    }
    return page
      ? htmlResponse(200, watchPageHtml(page))
      : htmlResponse(404, watchPageNotFoundHtml());
  }
}

// ---- search --------------------------------------------------------------

export function searchVisitors(
  visitors: readonly FakeVisitorRecord[],
  query: string,
): FakeVisitorRecord[] {
  const tokens = query.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [...visitors];
  return visitors.filter((v) => tokens.every((t) => tokenMatches(v, t)));
}

function tokenMatches(v: FakeVisitorRecord, token: string): boolean {
  const lower = token.toLowerCase();
  if (lower === 'online') return v.is_online === true;
  if (lower === '-online') return v.is_online !== true;
  if (lower.startsWith('id:')) return v.unique_id != null && String(v.unique_id) === token.slice(3);
  if (lower.startsWith('ip:')) return v.ip_address === token.slice(3);
  if (lower.startsWith('integration_id:')) {
    const rest = token.slice('integration_id:'.length);
    const colon = rest.indexOf(':');
    if (colon <= 0) return false;
    const name = rest.slice(0, colon).toLowerCase();
    const id = rest.slice(colon + 1);
    return v._integrationIds?.[name] === id;
  }
  if (token.startsWith('#'))
    return (v.tags ?? []).some((t) => typeof t === 'string' && t.toLowerCase() === lower);
  if (/^\d{4}$/.test(token)) return v.lookup_code === token;
  if (token.includes('@')) {
    return [v.email, ...(v.identities ?? [])].some(
      (s) => typeof s === 'string' && s.toLowerCase() === lower,
    );
  }
  if (v.short_id.toLowerCase() === lower) return true;
  const haystack = [v.email, v.name, v.nickname, v.unique_id, ...(v.identities ?? [])];
  return haystack.some((s) => typeof s === 'string' && s.toLowerCase().includes(lower));
}

// ---- helpers -----------------------------------------------------------------

function normaliseBasePath(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

function parseRecordedBody(body: string | null): unknown {
  if (body == null || body === '') return null;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function timeOf(iso: unknown): number {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : 0;
}

function displayName(v: FakeVisitorRecord): string {
  for (const candidate of [v.name, v.nickname, v.identities?.[0], v.email]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate;
  }
  return v.short_id;
}

/** Drops fake-only bookkeeping (`_foo`, but not the vendor's `_type`) at every depth. */
function stripPrivate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPrivate);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('_') && k !== '_type') continue;
      out[k] = stripPrivate(v);
    }
    return out;
  }
  return value;
}

function serialiseVisitor(v: FakeVisitorRecord, withHistory: boolean): unknown {
  const { history, ...rest } = v;
  const out = stripPrivate(rest) as Record<string, unknown>;
  if (withHistory) out.history = stripPrivate(history ?? []);
  return out;
}

function validateWatchBody(body: unknown): { id: string; name: string } | undefined {
  if (!isObject(body)) return undefined;
  const agent = body.agent;
  if (!isObject(agent)) return undefined;
  if (typeof agent.id !== 'string' || agent.id.trim() === '') return undefined;
  if (typeof agent.name !== 'string' || agent.name.trim() === '') return undefined;

  const branding = body.branding;
  if (branding !== undefined && branding !== null) {
    if (!isObject(branding)) return undefined;
    if (!optional(branding.naked, 'boolean')) return undefined;
    if (!optionalOrNull(branding.no_bottom_bar, 'boolean')) return undefined;
    if (!optionalOrNull(branding.retry_url, 'string')) return undefined;
    if (!optionalOrNull(branding.on_end_url, 'string')) return undefined;
  }
  const permissions = body.permissions;
  if (permissions !== undefined && permissions !== null) {
    if (!isObject(permissions)) return undefined;
    if (!Object.values(permissions).every((p) => typeof p === 'boolean')) return undefined;
  }
  const metadata = body.metadata;
  if (metadata !== undefined && metadata !== null) {
    // The vendor documents metadata as a flat object.
    if (!isObject(metadata)) return undefined;
    const flat = Object.values(metadata).every(
      (m) => m === null || ['string', 'number', 'boolean'].includes(typeof m),
    );
    if (!flat) return undefined;
  }
  return { id: agent.id, name: agent.name };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optional(v: unknown, type: 'boolean' | 'string'): boolean {
  return v === undefined || typeof v === type;
}

function optionalOrNull(v: unknown, type: 'boolean' | 'string'): boolean {
  return v === null || optional(v, type);
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

function faultResponse(fault: Fault): FakeResponse | undefined {
  if (fault.drop) return { status: 0, headers: {}, body: '', drop: true };
  if (fault.malformed) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json', ...CORS_HEADERS },
      body: MALFORMED_BODY,
    };
  }
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

function jsonResponse(
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

function notFound(): FakeResponse {
  return jsonResponse(404, { status: 'error', error: 'not_found' });
}

function invalidParams(): FakeResponse {
  return jsonResponse(400, { status: 'error', error: 'invalid_params' });
}

function preflight(): FakeResponse {
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

function textResponse(status: number, text: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

function htmlResponse(status: number, html: string): FakeResponse {
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

// ---- PNG -----------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** A valid truecolour PNG filled with one colour. */
export function solidPng(
  width: number,
  height: number,
  [r, g, b]: readonly [number, number, number],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    row[1 + x * 3] = r;
    row[2 + x * 3] = g;
    row[3 + x * 3] = b;
  }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distinct, stable, muted colours so different screenshots look different. */
function colourFor(name: string): [number, number, number] {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return [96 + (h & 0x7f), 96 + ((h >>> 7) & 0x7f), 96 + ((h >>> 14) & 0x7f)];
}
