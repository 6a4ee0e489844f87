import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { restrictStorageToExtension } from '../../../src/background/key-store';
import { routeMessage } from '../../../src/background/router';
import { policy, popupSender, SENTINEL_KEY, ticketSender, useBackground } from './harness';

const bg = useBackground();
const send = (message: unknown) => routeMessage(message, popupSender, policy);

describe('saving the API key', () => {
  it('checks it against usage.json, keeps it, and reports the team’s usage', async () => {
    await bg.configure({}, null);
    const reply = await send({ type: 'key/save', apiKey: `  ${SENTINEL_KEY} ` });
    expect(reply).toMatchObject({
      ok: true,
      data: { outcome: 'valid', usage: { visitors: expect.any(Object) }, key: { present: true } },
    });
    expect(bg.fake.requests.at(-1)?.path).toBe('/v1.1/usage.json');
  });

  it.each([
    ['an unknown key', 'nope', null, 'invalid_api_key'],
    ['an expired subscription', 'key-expired-01', 'subscription_expired', 'subscription_expired'],
    ['a plan without the API', 'key-noapi-01', 'api_not_enabled', 'api_not_enabled'],
  ] as const)(
    'refuses %s with the exact reason and does not keep it',
    async (_n, key, state, kind) => {
      await bg.configure({}, null);
      if (state) bg.fake.setKey(key, state);
      const reply = await send({ type: 'key/save', apiKey: key });
      expect(reply).toMatchObject({ ok: false, error: { kind } });
      expect(await send({ type: 'settings/get' })).toMatchObject({
        data: { key: { present: false } },
      });
    },
  );

  it('keeps a key it could not check when Upscope is unreachable, and says so', async () => {
    await bg.configure({}, null);
    bg.fake.injectFault({ drop: true, times: 3 });
    expect(await send({ type: 'key/save', apiKey: SENTINEL_KEY })).toMatchObject({
      ok: true,
      data: { outcome: 'unverified', error: { kind: 'network' }, key: { present: true } },
    });
  });

  it('never gives the key back: settings show only its last four characters', async () => {
    await bg.configure();
    const reply = await send({ type: 'settings/get' });
    expect(reply).toMatchObject({
      ok: true,
      data: { key: { present: true, hint: SENTINEL_KEY.slice(-4) } },
    });
    expect(JSON.stringify(reply)).not.toContain(SENTINEL_KEY);
  });

  it('forgets the key and the cached lookups made with it', async () => {
    await bg.configure();
    await send({ type: 'visitors/search', query: 'jane.doe@example.com' });
    await send({ type: 'key/clear' });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(stored)).not.toContain(SENTINEL_KEY);
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(session).some((k) => k.startsWith('lookup:'))).toBe(false);
  });

  it('test connection retries a key refused before, and clears the refusal once it works', async () => {
    await bg.configure();
    bg.fake.setKey(SENTINEL_KEY, 'subscription_expired');
    expect(await send({ type: 'connection/test' })).toMatchObject({
      ok: false,
      error: { kind: 'subscription_expired' },
    });
    bg.fake.setKey(SENTINEL_KEY, 'ok');
    expect(await send({ type: 'connection/test' })).toMatchObject({
      ok: true,
      data: { key: { rejected: null } },
    });
  });

  it('restricts storage.local to the extension’s own contexts where the browser can', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    (fakeBrowser.storage.local as unknown as Record<string, unknown>).setAccessLevel =
      setAccessLevel;
    expect(await restrictStorageToExtension()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    delete (fakeBrowser.storage.local as unknown as Record<string, unknown>).setAccessLevel;
    expect(await restrictStorageToExtension()).toBe(false);
  });

  it('where storage.local cannot be restricted, keeps the key out of it (extension IndexedDB)', async () => {
    vi.stubGlobal('indexedDB', (await import('fake-indexeddb')).indexedDB);
    delete (fakeBrowser.storage.local as unknown as Record<string, unknown>).setAccessLevel;
    // A key saved by an older version in storage.local is moved, not lost.
    await bg.configure({}, 'other-key');
    vi.resetModules();
    const fresh = await import('../../../src/background/router');
    const send2 = (m: unknown) => fresh.routeMessage(m, popupSender, policy);
    expect(await send2({ type: 'settings/get' })).toMatchObject({
      data: { key: { present: true, hint: '-key' } },
    });
    expect(await send2({ type: 'key/save', apiKey: SENTINEL_KEY })).toMatchObject({
      data: { outcome: 'valid' },
    });
    const local = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(local)).not.toContain(SENTINEL_KEY);
    expect(local).not.toHaveProperty('apiKey');
    expect(await send2({ type: 'visitors/search', query: 'jane.doe@example.com' })).toMatchObject({
      ok: true,
    });
    expect(bg.fake.requests.at(-1)?.headers['x-api-key']).toBe(SENTINEL_KEY);
  });
});

describe('settings', () => {
  it('saves a valid patch and returns the whole settings', async () => {
    await bg.configure();
    const reply = await send({
      type: 'settings/save',
      patch: { agentName: '  Ada  ', openIn: 'window' },
    });
    expect(reply).toMatchObject({
      ok: true,
      data: { settings: { agentName: 'Ada', openIn: 'window', version: 1 }, keyCheck: null },
    });
  });

  it('refuses an endpoint that is not https and keeps the old one', async () => {
    await bg.configure();
    const reply = await send({ type: 'settings/save', patch: { apiBaseUrl: 'ftp://x' } });
    expect(reply.ok).toBe(false);
    expect(await send({ type: 'settings/get' })).toMatchObject({
      data: { settings: { apiBaseUrl: bg.server.baseUrl } },
    });
  });

  it('keeps every valid stored field when one stored field is no longer valid', async () => {
    await fakeBrowser.storage.local.set({
      settings: { version: 1, agentName: 'Ada', freshnessSeconds: -5, openIn: 'sideways' },
    });
    expect(await send({ type: 'settings/get' })).toMatchObject({
      data: { settings: { agentName: 'Ada', freshnessSeconds: 60, openIn: 'tab' } },
    });
  });
});

describe('what stops co-browsing, for a popup with no ticket tab', () => {
  it('says the agent is missing until both name and id are saved, and gives no key away', async () => {
    await bg.configure({ agentName: '', agentId: '' });
    const reply = await send({ type: 'setup/get' });
    expect(reply).toMatchObject({
      ok: true,
      data: { key: { present: true, hint: SENTINEL_KEY.slice(-4) }, agentMissing: true },
    });
    expect(JSON.stringify(reply)).not.toContain(SENTINEL_KEY);
    await send({ type: 'settings/save', patch: { agentName: 'Ana Silva' } });
    expect(await send({ type: 'setup/get' })).toMatchObject({ data: { agentMissing: true } });
    await send({ type: 'settings/save', patch: { agentId: 'agent-7' } });
    expect(await send({ type: 'setup/get' })).toMatchObject({ data: { agentMissing: false } });
  });
});

describe('after the key changes, and without one', () => {
  const identify = () =>
    routeMessage(
      {
        type: 'ticket/identify',
        helpdesk: 'zendesk',
        identities: { email: 'jane.doe@example.com' },
        visible: true,
      },
      ticketSender(1),
      policy,
    );

  it('a key checked at an API address that does not exist is refused and not kept', async () => {
    await bg.configure({}, null);
    bg.fake.injectFault({ match: { path: '/usage.json' }, status: 404, times: 2 });
    expect(await send({ type: 'key/save', apiKey: SENTINEL_KEY })).toMatchObject({
      ok: false,
      error: { kind: 'endpoint_not_found' },
    });
    expect(await send({ type: 'settings/get' })).toMatchObject({
      data: { key: { present: false } },
    });
  });

  it('a ticket open without a key says to add one, and its badge is put right once a key is saved', async () => {
    await bg.configure({}, null);
    expect(await identify()).toMatchObject({ ok: true, data: { state: 'not_configured' } });
    expect(await send({ type: 'visitors/search', query: 'jane' })).toMatchObject({
      ok: false,
      error: { kind: 'no_key', message: 'Add your Upscope API key in the extension settings.' },
    });
    bg.sentToTabs.length = 0;
    await send({ type: 'key/save', apiKey: SENTINEL_KEY });
    expect(bg.sentToTabs).toEqual([
      { type: 'badge/update', view: expect.objectContaining({ state: 'online' }) },
    ]);
  });

  it('a key Upscope refused is named as refused, not as missing', async () => {
    await bg.configure();
    bg.fake.revokeKey(SENTINEL_KEY);
    expect(await send({ type: 'visitors/search', query: 'jane' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_api_key' },
    });
    // Nothing is sent with it again; the agent is still told why.
    const before = bg.fake.requests.length;
    expect(await send({ type: 'visitors/search', query: 'jane' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_api_key' },
    });
    expect(bg.fake.requests).toHaveLength(before);
  });
});
