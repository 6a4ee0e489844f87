import { describe, expect, it } from 'vitest';
import {
  AgentSchema,
  DEVICE_TYPES,
  ErrorBodySchema,
  MAX_UNREADABLE_PATHS,
  PageviewSchema,
  readVisitorList,
  ScreenshotSchema,
  SessionSchema,
  UsageResponseSchema,
  VIDEO_STATUSES,
  VisitorListResponseSchema,
  VisitorResponseSchema,
  VisitorSchema,
} from '../../../src/api';
import { watchUrlResponseSchema } from '../../../src/api/watch-url';
import {
  AUTH_ERROR_JSON,
  LIST_JSON,
  SCREENSHOT_JSON,
  USAGE_JSON,
  USERVIEW_VISITOR_JSON,
  VISITOR_JSON,
  WATCH_URL_JSON,
} from './seed-examples';

const parse = (text: string): unknown => JSON.parse(text);

function nullsFor(shape: Record<string, unknown>, except: string[] = []) {
  return Object.fromEntries(
    Object.keys(shape)
      .filter((key) => !except.includes(key))
      .map((key) => [key, null]),
  );
}

describe('seed examples', () => {
  it('reads the Upscope visitor example completely', () => {
    const { visitor } = VisitorResponseSchema.parse(parse(VISITOR_JSON));
    // Nothing is dropped or altered: the parsed visitor equals the document's JSON.
    expect(visitor).toEqual((parse(VISITOR_JSON) as { visitor: unknown }).visitor);
    expect(visitor.short_id).toBe('ABCD1234');
    expect(visitor.sessions?.[0]?.agents?.[0]?.agent_identifier).toBe('ext-123');
    expect(visitor.sessions?.[0]?.team?.domain).toBe('upscope.io');
  });

  it('reads the UserView visitor with history, screenshots and events', () => {
    const { visitor } = VisitorResponseSchema.parse(parse(USERVIEW_VISITOR_JSON));
    expect(visitor).toEqual((parse(USERVIEW_VISITOR_JSON) as { visitor: unknown }).visitor);
    expect(visitor.is_waiting_for_call).toBe(true);
    expect(visitor.nickname).toBe('jane');
    const pageview = visitor.history?.[0];
    expect(pageview?.screenshot?.large?.url).toBe('https://example.com/400x400.png');
    expect(pageview?.events?.[0]?.title).toBe('Live chat conversation started');
    const session = visitor.sessions?.[0];
    expect(session?.id).toBe('s-1001');
    expect(session?.video_status).toBe('ready');
    expect(session?.agents?.[0]?.external_id).toBe('ext-9');
  });

  it('reads the usage, list, watch_url, error and screenshot examples', () => {
    const { usage } = UsageResponseSchema.parse(parse(USAGE_JSON));
    expect(usage.visitors?.online_now).toBe(100);
    expect(usage.session_seconds?.last_30_days).toBe(10000);
    expect(VisitorListResponseSchema.parse(parse(LIST_JSON)).visitors[0]?.short_id).toBe('1234');
    expect(watchUrlResponseSchema(false).parse(parse(WATCH_URL_JSON)).watch_url).toBe(
      'https://o.upscope.io?xyz',
    );
    expect(ErrorBodySchema.parse(parse(AUTH_ERROR_JSON)).error).toBe('invalid_api_key');
    expect(ScreenshotSchema.parse(parse(SCREENSHOT_JSON))).toEqual(parse(SCREENSHOT_JSON));
  });
});

describe('VisitorSchema', () => {
  it('accepts a visitor with only a short_id', () => {
    expect(VisitorSchema.parse({ short_id: 'x' })).toEqual({ short_id: 'x' });
  });

  it('accepts null for every field but short_id, at every level', () => {
    expect(() =>
      VisitorSchema.parse({ ...nullsFor(VisitorSchema.shape, ['short_id']), short_id: 'x' }),
    ).not.toThrow();
    expect(SessionSchema.safeParse(nullsFor(SessionSchema.shape)).success).toBe(true);
    expect(AgentSchema.safeParse(nullsFor(AgentSchema.shape)).success).toBe(true);
    expect(PageviewSchema.safeParse(nullsFor(PageviewSchema.shape)).success).toBe(true);
    expect(ScreenshotSchema.safeParse(nullsFor(ScreenshotSchema.shape)).success).toBe(true);
  });

  it('covers every documented visitor attribute of both documents', () => {
    const documented = [
      ...['short_id', 'api_key', 'browser_name', 'device_name', 'device_type', 'first_seen_at'],
      ...['identities', 'integration', 'ip_address', 'is_in_session', 'is_online'],
      ...['js_configuration', 'last_seen_at', 'last_url', 'location_city', 'location_country'],
      ...['location_country_name', 'lookup_code', 'tags', 'unique_id', 'sessions', '_type'],
      ...['added_at', 'call_name', 'email', 'history', 'is_supported', 'is_waiting_for_call'],
      ...['name', 'nickname', 'watch_link'],
    ];
    expect(Object.keys(VisitorSchema.shape).sort()).toEqual([...documented].sort());
  });

  it('keeps unknown fields at every level', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      new_field: { a: 1 },
      sessions: [{ id: 1, session_extra: true, agents: [{ id: 2, agent_extra: 'y' }] }],
      history: [{ url: 'https://a.example', pv_extra: 3, events: [{ title: 't', ev_extra: 4 }] }],
    });
    expect(visitor.new_field).toEqual({ a: 1 });
    expect(visitor.sessions?.[0]?.session_extra).toBe(true);
    expect(visitor.sessions?.[0]?.agents?.[0]?.agent_extra).toBe('y');
    expect(visitor.history?.[0]?.pv_extra).toBe(3);
    expect(visitor.history?.[0]?.events?.[0]?.ev_extra).toBe(4);
  });

  it.each([
    ['missing', {}],
    ['null', { short_id: null }],
    ['empty', { short_id: '' }],
    ['a path', { short_id: '../usage' }],
    ['spaced', { short_id: 'AB CD' }],
    ['dotted', { short_id: 'a.json' }],
    ['too long', { short_id: 'x'.repeat(65) }],
    ['a fraction', { short_id: 12.5 }],
    ['negative', { short_id: -3 }],
    ['an object', { short_id: { id: 'x' } }],
    ['a list', { short_id: ['x'] }],
  ])('rejects a visitor whose short_id is %s', (_label, input) => {
    expect(VisitorSchema.safeParse(input).success).toBe(false);
  });

  it('reads a whole-number short_id as its digits', () => {
    expect(VisitorSchema.parse({ short_id: 1234 }).short_id).toBe('1234');
    expect(VisitorSchema.parse({ short_id: 0 }).short_id).toBe('0');
  });

  it('accepts undocumented device types and video statuses, and lists the documented ones', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      device_type: 'vr-headset',
      sessions: [{ id: 1, video_status: 'transcoding', source: 3 }],
    });
    expect(visitor.device_type).toBe('vr-headset');
    expect(visitor.sessions?.[0]?.video_status).toBe('transcoding');
    expect(visitor.sessions?.[0]?.source).toBe(3);
    expect(DEVICE_TYPES).toContain('smarttv');
    expect(VIDEO_STATUSES).toContain('not_available');
  });

  it('drops one unreadable nested item and keeps the rest of the visitor', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      is_online: true,
      history: ['junk', { url: 'https://a.example', events: [7, { title: 'ok' }] }, null],
      sessions: ['junk', [1], null, { id: 2, team: 'not-an-object' }, { id: 3 }],
      tags: ['#vip', 7],
    });
    expect(visitor.is_online).toBe(true);
    expect(visitor.history).toEqual([{ url: 'https://a.example', events: [{ title: 'ok' }] }]);
    expect(visitor.sessions).toEqual([{ id: 2, team: null }, { id: 3 }]);
    expect(visitor.tags).toEqual(['#vip']);
  });

  it('reads a numeric lookup code or unique id as a string', () => {
    const visitor = VisitorSchema.parse({ short_id: 'x', lookup_code: 4821, unique_id: 55 });
    expect(visitor.lookup_code).toBe('4821');
    expect(visitor.unique_id).toBe('55');
  });

  it('reads epoch datetimes (seconds or milliseconds) as ISO strings, and refuses absurd ones', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      last_seen_at: 1_700_000_000,
      first_seen_at: 1_700_000_000_000,
    });
    expect(visitor.last_seen_at).toBe('2023-11-14T22:13:20.000Z');
    expect(visitor.first_seen_at).toBe('2023-11-14T22:13:20.000Z');
    expect(VisitorSchema.parse({ short_id: 'x', last_seen_at: 1e300 }).last_seen_at).toBeNull();
  });
});

describe('fields of the wrong type', () => {
  it('reads one string where a list of strings is expected as a list of one', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      identities: 'Joe Smith',
      tags: '#customer',
      sessions: [{ id: 1, features_used: 'click' }],
    });
    expect(visitor.identities).toEqual(['Joe Smith']);
    expect(visitor.tags).toEqual(['#customer']);
    expect(visitor.sessions?.[0]?.features_used).toEqual(['click']);
    expect(VisitorSchema.parse({ short_id: 'x', identities: '' }).identities).toEqual([]);
  });

  it('reads numeric ids as strings where the documents say string', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      unique_id: 1001,
      lookup_code: 4821,
      sessions: [
        { id: 7, visitor_id: 1234, agents: [{ id: 3, external_id: 9, agent_identifier: 8 }] },
      ],
      history: [{ pageview_id: 55, events: [{ uuid: 66 }] }],
    });
    expect(visitor.unique_id).toBe('1001');
    expect(visitor.lookup_code).toBe('4821');
    const session = visitor.sessions?.[0];
    // A session's, agent's or team's id is a number in one document and a string in the other.
    expect(session?.id).toBe(7);
    expect(session?.visitor_id).toBe('1234');
    expect(session?.agents?.[0]).toEqual({ id: 3, external_id: '9', agent_identifier: '8' });
    expect(visitor.history?.[0]?.pageview_id).toBe('55');
    expect(visitor.history?.[0]?.events?.[0]?.uuid).toBe('66');
  });

  it('reads counters and sizes sent as strings as numbers', () => {
    const session = SessionSchema.parse({
      length_seconds: '91',
      call_length_seconds: ' 12 ',
      formatted_length: '1 minute',
    });
    expect(session.length_seconds).toBe(91);
    expect(session.call_length_seconds).toBe(12);
    expect(session.formatted_length).toBe('1 minute');
    const shot = ScreenshotSchema.parse({
      small: { url: 'https://a.example/s.png', width: '100', height: '2.5' },
    });
    expect(shot.small).toEqual({ url: 'https://a.example/s.png', width: 100, height: 2.5 });
    for (const odd of ['', 'ninety', '1e3', '0x10', true, {}, []]) {
      expect(SessionSchema.parse({ length_seconds: odd }).length_seconds, String(odd)).toBeNull();
    }
  });

  it('reads "true" and "false" as booleans and other odd flags as null', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      is_online: 'true',
      is_in_session: 'false',
      is_waiting_for_call: 'yes',
      js_configuration: 1,
    });
    expect(visitor.is_online).toBe(true);
    expect(visitor.is_in_session).toBe(false);
    expect(visitor.is_waiting_for_call).toBeNull();
    expect(visitor.js_configuration).toBeNull();
  });

  it('reads text, datetimes and objects of the wrong type as null and keeps the visitor', () => {
    const visitor = VisitorSchema.parse({
      short_id: 'x',
      is_online: true,
      location_country: 840,
      email: ['a@example.com'],
      name: { first: 'Joe' },
      last_seen_at: true,
      identities: 5,
      sessions: 'none',
      history: { url: 'https://a.example' },
      new_field: 'kept',
    });
    expect(visitor).toEqual({
      short_id: 'x',
      is_online: true,
      location_country: null,
      email: null,
      name: null,
      last_seen_at: null,
      identities: null,
      sessions: null,
      history: null,
      new_field: 'kept',
    });
    const pageview = PageviewSchema.parse({
      url: 'https://a.example',
      screenshot: 'broken',
      ts: 'x',
    });
    expect(pageview).toEqual({ url: 'https://a.example', screenshot: null, ts: 'x' });
  });

  it('reads its own output back unchanged (visitors are cached and re-read)', () => {
    const once = VisitorSchema.parse({
      short_id: 4711,
      identities: 'Joe',
      location_country: 840,
      is_online: 'true',
      last_seen_at: 1_700_000_000,
      sessions: ['junk', { id: '9', length_seconds: '30', team: 1 }],
    });
    expect(VisitorSchema.parse(once)).toEqual(once);
  });
});

describe('response envelopes', () => {
  it('rejects a list whose visitors is not an array', () => {
    expect(VisitorListResponseSchema.safeParse({ status: 'ok', visitors: {} }).success).toBe(false);
  });

  it('keeps every visitor it can read and counts the others, naming paths but no values', () => {
    const { visitors, unreadable } = VisitorListResponseSchema.parse({
      status: 'ok',
      visitors: [
        { short_id: 'a', identities: 'Joe' },
        { name: 'no id, secret-name' },
        { short_id: 'has space secret' },
        'secret-string',
        null,
        { short_id: 42, location_country: 840 },
      ],
    });
    expect(visitors).toEqual([
      { short_id: 'a', identities: ['Joe'] },
      { short_id: '42', location_country: null },
    ]);
    expect(unreadable.count).toBe(4);
    expect(unreadable.paths).toEqual([
      'visitors[1].short_id',
      'visitors[2].short_id',
      'visitors[3]',
      'visitors[4]',
    ]);
    expect(JSON.stringify(unreadable)).not.toContain('secret');
  });

  it('reports nothing unreadable when every visitor reads', () => {
    const { unreadable } = VisitorListResponseSchema.parse(parse(LIST_JSON));
    expect(unreadable).toEqual({ count: 0, paths: [] });
  });

  it('counts every unreadable visitor but names at most a few paths', () => {
    const values = Array.from({ length: MAX_UNREADABLE_PATHS + 5 }, () => ({ short_id: null }));
    const { visitors, unreadable } = readVisitorList([{ short_id: 'ok' }, ...values]);
    expect(visitors).toHaveLength(1);
    expect(unreadable.count).toBe(MAX_UNREADABLE_PATHS + 5);
    expect(unreadable.paths).toHaveLength(MAX_UNREADABLE_PATHS);
    expect(unreadable.paths[0]).toBe('visitors[1].short_id');
  });

  it('rejects a visitor response without a visitor, or with another status', () => {
    expect(VisitorResponseSchema.safeParse({ status: 'ok' }).success).toBe(false);
    expect(
      VisitorResponseSchema.safeParse({ status: 'pending', visitor: { short_id: 'x' } }).success,
    ).toBe(false);
  });

  it('reads usage counters sent as strings as numbers, and odd ones as null', () => {
    const { usage } = UsageResponseSchema.parse({
      usage: {
        visitors: { online_now: '100', last_24_hrs: '1000', last_30_days: 40000 },
        agents: 'n/a',
        session_counts: { now: '3', today: 'many', last_30_days: '100' },
        session_seconds: { today: '400', last_30_days: '10000', extra: 'kept' },
      },
    });
    expect(usage).toEqual({
      visitors: { online_now: 100, last_24_hrs: 1000, last_30_days: 40000 },
      agents: null,
      session_counts: { now: 3, today: null, last_30_days: 100 },
      session_seconds: { today: 400, last_30_days: 10000, extra: 'kept' },
    });
  });

  it('accepts usage with counters missing or null', () => {
    const { usage } = UsageResponseSchema.parse({
      usage: { visitors: { online_now: null }, agents: null },
    });
    expect(usage.visitors?.online_now).toBeNull();
    expect(UsageResponseSchema.safeParse({}).success).toBe(false);
  });
});
