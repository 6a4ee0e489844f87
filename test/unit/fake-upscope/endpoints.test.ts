import { describe, expect, it } from 'vitest';
import { HOSTILE_PAYLOAD, SEED_IDS } from '../../fake-upscope/seed';
import { json, shortIds, useFakeServer } from './harness';

describe('fake Upscope over HTTP: endpoints', () => {
  const h = useFakeServer();

  it('binds to the loopback interface only', () => {
    expect(h.server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.server.baseUrl).toBe(`${h.server.origin}/v1.1`);
  });

  it('GET usage.json has the documented shape, computed from state', async () => {
    const res = await h.api('/usage.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await json(res);
    expect(body).toEqual({
      usage: {
        visitors: { online_now: 9, last_24_hrs: 10, last_30_days: 11 },
        agents: { today: expect.any(Number), last_30_days: 4 },
        session_counts: { now: 2, today: expect.any(Number), last_30_days: 9 },
        session_seconds: { today: expect.any(Number), last_30_days: 2791 },
      },
    });

    h.fake.updateVisitor(SEED_IDS.jane, {
      is_online: false,
      last_seen_at: new Date().toISOString(),
    });
    const after = (await json(await h.api('/usage.json'))) as {
      usage: { visitors: { online_now: number } };
    };
    expect(after.usage.visitors.online_now).toBe(8);
  });

  it('GET list.json returns every visitor without history, newest first', async () => {
    const res = await h.api('/list.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await json(res);
    expect(body.status).toBe('ok');
    const visitors = body.visitors as Record<string, unknown>[];
    expect(visitors).toHaveLength(11);
    for (const v of visitors) {
      expect(typeof v.short_id).toBe('string');
      expect(v).not.toHaveProperty('history');
      expect(v).not.toHaveProperty('_integrationIds');
    }
    const seen = visitors.map((v) => Date.parse(v.last_seen_at as string));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('GET visitors/:id.json returns the Upscope-shaped visitor with sessions', async () => {
    const res = await h.api(`/visitors/${SEED_IDS.jane}.json`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.status).toBe('ok');
    const visitor = body.visitor as Record<string, unknown>;
    expect(visitor).toMatchObject({
      short_id: SEED_IDS.jane,
      unique_id: 'user-1001',
      identities: ['Jane Doe', 'jane.doe@example.com'],
      is_online: true,
      is_in_session: false,
      device_type: 'desktop',
      tags: ['#customer', '#vip'],
      _type: 'visitor',
    });
    expect(visitor).not.toHaveProperty('history');
    expect(visitor).not.toHaveProperty('_integrationIds');
    const sessions = visitor.sessions as Record<string, unknown>[];
    expect(sessions.map((s) => s.formatted_length)).toEqual(['01:10', '1 minute']);
    expect(sessions[0]).toMatchObject({ video_status: 'ready', source: 'api', _type: 'session' });
    expect(sessions[1]?.agents).toEqual([
      { id: 7, name: 'Joe Smith', agent_identifier: 'ext-123', _type: 'external_agent' },
    ]);
    // The v1.1 example writes session times with a zone offset; the seed keeps one like that.
    expect(sessions[1]?.started_at).toMatch(/\+01:00$/);
  });

  it('GET visitors/:id.json?with_history=true adds pageviews with events and screenshots', async () => {
    const body = await json(await h.api(`/visitors/${SEED_IDS.maria}.json?with_history=true`));
    const visitor = body.visitor as Record<string, unknown>;
    expect(visitor).toMatchObject({
      email: 'maria.garcia@example.com',
      is_waiting_for_call: true,
      is_supported: true,
    });
    const history = visitor.history as Record<string, unknown>[];
    expect(history.length).toBeGreaterThanOrEqual(2);
    for (const pv of history) {
      expect(pv).toMatchObject({
        pageview_id: expect.any(String),
        url: expect.any(String),
        ts: expect.any(String),
      });
      expect((pv.events as unknown[]).length).toBeGreaterThan(0);
      const shot = pv.screenshot as Record<string, { url: string; width: number; height: number }>;
      for (const size of ['small', 'medium', 'large']) {
        expect(shot[size]?.url).toMatch(/^https:\/\/cdn\.upscope\.io\/fake-screens\/[\w-]+\.png$/);
      }
    }
    const plain = await json(await h.api(`/visitors/${SEED_IDS.maria}.json?with_history=false`));
    expect(plain.visitor).not.toHaveProperty('history');
  });

  it('404 for an unknown visitor', async () => {
    const res = await h.api('/visitors/NOPE0000.json');
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ status: 'error', error: 'not_found' });
  });

  it('DELETE visitors/:id.json removes the visitor; a second GET is 404', async () => {
    const del = await h.api(`/visitors/${SEED_IDS.tom}.json`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(await json(del)).toEqual({ status: 'ok' });
    expect((await h.api(`/visitors/${SEED_IDS.tom}.json`)).status).toBe(404);
    expect((await h.api(`/visitors/${SEED_IDS.tom}.json`, { method: 'DELETE' })).status).toBe(404);
  });

  it('DELETE visitors.json?all=true removes only offline visitors', async () => {
    const res = await h.api('/visitors.json?all=true', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok' });
    const left = shortIds(await json(await h.api('/list.json')));
    expect(left).toHaveLength(9);
    expect(left).not.toContain(SEED_IDS.tom);
    expect(left).not.toContain(SEED_IDS.samDesktopOffline);
    expect(left).toContain(SEED_IDS.samMobile);

    const noFlag = await h.api('/visitors.json', { method: 'DELETE' });
    expect(noFlag.status).toBe(400);
  });

  it('unknown path → 404, wrong method → 405', async () => {
    const unknown = await h.api('/nothing.json');
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ status: 'error', error: 'not_found' });
    expect((await h.api('/v2/list.json')).status).toBe(404);
    const wrong = await h.api('/list.json', { method: 'POST', body: '{}' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('never serialises fake-only fields, and serves hostile data verbatim', async () => {
    const body = await json(await h.api(`/visitors/${SEED_IDS.hostile}.json?with_history=true`));
    const text = JSON.stringify(body);
    expect(text).not.toContain('_integrationIds');
    expect(text).not.toContain('_token');
    const visitor = body.visitor as Record<string, unknown>;
    expect(visitor).toMatchObject({
      email: 'hostile@example.com',
      name: HOSTILE_PAYLOAD,
      last_url: 'javascript:alert(1)',
    });
    expect(text).toContain('data:text/html,');
  });

  it('answers a CORS preflight without recording it', async () => {
    const res = await fetch(`${h.server.baseUrl}/list.json`, {
      method: 'OPTIONS',
      headers: { origin: 'https://acme.zendesk.com', 'access-control-request-method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(h.fake.requests).toHaveLength(0);
    const get = await h.api('/list.json');
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('fake Upscope over HTTP: usage with a fixed clock', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const h = useFakeServer({ now: () => now });

  it('counts today from midnight UTC', async () => {
    const body = await json(await h.api('/usage.json'));
    expect(body.usage).toEqual({
      visitors: { online_now: 9, last_24_hrs: 10, last_30_days: 11 },
      agents: { today: 4, last_30_days: 4 },
      session_counts: { now: 2, today: 4, last_30_days: 9 },
      session_seconds: { today: 466, last_30_days: 2791 },
    });
  });
});

describe('fake Upscope over HTTP: authentication', () => {
  const h = useFakeServer({ apiKeys: { 'demo-key': 'ok', 'k-over': 'over_plan_limits' } });

  it('401 invalid_api_key without a key or with an unknown one', async () => {
    for (const key of [null, 'nope']) {
      const res = await h.api('/list.json', { key });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await json(res)).toEqual({ status: 'error', error: 'invalid_api_key' });
    }
  });

  it.each([
    'subscription_expired',
    'no_subscription',
    'api_not_enabled',
    'please_contact_team',
  ] as const)('401 %s for a key in that state, on every endpoint', async (state) => {
    h.fake.setKey('k-state', state);
    const calls: [string, RequestInit][] = [
      ['/usage.json', {}],
      ['/list.json', {}],
      [`/visitors/${SEED_IDS.jane}.json`, {}],
      [`/visitors/${SEED_IDS.jane}.json`, { method: 'DELETE' }],
      [
        `/visitors/${SEED_IDS.jane}/watch_url.json`,
        { method: 'POST', body: '{"agent":{"id":"1","name":"A"}}' },
      ],
    ];
    for (const [path, init] of calls) {
      const res = await h.api(path, { ...init, key: 'k-state' });
      expect(res.status).toBe(401);
      expect(await json(res)).toEqual({ status: 'error', error: state });
    }
    // Denied requests change nothing.
    expect(h.fake.getVisitor(SEED_IDS.jane)).toBeDefined();
  });

  it('a revoked key stops working; setKey brings it back', async () => {
    h.fake.revokeKey('demo-key');
    expect((await h.api('/list.json')).status).toBe(401);
    h.fake.setKey('demo-key', 'ok');
    expect((await h.api('/list.json')).status).toBe(200);
  });

  it('over_plan_limits can read but gets 402 payment_required on watch_url', async () => {
    expect((await h.api('/list.json', { key: 'k-over' })).status).toBe(200);
    const res = await h.api(`/visitors/${SEED_IDS.jane}/watch_url.json`, {
      key: 'k-over',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agent: { id: '1', name: 'Ana' } }),
    });
    expect(res.status).toBe(402);
    expect(await json(res)).toEqual({ status: 'error', error: 'payment_required' });
    expect(h.fake.watchSessions).toHaveLength(0);
  });
});

describe('fake Upscope over HTTP: watch_url', () => {
  const h = useFakeServer();
  const post = (id: string, body: unknown) =>
    h.api(`/visitors/${id}/watch_url.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('returns a watch URL, records the body and marks the visitor in a session', async () => {
    const requestBody = {
      branding: {
        naked: true,
        retry_url: 'https://helpdesk.example.com/retry',
        no_bottom_bar: false,
      },
      agent: { id: '123', name: 'Joe Smith' },
      permissions: { allow_click: true, allow_type: false },
      metadata: { ticket: '42' },
    };
    const res = await post(SEED_IDS.jane, requestBody);
    expect(res.status).toBe(200);
    const body = (await json(res)) as { watch_url: string };
    expect(body.watch_url).toMatch(/^https:\/\/o\.upscope\.io\/\?session=[\w-]{8,}$/);
    expect(h.fake.watchSessions).toHaveLength(1);
    expect(h.fake.watchSessions[0]).toMatchObject({
      shortId: SEED_IDS.jane,
      body: requestBody,
      watchUrl: body.watch_url,
    });

    const visitor = (await json(await h.api(`/visitors/${SEED_IDS.jane}.json`))).visitor as Record<
      string,
      unknown
    >;
    expect(visitor.is_in_session).toBe(true);
    const sessions = visitor.sessions as Record<string, unknown>[];
    expect(sessions[0]).toMatchObject({
      source: 'api',
      ended_at: null,
      agents: [{ id: '123', name: 'Joe Smith', agent_identifier: '123', _type: 'external_agent' }],
    });
    expect(JSON.stringify(visitor)).not.toContain('_token');

    // Two calls hand out two different tokens.
    const second = (await json(await post(SEED_IDS.jane, requestBody))) as { watch_url: string };
    expect(second.watch_url).not.toBe(body.watch_url);
  });

  it.each([
    ['no agent', { branding: { naked: true } }],
    ['agent without id', { agent: { name: 'Joe' } }],
    ['agent without name', { agent: { id: '1' } }],
    ['empty agent name', { agent: { id: '1', name: '  ' } }],
    ['numeric agent id', { agent: { id: 1, name: 'Joe' } }],
    ['branding.naked not boolean', { agent: { id: '1', name: 'Joe' }, branding: { naked: 'yes' } }],
    ['nested metadata', { agent: { id: '1', name: 'Joe' }, metadata: { a: { b: 1 } } }],
    ['invalid JSON', '{"agent":'],
    ['empty body', ''],
  ])('400 invalid_params for %s', async (_label, body) => {
    const res = await post(SEED_IDS.jane, body);
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ status: 'error', error: 'invalid_params' });
    expect(h.fake.watchSessions).toHaveLength(0);
    expect(h.fake.requests.at(-1)?.status).toBe(400);
  });

  it('404 for an unknown or offline visitor', async () => {
    const agent = { agent: { id: '1', name: 'Joe' } };
    expect((await post('NOPE0000', agent)).status).toBe(404);
    expect((await post(SEED_IDS.tom, agent)).status).toBe(404);
  });

  it('the watch URL opens a page that names the visitor as text', async () => {
    h.fake.watchOrigin = h.server.origin;
    try {
      const { watch_url } = (await json(
        await post(SEED_IDS.hostile, { agent: { id: '9', name: '<b>Ana</b>' } }),
      )) as {
        watch_url: string;
      };
      expect(watch_url.startsWith(h.server.origin)).toBe(true);
      const page = await fetch(watch_url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('<title>Co-browsing session</title>');
      expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
      expect(html).not.toContain(HOSTILE_PAYLOAD);
      expect(html).not.toContain('<b>Ana</b>');
      expect((await fetch(`${h.server.origin}/?session=unknown`)).status).toBe(404);
    } finally {
      h.fake.watchOrigin = 'https://o.upscope.io';
    }
  });

  it('the watch page says it stands in for the viewer and shows what the session started with', async () => {
    h.fake.watchOrigin = h.server.origin;
    try {
      const { watch_url } = (await json(
        await post(SEED_IDS.jane, {
          agent: { id: 'a-7', name: 'Joe Smith' },
          branding: { naked: true, retry_url: 'https://x.example/?a=1&b="2"', no_bottom_bar: null },
          permissions: { allow_click: false },
          metadata: { ticket: '<i>42</i>' },
        }),
      )) as { watch_url: string };
      const html = await (await fetch(watch_url)).text();
      expect(html).toContain('stands in for Upscope’s co-browsing viewer');
      expect(html).toContain('<strong id="visitor">Jane Doe</strong>');
      expect(html).toContain('<span id="agent">Joe Smith</span>');
      expect(html).toContain('<dt>id</dt><dd>a-7</dd>');
      expect(html).toContain('<dt>naked</dt><dd>yes</dd>');
      expect(html).toContain('<dt>no_bottom_bar</dt><dd>not set</dd>');
      expect(html).toContain('https://x.example/?a=1&#38;b=&#34;2&#34;');
      expect(html).toContain('<dt>allow_click</dt><dd>no</dd>');
      expect(html).toContain('&#60;i&#62;42&#60;/i&#62;');
      expect(html).not.toContain('<i>');
      expect(html).not.toMatch(/<(?:script|link|img)\b|https?:\/\/(?!x\.example)/);

      const link = await (await fetch(`${h.server.origin}/w/${SEED_IDS.jane}`)).text();
      expect(link).toContain('<strong id="visitor">Jane Doe</strong>');
      expect(link).not.toContain('id="agent"');
    } finally {
      h.fake.watchOrigin = 'https://o.upscope.io';
    }
  });
});

describe('fake Upscope over HTTP: assets and recording', () => {
  const h = useFakeServer();

  it('serves any fake screenshot as a small valid PNG, without recording it', async () => {
    const res = await fetch(`${h.server.origin}/fake-screens/maria-home-small.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeLessThan(1024);
    expect((await fetch(`${h.server.origin}/fake-screens/a%2Fb.png`)).status).toBe(404);
    expect(h.fake.requests).toHaveLength(0);
  });

  it('records every API request, denied ones included', async () => {
    await h.api('/list.json?search=%23vip');
    await h.api('/usage.json', { key: 'wrong' });
    await h.api(`/visitors/${SEED_IDS.jane}/watch_url.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agent: { id: '1', name: 'Ana' } }),
    });
    expect(h.fake.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/v1.1/list.json', 200],
      ['GET', '/v1.1/usage.json', 401],
      ['POST', `/v1.1/visitors/${SEED_IDS.jane}/watch_url.json`, 200],
    ]);
    const [list, usage, watch] = h.fake.requests;
    expect(list?.query).toEqual({ search: '#vip' });
    expect(list?.headers['x-api-key']).toBe('demo-key');
    expect(list?.body).toBeNull();
    expect(usage?.headers['x-api-key']).toBe('wrong');
    expect(watch?.body).toEqual({ agent: { id: '1', name: 'Ana' } });
    expect(watch?.headers['content-type']).toBe('application/json');
    expect(typeof watch?.at).toBe('number');
  });

  it('reset() restores the seed and clears records', async () => {
    await h.api(`/visitors/${SEED_IDS.jane}.json`, { method: 'DELETE' });
    h.fake.injectFault({ status: 500, times: Infinity });
    h.fake.reset();
    expect(h.fake.requests).toHaveLength(0);
    expect(h.fake.pendingFaults()).toHaveLength(0);
    expect((await h.api(`/visitors/${SEED_IDS.jane}.json`)).status).toBe(200);
  });
});
