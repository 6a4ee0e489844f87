/**
 * The fake's co-browsing page: what a watch URL (or a visitor's watch_link) opens. It stands in
 * for Upscope's viewer and says so, and shows as text who the session is with and what it was
 * started with. Everything shown came from a request or the seed: all of it is escaped.
 */
import { htmlResponse, textResponse, type FakeResponse } from './http';
import type { FakeVisitorRecord } from './seed';
import { displayName } from './visitors';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface WatchPageData {
  visitorName: string;
  /** The visitor's short id. */
  visitorId: string;
  /** The POST watch_url body the session was started with; absent for a public watch_link. */
  started?: { body: unknown; agentName: string; at: number };
}

export interface WatchSession {
  shortId: string;
  /** The JSON body the client posted. */
  body: unknown;
  watchUrl: string;
  token: string;
  agentName: string;
  visitorName: string;
  at: number;
  /** What the body asked of the session: permissions, metadata and `branding.on_end_url`. */
  permissions: Record<string, unknown> | null;
  metadata: Record<string, unknown> | null;
  onEndUrl: string | null;
}

const CSS = `*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:#f4f5f8;color:#1c2033;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
header{display:flex;align-items:center;gap:12px;padding:12px 24px;background:#1c2033;color:#fff}
.logo{font-weight:700;font-size:17px;letter-spacing:.01em}
.logo span{color:#8ea2ff}
.tag{margin-left:auto;padding:2px 10px;border:1px solid #5a6290;border-radius:999px;color:#c9cff5;font-size:12px}
main{display:grid;grid-template-columns:1fr 320px;gap:24px;max-width:1180px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:22px}
.note{margin:0 0 16px;color:#555c78}
.screen{display:grid;place-items:center;min-height:420px;padding:24px;border:2px dashed #c3c8da;border-radius:12px;background:#fff;color:#555c78;text-align:center}
.screen strong{color:#1c2033}
aside{display:flex;flex-direction:column;gap:16px}
section{padding:14px 16px;border:1px solid #dfe2ec;border-radius:10px;background:#fff}
h2{margin:0 0 6px;color:#555c78;font-size:12px;font-weight:600;letter-spacing:.05em;text-transform:uppercase}
.name{margin:0;font-size:16px;font-weight:600}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:4px 0 0}
dt{color:#555c78;font:12px/20px ui-monospace,SFMono-Regular,Menlo,monospace}
dd{margin:0;overflow-wrap:anywhere}
.none{margin:2px 0 0;color:#8a90a8}
.muted{color:#8a90a8}`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'not set';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** One group of options as the request sent them, under their API names. */
function options(title: string, value: unknown, none: string): string {
  const entries = isObject(value) ? Object.entries(value) : [];
  const body = entries.length
    ? `<dl>${entries
        .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(valueText(v))}</dd>`)
        .join('')}</dl>`
    : `<p class="none">${escapeHtml(none)}</p>`;
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

function pageHtml(title: string, main: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>` +
    `<header><div class="logo">Upscope <span>co-browsing</span></div>` +
    `<div class="tag">Stand-in viewer · fake Upscope API</div></header>` +
    `<main>${main}</main></body></html>`
  );
}

export function watchPageHtml(data: WatchPageData): string {
  const visitor = escapeHtml(data.visitorName);
  const started = data.started;
  const body = isObject(started?.body) ? started.body : {};
  const agent = isObject(body.agent) ? body.agent : {};
  const agentId = typeof agent.id === 'string' ? agent.id : '';
  const at = started ? new Date(started.at).toISOString().replace('T', ' ').slice(0, 19) : '';

  const side = started
    ? `<section><h2>Agent</h2><p class="name"><span id="agent">${escapeHtml(started.agentName)}</span></p>` +
      `<dl><dt>id</dt><dd>${escapeHtml(agentId)}</dd><dt>started</dt><dd>${escapeHtml(at)} UTC</dd></dl></section>` +
      options('Branding', body.branding, 'None sent: Upscope’s defaults.') +
      options('Permissions', body.permissions, 'None sent: Upscope’s defaults.') +
      options('Metadata', body.metadata, 'None sent.')
    : `<section><h2>Opened from</h2><p class="none">The visitor’s public watch link: no agent, ` +
      `branding or options were sent.</p></section>`;

  return pageHtml(
    'Co-browsing session',
    `<div><h1>Co-browsing with <strong id="visitor">${visitor}</strong></h1>` +
      `<p class="note">This page stands in for Upscope’s co-browsing viewer. The demo’s fake ` +
      `Upscope API opened it; no real screen is shared.</p>` +
      `<div class="screen"><p>In Upscope, <strong>${visitor}</strong>’s screen would be shown here.</p></div></div>` +
      `<aside><section><h2>Visitor</h2><p class="name">${visitor}</p>` +
      `<dl><dt>short_id</dt><dd>${escapeHtml(data.visitorId)}</dd></dl></section>${side}</aside>`,
  );
}

export function watchPageNotFoundHtml(): string {
  return pageHtml(
    'Co-browsing session',
    `<div><h1>Co-browsing session</h1>` +
      `<p class="note">This co-browsing link is not valid or has expired.</p>` +
      `<p class="muted">This page stands in for Upscope’s co-browsing viewer (fake Upscope API).</p></div>`,
  );
}

/**
 * Answers a request to the watch origin: a watch URL's page (marking its session as gone live) or
 * a visitor's public watch_link; anything else is the not-found page.
 */
export function watchPageResponse(
  url: URL,
  method: string,
  visitors: readonly FakeVisitorRecord[],
  watchSessions: readonly WatchSession[],
): FakeResponse {
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'method not allowed');
  let page: WatchPageData | undefined;
  if (url.pathname === '/' && url.searchParams.has('session')) {
    const token = url.searchParams.get('session');
    const ws = watchSessions.find((w) => w.token === token);
    if (ws) {
      page = {
        visitorName: ws.visitorName,
        visitorId: ws.shortId,
        started: { body: ws.body, agentName: ws.agentName, at: ws.at },
      };
      const v = visitors.find((x) => x.short_id === ws.shortId);
      const s = v?.sessions?.find((x) => x._token === token);
      if (s) s.went_live = true;
    }
  } else {
    // A visitor's public watch_link.
    const m = /^\/w\/([^/]+)$/.exec(url.pathname);
    const v = m?.[1] ? visitors.find((x) => x.short_id === m[1]) : undefined;
    if (v) page = { visitorName: displayName(v), visitorId: v.short_id };
  }
  return page ? htmlResponse(200, watchPageHtml(page)) : htmlResponse(404, watchPageNotFoundHtml());
}
