import { fakeBrowser } from '@webext-core/fake-browser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { onStartShortcut } from '../../../src/background/commands';
import { refreshVisibleTickets } from '../../../src/background/presence';
import { routeMessage } from '../../../src/background/router';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, SENTINEL_KEY, ticketSender, useBackground } from './harness';

// "A 429 pauses every call until Retry-After": a probe that counts the requests reaching the fake
// API during a pause, from every part of the extension that can call it.

const bg = useBackground();

const fromPopup = (message: unknown) => routeMessage(message, popupSender, policy);
const identify = (email: string, tabId: number) =>
  routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', identities: { email }, visible: true },
    ticketSender(tabId),
    policy,
  );

/** Jane's ticket is open in tab 1 with her visitor known; then a lookup gets a 429. */
async function pausedFor(seconds: number): Promise<void> {
  await bg.configure({ freshnessSeconds: 30 });
  expect(await identify('jane.doe@example.com', 1)).toMatchObject({ data: { state: 'online' } });
  bg.fake.injectFault({ status: 429, retryAfter: seconds });
  expect(await identify('tom.baker@example.com', 8)).toMatchObject({
    data: { state: 'rate_limited' },
  });
  expect(bg.fake.requests.map((r) => r.status)).toEqual([200, 429]);
}

const paused = { ok: false, error: { kind: 'rate_limited' } };

describe('a 429 pauses every call until Retry-After', () => {
  it('no part of the extension sends a request during a long pause', async () => {
    await pausedFor(120);
    const before = bg.fake.requests.length;

    // Badge lookup on another ticket, and the presence alarm once Jane's answer is stale.
    expect(await identify('sam.lee@example.com', 9)).toMatchObject({
      data: { state: 'rate_limited' },
    });
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    await refreshVisibleTickets();
    // Popup: search, a visitor's details, start, forget.
    expect(await fromPopup({ type: 'visitors/search', query: 'sam' })).toMatchObject(paused);
    expect(
      await fromPopup({ type: 'visitor/details', shortId: SEED_IDS.jane, withHistory: false }),
    ).toMatchObject(paused);
    expect(
      await fromPopup({ type: 'cobrowse/start', shortId: SEED_IDS.jane, tabId: 1 }),
    ).toMatchObject(paused);
    expect(await fromPopup({ type: 'visitor/forget', shortId: SEED_IDS.jane })).toMatchObject(
      paused,
    );
    // Options: the usage asked for on opening and "Test connection" (the same message), saving
    // the settings, and saving the same key again.
    const test = await fromPopup({ type: 'connection/test' });
    expect(test).toMatchObject(paused);
    const left = (test as { error: { retryAfterMs: number } }).error.retryAfterMs;
    expect(left).toBeGreaterThan(80_000);
    expect(left).toBeLessThanOrEqual(120_000);
    expect(await fromPopup({ type: 'settings/save', patch: { agentName: 'Jo' } })).toMatchObject({
      ok: true,
    });
    expect(await fromPopup({ type: 'key/save', apiKey: SENTINEL_KEY })).toMatchObject({
      ok: true,
      data: { outcome: 'unverified', error: { kind: 'rate_limited' } },
    });
    // The shortcut on Jane's ticket.
    await onStartShortcut(await fakeBrowser.tabs.get(1));

    expect(bg.fake.requests.slice(before)).toEqual([]);
    expect(bg.fake.watchSessions).toEqual([]);

    // Once the pause has passed, calls go out again.
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 121_000);
    expect(await fromPopup({ type: 'connection/test' })).toMatchObject({ ok: true });
    expect(bg.fake.requests.slice(before).map((r) => r.path)).toEqual(['/v1.1/usage.json']);
  });

  it('a call made while another waits out a short pause does not go out before it ends', async () => {
    await bg.configure();
    bg.fake.injectFault({ match: { path: '/list.json' }, status: 429, retryAfter: 1 });
    const first = identify('jane.doe@example.com', 1);
    // The 429 has come back (the client is now waiting): a second call from another context.
    await vi.waitFor(() => expect(bg.fake.requests).toHaveLength(1), { interval: 5 });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('apiPause')).apiPause).toBeTruthy(),
    );
    const second = fromPopup({ type: 'connection/test' });
    await Promise.all([first, second]);
    const [limited, ...after] = bg.fake.requests;
    expect(limited!.status).toBe(429);
    expect(after.map((r) => r.status)).toEqual([200, 200]);
    for (const request of after) expect(request.at - limited!.at).toBeGreaterThanOrEqual(990);
  });

  it('the pause belongs to the key that got it: a new key is checked and used at once', async () => {
    await pausedFor(120);
    const before = bg.fake.requests.length;
    expect(await fromPopup({ type: 'key/save', apiKey: 'other-key' })).toMatchObject({
      ok: true,
      data: { outcome: 'valid' },
    });
    // The open tickets are looked up again with the new key, and a new one too.
    expect(await identify('sam.lee@example.com', 9)).toMatchObject({ data: { state: 'online' } });
    const sent = bg.fake.requests.slice(before);
    expect(sent[0]).toMatchObject({ path: '/v1.1/usage.json', status: 200 });
    expect(sent.length).toBeGreaterThan(1);
    for (const request of sent) {
      expect([request.headers['x-api-key'], request.status]).toEqual(['other-key', 200]);
    }
  });

  it('and to the endpoint that got it: the same key at another origin is not paused', async () => {
    await pausedFor(120);
    const before = bg.fake.requests.length;
    // The same server under another name is another origin, as far as the browser can tell.
    const elsewhere = bg.server.baseUrl.replace('127.0.0.1', 'localhost');
    expect(
      await fromPopup({
        type: 'settings/save',
        patch: { apiBaseUrl: elsewhere },
        apiKey: SENTINEL_KEY,
      }),
    ).toMatchObject({ ok: true, data: { keyCheck: { outcome: 'valid' } } });
    const sent = bg.fake.requests.slice(before);
    expect(sent[0]).toMatchObject({ path: '/v1.1/usage.json', status: 200 });
    // The open tickets are looked up again at the new endpoint, unpaused.
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => 200));
    expect(sent.length).toBeGreaterThan(1);
  });

  it('a refused key checked as a new key leaves the saved key as it was', async () => {
    await bg.configure();
    bg.fake.revokeKey('other-key');
    expect(await fromPopup({ type: 'key/save', apiKey: 'other-key' })).toMatchObject({
      ok: false,
    });
    expect(await fromPopup({ type: 'settings/get' })).toMatchObject({
      data: { key: { present: true, rejected: null } },
    });
    expect(await identify('jane.doe@example.com', 1)).toMatchObject({ data: { state: 'online' } });
  });
});

it('the gate is the only place outside the API client that makes a client', () => {
  const src = resolve(import.meta.dirname, '../../../src');
  const makers = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith('api'))
    .filter((file) => readFileSync(join(src, file), 'utf8').includes('createUpscopeClient('));
  expect(makers).toEqual(['background/api-gate.ts']);
});

describe('what the pause looks like to the agent, and what it leaves alone', () => {
  it('a call refused during the pause says how many seconds are left', async () => {
    await pausedFor(120);
    const reply = (await fromPopup({ type: 'connection/test' })) as {
      error: { message: string };
    };
    expect(reply.error.message).toMatch(
      /^Upscope asked for a pause\. Trying again in 1[12]\d s\.$/,
    );
  });

  it('a retry that comes due after another call’s 429 is answered by the pause and never leaves', async () => {
    await bg.configure();
    // A search gets a slow 500 (its client will try again); meanwhile the usage check gets 429.
    bg.fake.injectFault({ match: { path: '/list.json' }, status: 500, latencyMs: 300 });
    bg.fake.injectFault({ match: { path: '/usage.json' }, status: 429, retryAfter: 120 });
    const search = fromPopup({ type: 'visitors/search', query: 'jane.doe@example.com' });
    await vi.waitFor(() => expect(bg.fake.requests).toHaveLength(1), { interval: 5 });
    expect(await fromPopup({ type: 'connection/test' })).toMatchObject(paused);
    const reply = (await search) as { ok: boolean; error: { kind: string; retryAfterMs: number } };
    expect(reply).toMatchObject(paused);
    // The pause's own answer: what is left of Upscope's 120 s, not more.
    expect(reply.error.retryAfterMs).toBeGreaterThan(100_000);
    expect(reply.error.retryAfterMs).toBeLessThanOrEqual(120_000);
    expect(bg.fake.requests.map((r) => [r.path, r.status])).toEqual([
      ['/v1.1/list.json', 500],
      ['/v1.1/usage.json', 429],
    ]);
  });

  it('a pause of 5 s is waited out: a call near its end is answered, not refused', async () => {
    await bg.configure();
    // The call's last attempt gets the 429, so it ends at once and leaves the pause behind.
    bg.fake.injectFault({ match: { path: '/usage.json' }, status: 500 });
    bg.fake.injectFault({ match: { path: '/usage.json' }, status: 429, retryAfter: 5 });
    expect(await fromPopup({ type: 'connection/test' })).toMatchObject({ ok: false });
    expect(bg.fake.requests.map((r) => r.status)).toEqual([500, 429]);
    // 4.9 s later (the clock still running).
    const realNow = Date.now;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 4_900);
    expect(await fromPopup({ type: 'connection/test' })).toMatchObject({ ok: true });
  });

  it('a pause of 6 s refuses calls until it ends', async () => {
    await bg.configure();
    bg.fake.injectFault({ match: { path: '/usage.json' }, status: 429, retryAfter: 6 });
    expect(await fromPopup({ type: 'connection/test' })).toMatchObject(paused);
    expect(await fromPopup({ type: 'connection/test' })).toMatchObject(paused);
    expect(bg.fake.requests).toHaveLength(1);
  });

  it('a failure that is not a key error leaves the key as it was, not refused', async () => {
    await bg.configure();
    for (const fault of [
      { status: 500, times: 2 },
      { status: 404 },
      { malformed: true, times: 2 },
    ]) {
      bg.fake.clearFaults();
      bg.fake.injectFault(fault);
      expect(await fromPopup({ type: 'connection/test' })).toMatchObject({ ok: false });
      expect((await fakeBrowser.storage.local.get('apiKey')).apiKey).toMatchObject({
        value: SENTINEL_KEY,
        rejected: null,
      });
    }
    // A key error does mark it.
    bg.fake.clearFaults();
    bg.fake.revokeKey(SENTINEL_KEY);
    expect(await fromPopup({ type: 'connection/test' })).toMatchObject({ ok: false });
    expect((await fakeBrowser.storage.local.get('apiKey')).apiKey).toMatchObject({
      rejected: expect.stringMatching(/./),
    });
  });
});
