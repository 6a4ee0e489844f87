import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpscopeClient, type UnreadableVisitors, type UpscopeClient } from '../../src/api';
import {
  DEMO_API_KEY,
  FakeUpscope,
  ODD_IDS,
  ODD_READABLE_IDS,
  oddVisitors,
  startFakeUpscopeServer,
  type FakeUpscopeServer,
} from '../fake-upscope';

// The real client against the fake Upscope server over real HTTP, with the fake sending what a
// real server may: numbers where the documents say strings, one string for a list, counters as
// strings, unreadable sessions and pageviews, and visitors without a usable short_id.

let fake: FakeUpscope;
let server: FakeUpscopeServer;
let api: UpscopeClient;
const reports: UnreadableVisitors[] = [];

beforeAll(async () => {
  fake = new FakeUpscope();
  server = await startFakeUpscopeServer(fake);
  api = createUpscopeClient({
    baseUrl: server.baseUrl,
    apiKey: DEMO_API_KEY,
    timeoutMs: 2_000,
    sleep: async () => {},
    onUnreadable: (report) => reports.push(report),
  });
});
beforeEach(() => {
  fake.reset();
  for (const visitor of oddVisitors(fake.now())) fake.upsertVisitor(visitor);
  reports.length = 0;
});
afterAll(async () => {
  await server.close();
});

describe('a search with one odd visitor per oddity', () => {
  it('returns every readable visitor, with the odd fields coerced or null', async () => {
    const visitors = await api.searchVisitors('oddity');
    expect(visitors.map((v) => v.short_id).sort()).toEqual([...ODD_READABLE_IDS].sort());
    const byId = new Map(visitors.map((v) => [v.short_id, v]));

    expect(byId.get(ODD_IDS.identitiesString)?.identities).toEqual(['odd.identity@example.com']);
    expect(byId.get(ODD_IDS.countryNumber)).toMatchObject({
      name: 'Oddity Country',
      is_online: true,
      location_country: null,
    });
    expect(byId.get(ODD_IDS.numericShortId)?.short_id).toBe('4711');
    expect(byId.get(ODD_IDS.stringTypes)).toMatchObject({
      is_online: true,
      is_in_session: false,
      unique_id: '90210',
      tags: ['#odd'],
      js_configuration: null,
    });
    const sessions = byId.get(ODD_IDS.oddSessions)?.sessions;
    expect(sessions).toHaveLength(1);
    expect(sessions?.[0]).toMatchObject({
      id: '77',
      length_seconds: 91,
      call_length_seconds: 0,
      went_live: true,
      features_used: ['click'],
      team: null,
      agents: [{ id: 12, name: 'Raj Mehta', external_id: '88' }],
    });
    expect(sessions?.[0]?.ended_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('drops the unreadable visitors, counts them and names only the failing fields', async () => {
    await api.searchVisitors('oddity');
    expect(reports).toHaveLength(1);
    expect(reports[0]?.count).toBe(2);
    expect(reports[0]?.paths).toHaveLength(2);
    for (const path of reports[0]?.paths ?? []) expect(path).toMatch(/^visitors\[\d+\]\.short_id$/);
    expect(JSON.stringify(reports)).not.toMatch(/Oddity|usage|odd id/);
  });

  it('warns on the console by default, with the count and paths but no visitor data', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const plain = createUpscopeClient({ baseUrl: server.baseUrl, apiKey: DEMO_API_KEY });
      expect(await plain.searchVisitors('oddity')).toHaveLength(ODD_READABLE_IDS.length);
      expect(warn).toHaveBeenCalledTimes(1);
      const text = warn.mock.calls.flat().map(String).join(' ');
      expect(text).toContain('2 visitors');
      expect(text).toMatch(/visitors\[\d+\]\.short_id, visitors\[\d+\]\.short_id/);
      expect(text).not.toMatch(/Oddity|odd id/);
    } finally {
      warn.mockRestore();
    }
  });

  it('reports nothing when every visitor reads', async () => {
    expect((await api.searchVisitors('sam.lee@example.com')).length).toBe(3);
    expect(reports).toEqual([]);
  });
});

describe('a visitor whose short_id comes as a number', () => {
  it('can be fetched and started from the id the list gave', async () => {
    const [listed] = await api.searchVisitors('Numeric');
    expect(listed?.short_id).toBe('4711');

    const visitor = await api.getVisitor(listed?.short_id ?? '');
    expect(visitor.short_id).toBe('4711');
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v1.1/visitors/4711.json', status: 200 });

    const watchUrl = await api.createWatchUrl(visitor.short_id, {
      agent: { id: 'a-1', name: 'Joe Agent' },
    });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1.1/visitors/4711/watch_url.json',
      status: 200,
    });
    expect(fake.watchSessions.at(-1)).toMatchObject({ shortId: '4711', watchUrl });
    expect(fake.getVisitor('4711')?.is_in_session).toBe(true);
  });
});

describe('visitor details from a real server', () => {
  it('drop an unreadable session or pageview, not the visitor', async () => {
    const visitor = await api.getVisitor(ODD_IDS.oddSessions, { withHistory: true });
    expect(visitor.name).toBe('Oddity Sessions');
    expect(visitor.sessions?.map((s) => s.id)).toEqual(['77']);
    expect(visitor.history).toHaveLength(1);
    const pageview = visitor.history?.[0];
    expect(pageview).toMatchObject({
      pageview_id: '314',
      url: 'https://shop.example.com/odd',
      screenshot: null,
    });
    expect(pageview?.ts).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(pageview?.events?.map((e) => e.title)).toEqual(['Opened the cart']);
  });
});

describe('usage counters sent as strings', () => {
  it('read as the same numbers', async () => {
    const asNumbers = await api.getUsage();
    fake.setUsageCounters('string');
    const asStrings = await api.getUsage();
    expect(fake.requests.at(-1)?.status).toBe(200);
    expect(asStrings).toEqual(asNumbers);
    expect(asStrings.session_counts?.now).toBe(2);
    expect(typeof asStrings.visitors?.online_now).toBe('number');
  });
});
