/**
 * Visitor records as the API shows them: fake-only bookkeeping dropped, names for pages, the
 * checks a watch_url body must pass, and the session a new watch URL opens.
 */
import type { FakeVisitorRecord } from './seed';

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function timeOf(iso: unknown): number {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : 0;
}

export function displayName(v: FakeVisitorRecord): string {
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

export function serialiseVisitor(v: FakeVisitorRecord, withHistory: boolean): unknown {
  const { history, _sendAs, ...rest } = v;
  const out = stripPrivate(rest) as Record<string, unknown>;
  if (withHistory) out.history = stripPrivate(history ?? []);
  // Odd shapes a test asked for go out verbatim: they stand for what a real server sends.
  for (const [key, value] of Object.entries(_sendAs ?? {})) {
    if (key === 'history' && !withHistory) continue;
    if (value === undefined) delete out[key];
    else out[key] = clone(value);
  }
  return out;
}

export function validateWatchBody(body: unknown): { id: string; name: string } | undefined {
  if (!isObject(body)) return undefined;
  const agent = body.agent;
  if (!isObject(agent)) return undefined;
  if (typeof agent.id !== 'string' || agent.id.trim() === '') return undefined;
  if (typeof agent.name !== 'string' || agent.name.trim() === '') return undefined;

  const branding = body.branding;
  if (branding !== undefined && branding !== null) {
    if (!isObject(branding)) return undefined;
    // Later documentation adds 'page_only' (no toolbar and no url bar either).
    if (!optional(branding.naked, 'boolean') && branding.naked !== 'page_only') return undefined;
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

export interface SessionStart {
  /** The session's id, unique within the fake. */
  id: number;
  agent: { id: string; name: string };
  /** The watch URL's token, kept (as `_token`) so the watch page can find the session. */
  token: string;
  nowIso: string;
  /** The body's flat metadata: Upscope stores it on the session object. */
  metadata?: Record<string, unknown> | null;
  /** The body's permissions, kept (as `_permissions`) for tests; Upscope does not show them. */
  permissions?: Record<string, unknown> | null;
}

/** What a watch_url body asked of the session, as tests read it back from the fake. */
export interface WatchRequestParts {
  permissions: Record<string, unknown> | null;
  metadata: Record<string, unknown> | null;
  onEndUrl: string | null;
}

export function watchRequestParts(body: unknown): WatchRequestParts {
  const part = (v: unknown) => (isObject(v) ? clone(v) : null);
  const branding = isObject(body) && isObject(body.branding) ? body.branding : {};
  return {
    permissions: isObject(body) ? part(body.permissions) : null,
    metadata: isObject(body) ? part(body.metadata) : null,
    onEndUrl: typeof branding.on_end_url === 'string' ? branding.on_end_url : null,
  };
}

/** Stops the visitor's session: out of it, every open session ended now. */
export function closeSessions(v: FakeVisitorRecord, nowIso: string): void {
  v.is_in_session = false;
  for (const s of v.sessions ?? []) {
    if (s.ended_at == null) s.ended_at = nowIso;
  }
}

/** What a new watch URL does to the visitor: in a session, no longer waiting, a new session first. */
export function openSession(
  v: FakeVisitorRecord,
  { id, agent, token, nowIso, metadata, permissions }: SessionStart,
): void {
  v.is_in_session = true;
  if (v.is_waiting_for_call === true) v.is_waiting_for_call = false;
  const sessions = Array.isArray(v.sessions) ? v.sessions : (v.sessions = []);
  sessions.unshift({
    id,
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
    ...(metadata ? { metadata } : {}),
    _type: 'session',
    _token: token,
    ...(permissions ? { _permissions: permissions } : {}),
  });
}
