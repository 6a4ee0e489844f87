/**
 * The API's endpoints (usage, list, one visitor, deleting visitors, watch URLs) and the table
 * that routes a path under the base path to them. They see the fake's state through ApiState.
 */
import { randomBytes } from 'node:crypto';
import {
  CORS_HEADERS,
  invalidParams,
  jsonResponse,
  notFound,
  textResponse,
  type FakeResponse,
} from './http';
import { searchVisitors } from './search';
import type { FakeVisitorRecord } from './seed';
import { usageReport, type CounterType } from './usage';
import {
  closeSessions,
  displayName,
  openSession,
  serialiseVisitor,
  timeOf,
  validateWatchBody,
  watchRequestParts,
} from './visitors';
import type { WatchSession } from './watch-page';

export type KeyState =
  | 'ok'
  | 'subscription_expired'
  | 'no_subscription'
  | 'api_not_enabled'
  | 'please_contact_team'
  | 'over_plan_limits';

/** The fake's state as the endpoints see it. */
export interface ApiState {
  visitors(): FakeVisitorRecord[];
  replaceVisitors(visitors: FakeVisitorRecord[]): void;
  recordWatchSession(session: WatchSession): void;
  watchOrigin(): string;
  now(): Date;
  /** A session id not handed out before by this fake. */
  newSessionId(): number;
  /** How usage.json writes its counters. */
  usageCounters(): CounterType;
}

export interface RouteContext {
  url: URL;
  /** The path's captured parts, URL-decoded. */
  params: string[];
  body: string | null;
  keyState: KeyState;
}

type Handler = (api: ApiState, ctx: RouteContext) => FakeResponse;

/** Paths relative to the base path, with a handler for each method they accept. */
export const API_ROUTES: readonly { pattern: RegExp; methods: Record<string, Handler> }[] = [
  { pattern: /^usage\.json$/, methods: { GET: usage } },
  { pattern: /^list\.json$/, methods: { GET: list } },
  { pattern: /^visitors\.json$/, methods: { DELETE: bulkDelete } },
  {
    pattern: /^visitors\/([^/]+)\.json$/,
    methods: { GET: getVisitor, DELETE: deleteVisitor },
  },
  { pattern: /^visitors\/([^/]+)\/watch_url\.json$/, methods: { POST: createWatchUrl } },
  // Documented without `.json`, answering plain text.
  { pattern: /^visitors\/([^/]+)\/session$/, methods: { DELETE: endSession } },
];

function usage(api: ApiState, _ctx: RouteContext): FakeResponse {
  return jsonResponse(200, usageReport(api.visitors(), api.now(), api.usageCounters()));
}

function list(api: ApiState, ctx: RouteContext): FakeResponse {
  const query = ctx.url.searchParams.get('search') ?? '';
  const found = searchVisitors(api.visitors(), query)
    .slice()
    .sort((a, b) => timeOf(b.last_seen_at) - timeOf(a.last_seen_at));
  return jsonResponse(200, {
    status: 'ok',
    visitors: found.map((v) => serialiseVisitor(v, false)),
  });
}

function getVisitor(api: ApiState, ctx: RouteContext): FakeResponse {
  const v = api.visitors().find((x) => x.short_id === ctx.params[0]);
  if (!v) return notFound();
  const withHistory = ctx.url.searchParams.get('with_history') === 'true';
  return jsonResponse(200, { status: 'ok', visitor: serialiseVisitor(v, withHistory) });
}

function deleteVisitor(api: ApiState, ctx: RouteContext): FakeResponse {
  const i = api.visitors().findIndex((x) => x.short_id === ctx.params[0]);
  if (i < 0) return notFound();
  api.visitors().splice(i, 1);
  return jsonResponse(200, { status: 'ok' });
}

/** Stops the visitor's active session; `ok` in plain text, also when none was active. */
function endSession(api: ApiState, ctx: RouteContext): FakeResponse {
  const v = api.visitors().find((x) => x.short_id === ctx.params[0]);
  if (!v) return notFound();
  closeSessions(v, api.now().toISOString());
  const ok = textResponse(200, 'ok');
  return { ...ok, headers: { ...ok.headers, ...CORS_HEADERS } };
}

function bulkDelete(api: ApiState, ctx: RouteContext): FakeResponse {
  if (ctx.url.searchParams.get('all') !== 'true') return invalidParams();
  api.replaceVisitors(api.visitors().filter((v) => v.is_online === true));
  return jsonResponse(200, { status: 'ok' });
}

function createWatchUrl(api: ApiState, ctx: RouteContext): FakeResponse {
  let body: unknown;
  try {
    body = JSON.parse(ctx.body ?? '');
  } catch {
    return invalidParams();
  }
  const agent = validateWatchBody(body);
  if (!agent) return invalidParams();

  const v = api.visitors().find((x) => x.short_id === ctx.params[0]);
  // Upscope only documents 404 "visitor not found"; an offline visitor cannot be joined either.
  if (!v || v.is_online !== true) return notFound();
  if (ctx.keyState === 'over_plan_limits') {
    return jsonResponse(402, { status: 'error', error: 'payment_required' });
  }

  const token = randomBytes(12).toString('base64url');
  const watchUrl = `${api.watchOrigin()}/?session=${token}`;
  const nowIso = api.now().toISOString();
  const asked = watchRequestParts(body);
  api.recordWatchSession({
    shortId: v.short_id,
    body,
    watchUrl,
    token,
    agentName: agent.name,
    visitorName: displayName(v),
    at: Date.now(),
    ...asked,
  });
  openSession(v, {
    id: api.newSessionId(),
    agent,
    token,
    nowIso,
    metadata: asked.metadata,
    permissions: asked.permissions,
  });
  return jsonResponse(200, { watch_url: watchUrl });
}
