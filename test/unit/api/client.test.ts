import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createUpscopeClient,
  SHORT_ID_PATTERN,
  ShortIdSchema,
  UpscopeApiError,
  VisitorListResponseSchema,
} from '../../../src/api';
import { assertUnderBase, parseBaseUrl } from '../../../src/api/endpoints';
import { fakeFetch, json, makeClient, raw, rejectionOf, TEST_KEY } from './fake-fetch';
import { LIST_JSON, USAGE_JSON, VISITOR_JSON, WATCH_URL_JSON } from './seed-examples';

const BASE = 'https://api.upscope.io/v1.1';
const ok = json(200, { status: 'ok', visitors: [] });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requests', () => {
  it('gets usage from usage.json', async () => {
    const { fetch, calls } = fakeFetch(json(200, USAGE_JSON));
    const { client } = makeClient(fetch);
    const usage = await client.getUsage();
    expect(usage.agents?.today).toBe(5);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${BASE}/usage.json`);
    expect(calls[0]?.init.method).toBe('GET');
  });

  it('sends only the key and Accept, with credentials omitted and redirects not followed', async () => {
    const { fetch, calls } = fakeFetch(json(200, USAGE_JSON));
    const { client } = makeClient(fetch);
    await client.getUsage();
    const init = calls[0]?.init;
    expect(init?.headers).toEqual({ 'X-Api-Key': TEST_KEY, Accept: 'application/json' });
    expect(init?.credentials).toBe('omit');
    expect(init?.redirect).toBe('manual');
    expect(init?.cache).toBe('no-store');
    expect(init?.referrerPolicy).toBe('no-referrer');
    expect(init?.body).toBeUndefined();
  });

  it('lists all visitors when the search is blank', async () => {
    const { fetch, calls } = fakeFetch(json(200, LIST_JSON));
    const { client } = makeClient(fetch);
    expect(await client.searchVisitors('')).toEqual([{ short_id: '1234' }]);
    await client.searchVisitors('   ');
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/list.json`, `${BASE}/list.json`]);
  });

  it.each([
    ['jane@example.com', 'search=jane%40example.com'],
    ['#customer', 'search=%23customer'],
    ['id:42&all=true', 'search=id%3A42%26all%3Dtrue'],
    ['  Jane Doe ', 'search=Jane+Doe'],
  ])('encodes the search %j', async (query, expected) => {
    const { fetch, calls } = fakeFetch(ok);
    const { client } = makeClient(fetch);
    await client.searchVisitors(query);
    expect(calls[0]?.url).toBe(`${BASE}/list.json?${expected}`);
  });

  it('refuses an overlong search before sending anything', async () => {
    const { fetch, calls } = fakeFetch(ok);
    const { client } = makeClient(fetch);
    await client.searchVisitors('a'.repeat(256));
    const error = await rejectionOf(client.searchVisitors('a'.repeat(257)));
    expect(error).toMatchObject({ kind: 'bad_request', status: null });
    expect(calls).toHaveLength(1);
  });

  it('gets a visitor, with history when asked', async () => {
    const { fetch, calls } = fakeFetch(json(200, VISITOR_JSON));
    const { client } = makeClient(fetch);
    const visitor = await client.getVisitor('ABCD1234');
    expect(visitor.location_city).toBe('New York, NY');
    await client.getVisitor('ABCD1234', { withHistory: true });
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/visitors/ABCD1234.json`,
      `${BASE}/visitors/ABCD1234.json?with_history=true`,
    ]);
  });

  it('deletes a visitor, accepting an empty body or any JSON', async () => {
    const { fetch, calls } = fakeFetch(raw(204, null), json(200, { status: 'ok' }), json(200, []));
    const { client } = makeClient(fetch);
    await expect(client.deleteVisitor('ABCD1234')).resolves.toBeUndefined();
    await expect(client.deleteVisitor('ABCD1234')).resolves.toBeUndefined();
    await expect(client.deleteVisitor('ABCD1234')).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({
      url: `${BASE}/visitors/ABCD1234.json`,
      init: { method: 'DELETE' },
    });
  });

  it('reports a failed delete', async () => {
    const { fetch } = fakeFetch(
      raw(404, null),
      json(200, { status: 'error', error: 'invalid_api_key' }),
      raw(200, 'deleted!'),
    );
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.deleteVisitor('x'))).toMatchObject({ kind: 'not_found' });
    expect(await rejectionOf(client.deleteVisitor('x'))).toMatchObject({
      kind: 'invalid_api_key',
    });
    expect(await rejectionOf(client.deleteVisitor('x'))).toMatchObject({
      kind: 'malformed_response',
    });
  });

  it('ends a session with DELETE /visitors/:id/session (no .json), taking plain-text ok', async () => {
    const { fetch, calls } = fakeFetch(
      raw(200, 'ok', { 'content-type': 'text/plain' }),
      raw(200, 'ok\n', { 'content-type': 'text/plain' }),
    );
    const { client } = makeClient(fetch);
    await expect(client.endSession('ABCD1234')).resolves.toBeUndefined();
    await expect(client.endSession('ABCD1234')).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({
      url: `${BASE}/visitors/ABCD1234/session`,
      init: { method: 'DELETE' },
    });
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('reports an unknown visitor when ending a session, and an answer that is not ok', async () => {
    const { fetch } = fakeFetch(json(404, { status: 'error', error: 'not_found' }), raw(200, 'no'));
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.endSession('ABCD1234'))).toMatchObject({ kind: 'not_found' });
    expect(await rejectionOf(client.endSession('ABCD1234'))).toMatchObject({
      kind: 'malformed_response',
    });
  });

  it('deletes all offline visitors', async () => {
    const { fetch, calls } = fakeFetch(raw(202, null));
    const { client } = makeClient(fetch);
    await client.deleteOfflineVisitors();
    expect(calls[0]).toMatchObject({
      url: `${BASE}/visitors.json?all=true`,
      init: { method: 'DELETE' },
    });
  });

  it('calls fetch as a plain function, so a bare window.fetch works', async () => {
    const { fetch, calls } = fakeFetch(json(200, USAGE_JSON));
    const { client } = makeClient(fetch);
    await client.getUsage();
    expect(calls[0]?.thisArg).toBeUndefined();
  });

  it('uses globalThis.fetch, looked up when the call is made', async () => {
    const client = createUpscopeClient({ apiKey: TEST_KEY });
    const { fetch, calls } = fakeFetch(json(200, USAGE_JSON));
    vi.stubGlobal('fetch', fetch);
    await client.getUsage();
    expect(calls).toHaveLength(1);
  });
});

describe('createWatchUrl', () => {
  const agent = { id: '123', name: 'Joe Smith' };

  it('posts the documented snake_case body and returns the link', async () => {
    const { fetch, calls } = fakeFetch(json(200, WATCH_URL_JSON));
    const { client } = makeClient(fetch);
    const link = await client.createWatchUrl('ABCD1234', {
      agent,
      branding: {
        naked: true,
        retryUrl: 'https://your-website.com/admin/screenshare/XYZ',
        noBottomBar: false,
        onEndUrl: null,
      },
      permissions: {
        allowConsole: false,
        allowClick: true,
        allowDraw: true,
        allowScroll: true,
        allowAudio: false,
        allowType: true,
        allowAgentRedirect: false,
      },
      metadata: { ticket: 'T-1', priority: 2, vip: true },
    });
    expect(link).toBe('https://o.upscope.io?xyz');
    const call = calls[0];
    expect(call?.url).toBe(`${BASE}/visitors/ABCD1234/watch_url.json`);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers).toEqual({
      'X-Api-Key': TEST_KEY,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(call?.init.body))).toEqual({
      agent: { id: '123', name: 'Joe Smith' },
      branding: {
        naked: true,
        retry_url: 'https://your-website.com/admin/screenshare/XYZ',
        no_bottom_bar: false,
        on_end_url: null,
      },
      permissions: {
        allow_console: false,
        allow_click: true,
        allow_draw: true,
        allow_scroll: true,
        allow_audio: false,
        allow_type: true,
        allow_agent_redirect: false,
      },
      metadata: { ticket: 'T-1', priority: 2, vip: true },
    });
  });

  it('leaves out every key the caller did not set', async () => {
    const { fetch, calls } = fakeFetch(json(200, WATCH_URL_JSON));
    const { client } = makeClient(fetch);
    await client.createWatchUrl('a', { agent });
    await client.createWatchUrl('a', {
      agent,
      branding: { naked: true, retryUrl: undefined },
      permissions: {},
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ agent });
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ agent, branding: { naked: true } });
  });

  it.each([
    ['an empty agent id', { agent: { id: '', name: 'Joe' } }],
    ['a blank agent name', { agent: { id: '1', name: '   ' } }],
    ['no agent', {}],
    ['a javascript: retry URL', { agent, branding: { retryUrl: 'javascript:alert(1)' } }],
    ['a nested metadata value', { agent, metadata: { a: { b: 1 } } }],
    ['an unknown option', { agent, branding: { retry_url: 'https://x.example' } }],
  ])('refuses %s before sending anything', async (_label, request) => {
    const { fetch, calls } = fakeFetch(json(200, WATCH_URL_JSON));
    const { client } = makeClient(fetch);
    const error = await rejectionOf(
      client.createWatchUrl('a', request as Parameters<typeof client.createWatchUrl>[1]),
    );
    expect(error).toMatchObject({ kind: 'bad_request', status: null });
    expect(calls).toHaveLength(0);
  });

  it.each([
    'javascript:alert(1)',
    '/watch/xyz',
    'o.upscope.io?xyz',
    'data:text/html,hi',
    'http://o.upscope.io?xyz',
    '',
  ])('rejects the returned link %j', async (watchUrl) => {
    const { fetch } = fakeFetch(json(200, { watch_url: watchUrl }));
    const { client } = makeClient(fetch);
    const error = await rejectionOf(client.createWatchUrl('a', { agent }));
    expect(error).toMatchObject({ kind: 'unexpected_response', status: 200 });
  });

  it('accepts an http link only from an http API (local testing)', async () => {
    const { fetch } = fakeFetch(json(200, { watch_url: 'http://127.0.0.1:9000/watch?x' }));
    const { client } = makeClient(fetch, { baseUrl: 'http://127.0.0.1:9000/v1.1' });
    await expect(client.createWatchUrl('a', { agent })).resolves.toBe(
      'http://127.0.0.1:9000/watch?x',
    );
  });

  it('maps 402 to over_plan_limits', async () => {
    const { fetch } = fakeFetch(json(402, { status: 'error', error: 'payment_required' }));
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.createWatchUrl('a', { agent }))).toMatchObject({
      kind: 'over_plan_limits',
      status: 402,
    });
  });
});

describe('paths', () => {
  const badIds = [
    '../usage',
    'a/b?x',
    '%2e%2e',
    '',
    ' ',
    'a b',
    '..',
    'a.json',
    'é',
    'x'.repeat(65),
  ];

  it.each(badIds)('refuses the visitor id %j before sending anything', async (id) => {
    const { fetch, calls } = fakeFetch(json(200, VISITOR_JSON));
    const { client } = makeClient(fetch);
    for (const call of [
      () => client.getVisitor(id),
      () => client.deleteVisitor(id),
      () => client.endSession(id),
      () => client.createWatchUrl(id, { agent: { id: '1', name: 'Joe' } }),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({ kind: 'bad_request', status: null });
    }
    expect(calls).toHaveLength(0);
  });

  it('accepts ids made of letters, digits, dashes and underscores', async () => {
    const { fetch, calls } = fakeFetch(json(200, VISITOR_JSON));
    const { client } = makeClient(fetch);
    await client.getVisitor('aZ0_-9');
    expect(calls[0]?.url).toBe(`${BASE}/visitors/aZ0_-9.json`);
  });

  it('opens exactly the visitors a list can return: one rule for a short id', async () => {
    const candidates: unknown[] = [
      ...badIds,
      'ABCD1234',
      '1234',
      'aZ0_-9',
      'x'.repeat(64),
      1234,
      0,
      12.5,
      -3,
      null,
    ];
    for (const candidate of candidates) {
      const listed = VisitorListResponseSchema.parse({ visitors: [{ short_id: candidate }] })
        .visitors[0];
      const { fetch, calls } = fakeFetch(json(200, WATCH_URL_JSON));
      const { client } = makeClient(fetch);
      const id = listed?.short_id ?? (candidate as string);
      const outcome = await client.createWatchUrl(id, { agent: { id: '1', name: 'Joe' } }).then(
        () => 'sent',
        (error: UpscopeApiError) => error.kind,
      );
      expect(outcome, JSON.stringify(candidate)).toBe(listed ? 'sent' : 'bad_request');
      if (listed) {
        expect(calls[0]?.url).toBe(
          `${BASE}/visitors/${encodeURIComponent(listed.short_id)}/watch_url.json`,
        );
      }
    }
  });

  it('uses ShortIdSchema, shared with the rest of the extension, for paths', async () => {
    expect(ShortIdSchema.parse(4711)).toBe('4711');
    expect(SHORT_ID_PATTERN.test('4711')).toBe(true);
    const { fetch, calls } = fakeFetch(json(200, { visitor: { short_id: 4711 } }));
    const { client } = makeClient(fetch);
    // A caller holding the number as the server sent it still reaches the same path.
    const visitor = await client.getVisitor(4711 as unknown as string);
    expect(visitor.short_id).toBe('4711');
    expect(calls[0]?.url).toBe(`${BASE}/visitors/4711.json`);
  });

  it('refuses URLs outside the base origin or path', () => {
    const base = parseBaseUrl(BASE);
    expect(() => assertUnderBase(base, new URL(`${BASE}/usage.json`))).not.toThrow();
    for (const url of [
      'https://evil.example/v1.1/usage.json',
      'http://api.upscope.io/v1.1/usage.json',
      'https://api.upscope.io:8443/v1.1/usage.json',
      'https://api.upscope.io/v1.10/usage.json',
      'https://api.upscope.io/usage.json',
    ]) {
      expect(() => assertUnderBase(base, new URL(url)), url).toThrow(UpscopeApiError);
    }
  });

  it('sends every call of every method to the configured origin only', async () => {
    const { fetch, calls } = fakeFetch(
      json(200, USAGE_JSON),
      ok,
      json(200, VISITOR_JSON),
      raw(204, null),
      raw(204, null),
      json(200, { watch_url: 'http://localhost:8080/w' }),
    );
    const { client } = makeClient(fetch, { baseUrl: 'http://localhost:8080/api/v1.1/' });
    await client.getUsage();
    await client.searchVisitors('x');
    await client.getVisitor('a');
    await client.deleteVisitor('a');
    await client.deleteOfflineVisitors();
    await client.createWatchUrl('a', { agent: { id: '1', name: 'J' } });
    expect(calls).toHaveLength(6);
    for (const call of calls) {
      const url = new URL(call.url);
      expect(url.origin).toBe('http://localhost:8080');
      expect(url.pathname.startsWith('/api/v1.1/')).toBe(true);
    }
  });

  it('tolerates a trailing slash and can drop the .json suffix', async () => {
    const { fetch, calls } = fakeFetch(ok);
    await makeClient(fetch, { baseUrl: `${BASE}/` }).client.searchVisitors('x');
    await makeClient(fetch, {
      baseUrl: 'https://api.upscope.io/v1.3',
      jsonSuffix: false,
    }).client.searchVisitors('x');
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/list.json?search=x`,
      'https://api.upscope.io/v1.3/list?search=x',
    ]);
  });

  it('works with a bare origin as base URL', async () => {
    const { fetch, calls } = fakeFetch(json(200, USAGE_JSON));
    const { client } = makeClient(fetch, { baseUrl: 'http://127.0.0.1:3000' });
    await client.getUsage();
    expect(calls[0]?.url).toBe('http://127.0.0.1:3000/usage.json');
    expect(client.baseUrl).toBe('http://127.0.0.1:3000');
  });
});

describe('visitors a list cannot read', () => {
  const list = json(200, {
    status: 'ok',
    visitors: [
      { short_id: 'GOOD1', identities: 'Joe' },
      { short_id: 'secret value', email: 'secret@example.com' },
      { email: 'secret@example.com' },
    ],
  });

  it('are left out and reported to onUnreadable by count and path', async () => {
    const onUnreadable = vi.fn();
    const { fetch } = fakeFetch(list);
    const { client } = makeClient(fetch, { onUnreadable });
    const visitors = await client.searchVisitors('joe');
    expect(visitors).toEqual([{ short_id: 'GOOD1', identities: ['Joe'] }]);
    expect(onUnreadable).toHaveBeenCalledTimes(1);
    expect(onUnreadable).toHaveBeenCalledWith({
      count: 2,
      paths: ['visitors[1].short_id', 'visitors[2].short_id'],
    });
  });

  it('are logged with console.warn by default, without their data', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { fetch } = fakeFetch(list, ok);
      const { client } = makeClient(fetch);
      expect(await client.searchVisitors('joe')).toHaveLength(1);
      expect(warn).toHaveBeenCalledTimes(1);
      const message = String(warn.mock.calls[0]?.[0]);
      expect(message).toContain('2 visitors');
      expect(message).toContain('visitors[1].short_id, visitors[2].short_id');
      expect(warn.mock.calls.flat().join(' ')).not.toMatch(/secret|Joe/);
      await client.searchVisitors('nobody');
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('do not cost the list when the report itself fails', async () => {
    const { fetch } = fakeFetch(list);
    const { client } = makeClient(fetch, {
      onUnreadable: () => {
        throw new Error('report failed');
      },
    });
    expect((await client.searchVisitors('joe')).map((v) => v.short_id)).toEqual(['GOOD1']);
  });
});

describe('createUpscopeClient options', () => {
  it.each([
    'api.upscope.io/v1.1',
    'ftp://api.upscope.io/v1.1',
    'javascript:alert(1)',
    'https://user:pass@api.upscope.io/v1.1',
    'https://api.upscope.io/v1.1?x=1',
    'https://api.upscope.io/v1.1?',
    'https://api.upscope.io/v1.1#frag',
    'not a url',
  ])('refuses the base URL %j', (baseUrl) => {
    expect(() => createUpscopeClient({ apiKey: TEST_KEY, baseUrl })).toThrow(/Upscope base URL/);
  });

  it.each(['', 'has space', 'line\nbreak', 'ключ'])('refuses the API key %j', (apiKey) => {
    expect(() => createUpscopeClient({ apiKey })).toThrow(
      expect.objectContaining({ kind: 'invalid_api_key' }),
    );
  });

  it.each([
    { timeoutMs: 25_001 },
    { timeoutMs: 0 },
    { timeoutMs: Number.NaN },
    { maxAttempts: 0 },
    { maxAttempts: 1.5 },
    { maxAttempts: 6 },
    { retryAfterCapMs: -1 },
  ])('refuses %j', (options) => {
    expect(() => createUpscopeClient({ apiKey: TEST_KEY, ...options })).toThrow(RangeError);
  });
});
