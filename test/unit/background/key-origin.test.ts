import { fakeBrowser } from '@webext-core/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeUpscope, startFakeUpscopeServer, type FakeUpscopeServer } from '../../fake-upscope';
import english from '../../../public/_locales/en/messages.json';
import { policy, popupSender, SENTINEL_KEY, useBackground } from './harness';

// T3 and T4: the key belongs to the origin of the endpoint it was saved for, and "Remove key"
// removes every copy. The second fake server, on another port, is another origin; it would
// accept the team's key, so any request that reaches it with the key is a leak.

const bg = useBackground();
let other: { fake: FakeUpscope; server: FakeUpscopeServer };

beforeAll(async () => {
  const fake = new FakeUpscope({ apiKeys: { [SENTINEL_KEY]: 'ok', 'new-origin-key': 'ok' } });
  other = { fake, server: await startFakeUpscopeServer(fake) };
});
afterAll(async () => {
  await other.server.close();
});
beforeEach(() => {
  other.fake.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
});

const originOf = (url: string) => new URL(url).origin;
const JANE = 'jane.doe@example.com';

/** The worker as it starts after being stopped: fresh modules, only what is stored survives. */
async function restartedWorker() {
  vi.resetModules();
  const i18n = await import('../../../src/wording/i18n');
  i18n.setFallbackMessages(english as Record<string, { message: string }>);
  const router = await import('../../../src/background/router');
  const keyStore = await import('../../../src/background/key-store');
  await keyStore.prepareKeyStore();
  return {
    send: (message: unknown) => router.routeMessage(message, popupSender, policy),
    secretDb: (await import('../../../src/background/secret-db')).secretDb,
  };
}

/** Chrome before storage.local could be closed, or Firefox: the key lives in IndexedDB. */
function withoutAccessLevels() {
  delete (fakeBrowser.storage.local as unknown as Record<string, unknown>).setAccessLevel;
}

function leaksToOtherOrigin(): boolean {
  return other.fake.requests.some((r) => r.headers['x-api-key'] !== undefined);
}

async function storedCopies(secretDb: { get(key: string): Promise<unknown> }) {
  return {
    local: (await fakeBrowser.storage.local.get('apiKey')).apiKey,
    database: await secretDb.get('apiKey'),
  };
}

describe.each([
  ['storage.local (closed to content scripts)', false],
  ['IndexedDB (storage.local cannot be closed)', true],
] as const)('the key stays with its endpoint’s origin: %s', (_name, inDatabase) => {
  beforeEach(() => {
    if (inDatabase) withoutAccessLevels();
  });

  it('moving the endpoint to another origin removes the key; no request there carries it', async () => {
    await bg.configure({}, null);
    let worker = await restartedWorker();
    expect(await worker.send({ type: 'key/save', apiKey: SENTINEL_KEY })).toMatchObject({
      ok: true,
      data: { outcome: 'valid' },
    });
    const moved = await worker.send({
      type: 'settings/save',
      patch: { apiBaseUrl: other.server.baseUrl },
    });
    expect(moved).toMatchObject({
      ok: true,
      data: { key: { present: false, savedFor: null }, keyCheck: null },
    });
    expect(JSON.stringify(await storedCopies(worker.secretDb))).not.toContain(SENTINEL_KEY);

    expect(await worker.send({ type: 'visitors/search', query: JANE })).toMatchObject({
      ok: false,
      error: { kind: 'no_key' },
    });
    expect(await worker.send({ type: 'connection/test' })).toMatchObject({ ok: false });
    // And after the worker is stopped and started again.
    worker = await restartedWorker();
    await worker.send({ type: 'visitors/search', query: JANE });
    await worker.send({ type: 'connection/test' });
    expect(leaksToOtherOrigin()).toBe(false);
    expect(other.fake.requests).toEqual([]);
  });

  it('a key saved before keys were bound is bound to the endpoint it was already sent to', async () => {
    // An older version's key: no origin stored with it.
    await bg.configure({}, SENTINEL_KEY);
    const worker = await restartedWorker();
    expect(await worker.send({ type: 'settings/get' })).toMatchObject({
      data: { key: { present: true, savedFor: null } },
    });
    const stored = await storedCopies(worker.secretDb);
    expect(inDatabase ? stored.database : stored.local).toMatchObject({
      value: SENTINEL_KEY,
      origin: originOf(bg.server.baseUrl),
    });
    await worker.send({ type: 'settings/save', patch: { apiBaseUrl: other.server.baseUrl } });
    await worker.send({ type: 'visitors/search', query: JANE });
    expect(leaksToOtherOrigin()).toBe(false);
  });

  it('a key saved for one origin is not sent when the stored endpoint is another (restart)', async () => {
    await bg.configure({}, null);
    let worker = await restartedWorker();
    await worker.send({ type: 'key/save', apiKey: SENTINEL_KEY });
    // The endpoint changed without the handler (a save cut short, an old version's write).
    const { settings } = await fakeBrowser.storage.local.get('settings');
    await fakeBrowser.storage.local.set({
      settings: { ...(settings as object), apiBaseUrl: other.server.baseUrl },
    });
    worker = await restartedWorker();
    const from = originOf(bg.server.baseUrl);
    const to = originOf(other.server.baseUrl);
    const search = await worker.send({ type: 'visitors/search', query: JANE });
    expect(search).toMatchObject({ ok: false, error: { kind: 'key_other_origin' } });
    expect((search as { error: { message: string } }).error.message).toBe(
      `Your API key was saved for ${from}; enter it again for ${to}.`,
    );
    expect(await worker.send({ type: 'connection/test' })).toMatchObject({
      ok: false,
      error: { kind: 'key_other_origin' },
    });
    expect(await worker.send({ type: 'settings/get' })).toMatchObject({
      data: { key: { present: false, hint: null, savedFor: from } },
    });
    expect(leaksToOtherOrigin()).toBe(false);
  });

  it('a save that moves the endpoint and carries a key checks it there and keeps it there', async () => {
    await bg.configure({}, SENTINEL_KEY);
    const worker = await restartedWorker();
    const reply = await worker.send({
      type: 'settings/save',
      patch: { apiBaseUrl: other.server.baseUrl },
      apiKey: 'new-origin-key',
    });
    expect(reply).toMatchObject({
      ok: true,
      data: { keyCheck: { outcome: 'valid' }, key: { present: true, hint: '-key' } },
    });
    bg.fake.reset();
    await worker.send({ type: 'visitors/search', query: JANE });
    expect(other.fake.requests.map((r) => r.headers['x-api-key'])).toEqual([
      'new-origin-key',
      'new-origin-key',
    ]);
    expect(bg.fake.requests).toEqual([]);
    expect(JSON.stringify(await storedCopies(worker.secretDb))).not.toContain(SENTINEL_KEY);
  });

  it('a key the new endpoint refuses saves nothing: endpoint and key stay as they were', async () => {
    await bg.configure({}, SENTINEL_KEY);
    const worker = await restartedWorker();
    expect(
      await worker.send({
        type: 'settings/save',
        patch: { apiBaseUrl: other.server.baseUrl },
        apiKey: 'refused-key',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid_api_key' } });
    expect(await worker.send({ type: 'settings/get' })).toMatchObject({
      data: { settings: { apiBaseUrl: bg.server.baseUrl }, key: { present: true } },
    });
    expect(other.fake.requests.map((r) => r.headers['x-api-key'])).toEqual(['refused-key']);
  });

  it('a new path on the same origin keeps the key', async () => {
    await bg.configure({}, SENTINEL_KEY);
    const worker = await restartedWorker();
    const reply = await worker.send({
      type: 'settings/save',
      patch: { apiBaseUrl: `${originOf(bg.server.baseUrl)}/proxy/v1.1` },
    });
    expect(reply).toMatchObject({ ok: true, data: { key: { present: true } } });
  });
});

describe('Remove key removes every copy', () => {
  it('clears storage.local and IndexedDB, whichever the browser uses today', async () => {
    await bg.configure({}, null);
    const worker = await restartedWorker();
    const origin = originOf(bg.server.baseUrl);
    // A copy kept in IndexedDB by an older browser, and one in storage.local.
    await worker.secretDb.set('apiKey', { value: 'old-db-key', rejected: null, origin });
    await fakeBrowser.storage.local.set({
      apiKey: { value: SENTINEL_KEY, rejected: null, origin },
    });
    expect(await worker.send({ type: 'key/clear' })).toMatchObject({
      ok: true,
      data: { present: false },
    });
    expect(await storedCopies(worker.secretDb)).toEqual({ local: undefined, database: undefined });
  });

  it('also where storage.local cannot be closed', async () => {
    withoutAccessLevels();
    await bg.configure({}, null);
    const worker = await restartedWorker();
    await worker.send({ type: 'key/save', apiKey: SENTINEL_KEY });
    await worker.send({ type: 'key/clear' });
    expect(await storedCopies(worker.secretDb)).toEqual({ local: undefined, database: undefined });
  });
});

describe('moving the key between stores', () => {
  it('once storage.local can be closed, a key in IndexedDB moves there and leaves IndexedDB', async () => {
    withoutAccessLevels();
    await bg.configure({}, null);
    let worker = await restartedWorker();
    await worker.send({ type: 'key/save', apiKey: SENTINEL_KEY });
    expect((await storedCopies(worker.secretDb)).database).toMatchObject({ value: SENTINEL_KEY });

    // The browser is updated: storage.local can now be closed to content scripts.
    (fakeBrowser.storage.local as unknown as Record<string, unknown>).setAccessLevel = vi.fn(
      async () => undefined,
    );
    worker = await restartedWorker();
    const copies = await storedCopies(worker.secretDb);
    expect(copies.database).toBeUndefined();
    expect(copies.local).toMatchObject({
      value: SENTINEL_KEY,
      origin: originOf(bg.server.baseUrl),
    });
    expect(await worker.send({ type: 'settings/get' })).toMatchObject({
      data: { key: { present: true } },
    });
    await worker.send({ type: 'key/clear' });
    expect(await storedCopies(worker.secretDb)).toEqual({ local: undefined, database: undefined });
  });

  it('where storage.local cannot be closed, a key there moves to IndexedDB', async () => {
    withoutAccessLevels();
    await bg.configure({}, SENTINEL_KEY);
    const worker = await restartedWorker();
    const copies = await storedCopies(worker.secretDb);
    expect(copies.local).toBeUndefined();
    expect(copies.database).toMatchObject({ value: SENTINEL_KEY });
  });
});

/** The key store as a freshly started worker has it (its store decided anew). */
async function freshKeyStore() {
  vi.resetModules();
  return {
    keys: await import('../../../src/background/key-store'),
    secretDb: (await import('../../../src/background/secret-db')).secretDb,
  };
}

describe('where the key is kept', () => {
  it('a browser that refuses to close storage.local keeps the key in IndexedDB, not there', async () => {
    await bg.configure({}, null);
    (fakeBrowser.storage.local as unknown as Record<string, unknown>).setAccessLevel = vi.fn(
      async () => {
        throw new Error('Access level not supported');
      },
    );
    const { keys, secretDb } = await freshKeyStore();
    await keys.saveApiKey(SENTINEL_KEY, originOf(bg.server.baseUrl));
    const copies = await storedCopies(secretDb);
    expect(copies.local).toBeUndefined();
    expect(copies.database).toMatchObject({ value: SENTINEL_KEY });
  });

  it('a key found in both stores as storage.local closes: the one already there is the newer and stays', async () => {
    await bg.configure({}, null);
    const origin = originOf(bg.server.baseUrl);
    const { secretDb } = await freshKeyStore();
    await secretDb.set('apiKey', { value: 'old-key', rejected: null, origin });
    await fakeBrowser.storage.local.set({
      apiKey: { value: SENTINEL_KEY, rejected: null, origin },
    });
    const { keys } = await freshKeyStore();
    expect(await keys.readApiKey(origin)).toBe(SENTINEL_KEY);
    expect(await storedCopies(secretDb)).toEqual({
      local: { value: SENTINEL_KEY, rejected: null, origin },
      database: undefined,
    });
  });

  it('Remove key does not report success while IndexedDB still holds a copy it could not delete', async () => {
    withoutAccessLevels();
    await bg.configure({}, null);
    const { keys, secretDb } = await freshKeyStore();
    await keys.saveApiKey(SENTINEL_KEY, originOf(bg.server.baseUrl));
    const remove = vi.spyOn(secretDb, 'remove').mockRejectedValue(new Error('disk full'));
    await expect(keys.clearApiKey()).rejects.toThrow('disk full');
    // A database that cannot even be opened holds nothing readable: nothing to report.
    vi.spyOn(secretDb, 'get').mockRejectedValue(new Error('blocked'));
    await expect(keys.clearApiKey()).resolves.toBeUndefined();
    expect(remove).toHaveBeenCalledTimes(2);
  });

  it('an endpoint that does not parse has the origin "null", for which no key is kept', async () => {
    const { keys } = await freshKeyStore();
    expect(keys.originOf('not a url')).toBe('null');
    expect(keys.originOf('https://api.upscope.io/v1.3')).toBe('https://api.upscope.io');
  });
});

describe('the key the organisation’s policy gives', () => {
  const UPSCOPE = 'https://api.upscope.io';

  it('is copied once: the same key for the same endpoint changes nothing, and a refusal stays', async () => {
    await bg.configure({}, null);
    const { keys } = await freshKeyStore();
    expect(await keys.adoptPolicyKey('policy-key', UPSCOPE)).toBe(true);
    await keys.markKeyRejected(UPSCOPE, 'invalid_api_key', 'policy-key');
    expect(await keys.adoptPolicyKey('policy-key', UPSCOPE)).toBe(false);
    expect(await keys.keyStatus(UPSCOPE)).toMatchObject({ rejected: 'invalid_api_key' });
    expect(await keys.readApiKey(UPSCOPE)).toBeNull();
  });

  it('a new policy key, or the same key for another endpoint, replaces the copy and lifts a refusal', async () => {
    await bg.configure({}, null);
    const { keys } = await freshKeyStore();
    await keys.adoptPolicyKey('policy-key', UPSCOPE);
    await keys.markKeyRejected(UPSCOPE, 'invalid_api_key', 'policy-key');
    expect(await keys.adoptPolicyKey('renewed-key', UPSCOPE)).toBe(true);
    expect(await keys.readApiKey(UPSCOPE)).toBe('renewed-key');

    const own = originOf(bg.server.baseUrl);
    expect(await keys.adoptPolicyKey('renewed-key', own)).toBe(true);
    expect(await keys.readApiKey(own)).toBe('renewed-key');
    expect(await keys.readApiKey(UPSCOPE)).toBeNull();
  });

  it('goes when the policy stops giving it; a key the agent typed stays', async () => {
    await bg.configure({}, null);
    const { keys } = await freshKeyStore();
    // No key at all, and the policy gives none: nothing changed.
    expect(await keys.adoptPolicyKey(null, UPSCOPE)).toBe(false);

    await keys.adoptPolicyKey('policy-key', UPSCOPE);
    expect(await keys.adoptPolicyKey(null, UPSCOPE)).toBe(true);
    expect(await keys.readApiKey(UPSCOPE)).toBeNull();

    await keys.saveApiKey(SENTINEL_KEY, UPSCOPE);
    expect(await keys.adoptPolicyKey(null, UPSCOPE)).toBe(false);
    expect(await keys.readApiKey(UPSCOPE)).toBe(SENTINEL_KEY);
  });

  it('re-saved after a test it is still the policy’s; another key typed over it is the agent’s', async () => {
    await bg.configure({}, null);
    const { keys } = await freshKeyStore();
    await keys.adoptPolicyKey('policy-key', UPSCOPE);
    await keys.saveApiKey('policy-key', UPSCOPE);
    expect(await keys.adoptPolicyKey(null, UPSCOPE)).toBe(true);
    expect(await keys.readApiKey(UPSCOPE)).toBeNull();

    await keys.adoptPolicyKey('policy-key', UPSCOPE);
    await keys.saveApiKey(SENTINEL_KEY, UPSCOPE);
    expect(await keys.adoptPolicyKey(null, UPSCOPE)).toBe(false);
    expect(await keys.readApiKey(UPSCOPE)).toBe(SENTINEL_KEY);
  });
});

describe('an IndexedDB the worker cannot open', () => {
  it('fails the read rather than hanging, and Remove key still completes', async () => {
    withoutAccessLevels();
    await bg.configure({}, null);
    // A later release left the database at a newer version, then the extension was downgraded.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('helpdesk-cobrowse-secrets', 5);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const { keys, secretDb } = await freshKeyStore();
    await expect(secretDb.get('apiKey')).rejects.toThrow();
    await expect(keys.clearApiKey()).resolves.toBeUndefined();
  });
});
