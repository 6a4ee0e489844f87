import { describe, expect, it } from 'vitest';
import {
  AgentSchema,
  DEVICE_TYPES,
  ErrorBodySchema,
  PageviewSchema,
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
    ['a number', { short_id: 1234 }],
  ])('rejects a visitor whose short_id is %s', (_label, input) => {
    expect(VisitorSchema.safeParse(input).success).toBe(false);
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
      history: ['junk', { url: 'https://a.example', events: [{ title: 5 }, { title: 'ok' }] }],
      sessions: [{ id: { nested: true } }, { id: 2, team: 'not-an-object' }, { id: 3 }],
      tags: ['#vip', 7],
    });
    expect(visitor.is_online).toBe(true);
    expect(visitor.history).toHaveLength(1);
    expect(visitor.history?.[0]?.events).toEqual([{ title: 'ok' }]);
    expect(visitor.sessions?.map((s) => s.id)).toEqual([3]);
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
    expect(VisitorSchema.safeParse({ short_id: 'x', last_seen_at: 1e300 }).success).toBe(false);
  });

  it('rejects a documented field of the wrong type, naming the field', () => {
    const result = VisitorSchema.safeParse({ short_id: 'x', is_online: 'yes' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['is_online']);
  });
});

describe('response envelopes', () => {
  it('rejects a list whose visitors is not an array', () => {
    expect(VisitorListResponseSchema.safeParse({ status: 'ok', visitors: {} }).success).toBe(false);
  });

  it('rejects a list when any visitor has no short_id', () => {
    const result = VisitorListResponseSchema.safeParse({
      status: 'ok',
      visitors: [{ short_id: 'a' }, { name: 'no id' }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['visitors', 1, 'short_id']);
  });

  it('rejects a visitor response without a visitor, or with another status', () => {
    expect(VisitorResponseSchema.safeParse({ status: 'ok' }).success).toBe(false);
    expect(
      VisitorResponseSchema.safeParse({ status: 'pending', visitor: { short_id: 'x' } }).success,
    ).toBe(false);
  });

  it('accepts usage with counters missing or null', () => {
    const { usage } = UsageResponseSchema.parse({
      usage: { visitors: { online_now: null }, agents: null },
    });
    expect(usage.visitors?.online_now).toBeNull();
    expect(UsageResponseSchema.safeParse({}).success).toBe(false);
  });
});
