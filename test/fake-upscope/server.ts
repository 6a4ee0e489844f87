/**
 * A stateful stand-in for the Upscope / UserView REST API v1.1.
 *
 * Pure request → response logic with no sockets, so the same instance can sit
 * behind a node:http server (integration tests, demo) or inside Playwright's
 * `context.route()` (end-to-end tests). It speaks plain JSON the way the
 * vendor documents it and deliberately shares no code with the extension, so
 * a misunderstanding of the API cannot hide on both sides at once.
 */
import { API_ROUTES, type ApiState, type KeyState } from './endpoints';
import { FaultQueue, faultResponse, type Fault } from './faults';
import {
  jsonResponse,
  lowerCaseHeaders,
  notFound,
  parseRecordedBody,
  preflight,
  textResponse,
  type FakeRequest,
  type FakeResponse,
  type RecordedRequest,
} from './http';
import { isScreenshotUrl, screenshotResponse } from './screenshots';
import { seedVisitors, type FakeVisitorRecord } from './seed';
import type { CounterType } from './usage';
import { clone, closeSessions } from './visitors';
import { watchPageResponse, type WatchSession } from './watch-page';

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
  /** How usage.json writes its counters: `'number'` (default, as documented) or `'string'`. */
  usageCounters?: CounterType;
}

export type { KeyState } from './endpoints';

export const DEMO_API_KEY = 'demo-key';
export const DEFAULT_WATCH_ORIGIN = 'https://o.upscope.io';

const KEY_STATES: readonly KeyState[] = [
  'ok',
  'subscription_expired',
  'no_subscription',
  'api_not_enabled',
  'please_contact_team',
  'over_plan_limits',
];

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
  private readonly initialUsageCounters: CounterType;
  private usageCounters: CounterType;
  private keys = new Map<string, KeyState>();
  private readonly faults = new FaultQueue();
  private latencyMs: number;
  private nextSessionId = 95_000;

  /** What the API's endpoints may read and change. */
  private readonly api: ApiState = {
    visitors: () => this.visitors,
    replaceVisitors: (visitors) => {
      this.visitors = visitors;
    },
    recordWatchSession: (session) => {
      this.watchSessions.push(session);
    },
    watchOrigin: () => this.watchOrigin,
    now: () => this.now(),
    newSessionId: () => this.nextSessionId++,
    usageCounters: () => this.usageCounters,
  };

  constructor(options: FakeUpscopeOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.basePath = normaliseBasePath(options.basePath ?? '/v1.1');
    this.watchOrigin = new URL(options.watchOrigin ?? DEFAULT_WATCH_ORIGIN).origin;
    this.initialKeys = { ...(options.apiKeys ?? { [DEMO_API_KEY]: 'ok' }) };
    this.initialVisitors = options.visitors ? clone(options.visitors) : undefined;
    this.initialLatencyMs = options.latencyMs ?? 0;
    this.latencyMs = this.initialLatencyMs;
    this.initialUsageCounters = options.usageCounters ?? 'number';
    this.usageCounters = this.initialUsageCounters;
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
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Faults not yet used up, with how many uses each has left. */
  pendingFaults(): readonly { fault: Fault; remaining: number }[] {
    return this.faults.pending();
  }

  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  /** Makes usage.json write its counters as numbers (as documented) or as strings. */
  setUsageCounters(type: CounterType): void {
    if (type !== 'number' && type !== 'string') {
      throw new Error(`unknown counter type: ${String(type)}`);
    }
    this.usageCounters = type;
  }

  /** Back to the constructor's state: visitors, keys, latency, counters; clears faults and records. */
  reset(): void {
    this.visitors = this.initialVisitors ? clone(this.initialVisitors) : seedVisitors(this.now());
    this.keys = new Map(Object.entries(this.initialKeys));
    this.faults.clear();
    this.latencyMs = this.initialLatencyMs;
    this.usageCounters = this.initialUsageCounters;
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
    if (v) closeSessions(v, this.now().toISOString());
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

    if (isScreenshotUrl(url)) return screenshotResponse(url, method);
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

    const fault = this.faults.take(method, url.pathname);
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

  private route(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | null,
  ): FakeResponse {
    const prefix = `${this.basePath}/`;
    if (!url.pathname.startsWith(prefix)) return notFound();
    const rest = url.pathname.slice(prefix.length);
    for (const route of API_ROUTES) {
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
      return handler(this.api, { url, params, body, keyState });
    }
    return notFound();
  }

  // ---- non-API hosts ---------------------------------------------------------

  private watchPage(url: URL, method: string): FakeResponse {
    return watchPageResponse(url, method, this.visitors, this.watchSessions);
  }
}

function normaliseBasePath(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
