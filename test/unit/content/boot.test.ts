// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TAG } from '../../../src/content/badge';
import { HELPDESKS } from '../../../src/shared/helpdesks';
import { fakeRuntime, fixture, json, loadPage } from './support';

// The entry point: which adapter runs on this origin (the worker says), and only one copy of it
// at a time.

const VENDOR_MAIL = Object.values(HELPDESKS).flatMap((h) => h.mail);
const ONLINE = { ok: true, data: { state: 'online', label: 'Online', title: 't', canStart: true } };
/** The worker: this page is `helpdesk`, and every other message gets the online view. */
const worker = (helpdesk: string) => (m: unknown) =>
  (m as { type: string }).type === 'site/which'
    ? { ok: true, data: { helpdesk, vendorMail: VENDOR_MAIL } }
    : ONLINE;

const KEY = Symbol.for('helpdesk-cobrowse');

async function boot() {
  vi.resetModules();
  await import('../../../src/content/index');
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.endsWith('/api/v2/tickets/123.json?include=users')
        ? Response.json(json('zendesk/ticket-123.json'))
        : new Response('', { status: 404 }),
    ),
  );
});

afterEach(() => {
  (globalThis as unknown as Record<symbol, (() => void) | undefined>)[KEY]?.();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('content script entry', () => {
  it('a vendor host asks the worker which helpdesk it is, then runs that adapter', async () => {
    const rt = fakeRuntime(worker('zendesk'));
    loadPage('https://acme.zendesk.com/agent/tickets/123', fixture('zendesk/ticket.html'));
    await boot();
    expect(rt.sent.map((m) => (m as { type: string }).type)).toEqual([
      'site/which',
      'ticket/identify',
    ]);
  });

  it('a custom domain is asked about the same way, then runs the adapter the agent chose', async () => {
    const rt = fakeRuntime(worker('freescout'));
    loadPage('https://support.acme.org/conversation/77', fixture('freescout/conversation.html'));
    await boot();
    expect(rt.sent).toEqual([
      { type: 'site/which' },
      expect.objectContaining({
        type: 'ticket/identify',
        helpdesk: 'freescout',
        ticketId: '77',
        identities: { email: 'sam.lee@example.com', name: 'Sam Lee', helpdeskUserId: '3301' },
      }),
    ]);
  });

  it('an origin the worker does not know: nothing runs', async () => {
    const rt = fakeRuntime(() => ({ ok: true, data: null }));
    loadPage('https://support.acme.org/conversation/77', fixture('freescout/conversation.html'));
    const timers = vi.getTimerCount();
    await boot();
    expect(rt.sent).toEqual([{ type: 'site/which' }]);
    expect(vi.getTimerCount()).toBe(timers);
  });

  it('a second copy of the script takes over from the first: one badge', async () => {
    fakeRuntime(worker('zendesk'));
    loadPage('https://acme.zendesk.com/agent/tickets/123', fixture('zendesk/ticket.html'));
    await boot();
    await boot();
    await vi.advanceTimersByTimeAsync(1000);
    expect(document.querySelectorAll(TAG)).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
  });
});
