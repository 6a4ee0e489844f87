/**
 * Seed visitors for the fake Upscope / UserView API.
 *
 * Records are loosely typed on purpose: the vendor mixes two shapes (Upscope
 * visitors and UserView visitors with extra fields) and adds fields over time,
 * so clients must cope with missing, null and unknown attributes. Every
 * timestamp is relative to `now`, so "online" and "last seen 3h ago" stay true
 * whenever the tests run.
 *
 * Keys starting with `_` (other than the vendor's own `_type`) are fake-only
 * bookkeeping and are never serialised into responses.
 */

export type FakeJson = Record<string, unknown>;

export interface FakeVisitorRecord {
  short_id: string;
  is_online?: boolean | null;
  is_in_session?: boolean | null;
  last_seen_at?: string | null;
  email?: string | null;
  name?: string | null;
  nickname?: string | null;
  identities?: string[] | null;
  unique_id?: string | null;
  lookup_code?: string | null;
  ip_address?: string | null;
  tags?: string[] | null;
  sessions?: FakeJson[] | null;
  history?: FakeJson[] | null;
  /** Ids the website's SDK reported for other platforms; searchable, never serialised. */
  _integrationIds?: Record<string, string>;
  /**
   * Fields as the API sends them, in place of the record's own, so a test can make the fake send
   * what a real server might (a number where the docs say string, one string for a list, no
   * short_id at all). The record keeps its own values for searching, lookups and sessions;
   * `undefined` leaves the field out; `history` replaces the pageviews only when they are asked for.
   */
  _sendAs?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The payload the hostile seed visitor carries in most text fields. */
export const HOSTILE_PAYLOAD = '<img src=x onerror=alert(1)>';

/** Public key the vendor echoes back in `visitor.api_key` (not a secret). */
export const SEED_PUBLIC_API_KEY = 'pk_fake_4f9c1e7b';

export const SEED_IDS = {
  jane: 'JD7K2P9Q',
  tom: 'TB3OFFL1',
  maria: 'MG5WAIT1',
  priya: 'PP6INSES',
  samMobile: 'SL1MOBIL',
  samDesktopOffline: 'SL2DESKO',
  samDesktopInSession: 'SL3DESKS',
  lookupCode: 'LC7CODE1',
  unsupported: 'UN8SUPP0',
  integration: 'AK9INTEG',
  hostile: 'HX0EVIL1',
} as const;

export const SCREEN_BASE_URL = 'https://cdn.upscope.io/fake-screens/';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const TEAM = { id: 1, domain: 'example.com', _type: 'team' } as const;

function ago(now: Date, ms: number): string {
  return new Date(now.getTime() - ms).toISOString();
}

function plus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** The REST v1.1 example writes session times with a zone offset; keep one like that. */
function withOffset(iso: string, offsetMinutes: number): string {
  const shifted = new Date(Date.parse(iso) + offsetMinutes * MINUTE).toISOString().slice(0, 19);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${shifted}.000${sign}${hh}:${mm}`;
}

function screenshot(name: string): FakeJson {
  return {
    small: { url: `${SCREEN_BASE_URL}${name}-small.png`, width: 160, height: 100 },
    medium: { url: `${SCREEN_BASE_URL}${name}-medium.png`, width: 320, height: 200 },
    large: { url: `${SCREEN_BASE_URL}${name}-large.png`, width: 1280, height: 800 },
  };
}

function event(uuid: string, title: string, icon: string, ts: string): FakeJson {
  return { uuid, title, icon: `${SCREEN_BASE_URL}icon-${icon}.png`, ts };
}

const AGENT_JOE = {
  id: 7,
  name: 'Joe Smith',
  agent_identifier: 'ext-123',
  _type: 'external_agent',
};
const AGENT_ANA = {
  id: 'a-42',
  name: 'Ana Silva',
  agent_nickname: 'ana',
  email: 'ana.silva@helpdesk.example.com',
  external_id: null,
  on_premise: false,
};
const AGENT_RAJ = {
  id: 'a-57',
  name: 'Raj Mehta',
  agent_nickname: 'raj',
  email: 'raj.mehta@helpdesk.example.com',
  external_id: 'zd-agent-88',
  on_premise: false,
};

export function seedVisitors(now: Date): FakeVisitorRecord[] {
  const jane: FakeVisitorRecord = (() => {
    const s1Start = ago(now, 3 * DAY + 5 * HOUR);
    const s2Start = ago(now, 2 * HOUR + 14 * MINUTE);
    return {
      api_key: SEED_PUBLIC_API_KEY,
      browser_name: 'Chrome 126',
      device_name: null,
      device_type: 'desktop',
      first_seen_at: ago(now, 41 * DAY),
      identities: ['Jane Doe', 'jane.doe@example.com'],
      integration: 'intercom',
      ip_address: '203.0.113.10',
      is_in_session: false,
      is_online: true,
      js_configuration: false,
      last_seen_at: ago(now, 20 * SECOND),
      last_url: 'https://shop.example.com/account/billing',
      location_city: 'New York, NY',
      location_country: 'US',
      location_country_name: 'united states',
      lookup_code: null,
      short_id: SEED_IDS.jane,
      tags: ['#customer', '#vip'],
      unique_id: 'user-1001',
      sessions: [
        {
          id: 90480,
          length_seconds: 70,
          formatted_length: '01:10',
          call_length_seconds: 11,
          formatted_call_length: '00:11',
          started_at: s2Start,
          ended_at: plus(s2Start, 70 * SECOND),
          went_live: true,
          features_used: ['remote_typing', 'draw'],
          visitor_id: SEED_IDS.jane,
          team: TEAM,
          agents: [AGENT_JOE, AGENT_ANA],
          source: 'api',
          start_url: 'https://shop.example.com/account/billing',
          session_authorized: true,
          on_premise: false,
          video_status: 'ready',
          public_video_url: 'https://app.upscope.io/recordings/90480',
          secret_video_url: 'https://recordings.upscope.io/s/5d1f0c9a2b7e/90480.mp4',
          _type: 'session',
        },
        {
          id: 90211,
          length_seconds: 91,
          formatted_length: '1 minute',
          call_length_seconds: 0,
          formatted_call_length: '-',
          started_at: withOffset(s1Start, 60),
          ended_at: withOffset(plus(s1Start, 91 * SECOND), 60),
          went_live: true,
          features_used: ['click'],
          visitor_id: SEED_IDS.jane,
          team: TEAM,
          agents: [AGENT_JOE],
          _type: 'session',
        },
      ],
      _type: 'visitor',
      _integrationIds: { intercom: '64f0c2a1b9' },
    };
  })();

  const tomSessionStart = ago(now, 9 * DAY);
  const tom: FakeVisitorRecord = {
    api_key: SEED_PUBLIC_API_KEY,
    browser_name: 'Edge 125',
    device_name: null,
    device_type: 'desktop',
    first_seen_at: ago(now, 120 * DAY),
    identities: ['Tom Baker', 'tom.baker@example.com'],
    integration: null,
    ip_address: '198.51.100.23',
    is_in_session: false,
    is_online: false,
    js_configuration: false,
    last_seen_at: ago(now, 3 * HOUR + 2 * MINUTE),
    last_url: 'https://shop.example.com/orders/5521',
    location_city: 'London',
    location_country: 'GB',
    location_country_name: 'united kingdom',
    lookup_code: null,
    short_id: SEED_IDS.tom,
    tags: ['#customer'],
    unique_id: 'user-1002',
    sessions: [
      {
        id: 88710,
        length_seconds: 254,
        formatted_length: '4 minutes',
        call_length_seconds: 0,
        formatted_call_length: '-',
        started_at: tomSessionStart,
        ended_at: plus(tomSessionStart, 254 * SECOND),
        went_live: true,
        features_used: ['click', 'scroll'],
        visitor_id: SEED_IDS.tom,
        team: TEAM,
        agents: [AGENT_ANA],
        source: 'search',
        video_status: 'expired',
        public_video_url: null,
        secret_video_url: null,
        _type: 'session',
      },
    ],
    _type: 'visitor',
  };

  const maria: FakeVisitorRecord = {
    added_at: ago(now, 12 * DAY),
    api_key: SEED_PUBLIC_API_KEY,
    browser_name: 'Firefox 128',
    call_name: 'support',
    device_name: null,
    device_type: 'desktop',
    email: 'maria.garcia@example.com',
    name: 'Maria Garcia',
    nickname: 'Maria Garcia',
    identities: ['Maria Garcia', 'maria.garcia@example.com'],
    integration: null,
    ip_address: '192.0.2.44',
    is_in_session: false,
    is_online: true,
    is_supported: true,
    is_waiting_for_call: true,
    js_configuration: false,
    last_seen_at: ago(now, 5 * SECOND),
    last_url: 'https://shop.example.com/checkout',
    location_city: 'Madrid',
    location_country: 'ES',
    location_country_name: 'spain',
    lookup_code: null,
    short_id: SEED_IDS.maria,
    tags: ['#trial'],
    unique_id: 'user-2044',
    watch_link: `https://o.upscope.io/w/${SEED_IDS.maria}`,
    sessions: [],
    history: [
      {
        pageview_id: '6f1c2a9e-0b7d-4e55-9a43-1f0e5c2b7a01',
        url: 'https://shop.example.com/',
        ts: ago(now, 9 * MINUTE),
        screenshot: screenshot('maria-home'),
        events: [
          event(
            '0c8e41d2-5f77-4a0e-8d0a-7b9f4f3e2a11',
            'Page viewed',
            'page',
            ago(now, 9 * MINUTE),
          ),
        ],
      },
      {
        pageview_id: '2b9d7c41-8a3e-4f60-b1c5-93e2d7a0f402',
        url: 'https://shop.example.com/pricing',
        ts: ago(now, 6 * MINUTE),
        screenshot: screenshot('maria-pricing'),
        events: [
          event(
            '7a2f9b30-1c4d-4e8f-a6b2-0d5e3c9f8b21',
            'Clicked "Compare plans"',
            'click',
            ago(now, 6 * MINUTE),
          ),
          event(
            'c4e1a7f2-93b0-4d2c-8e5f-61a9b0d3e731',
            'Live chat conversation started',
            'chat',
            ago(now, 5 * MINUTE),
          ),
        ],
      },
      {
        pageview_id: '9e4a0f13-6d2b-4c7a-95e8-3b1f0c7d2e03',
        url: 'https://shop.example.com/checkout',
        ts: ago(now, 2 * MINUTE),
        screenshot: screenshot('maria-checkout'),
        events: [
          event(
            'e5b3c9d0-2f1a-4b6e-9c8d-4a7f1e0b5c41',
            'Form error: card declined',
            'error',
            ago(now, 2 * MINUTE),
          ),
          event(
            'f0a6d2e8-7c3b-4e9a-b1d5-8c2e6f4a9d51',
            'Requested a call',
            'call',
            ago(now, 1 * MINUTE),
          ),
        ],
      },
    ],
    _type: 'visitor',
  };

  const priyaCurrentStart = ago(now, 4 * MINUTE);
  const priyaPastStart = ago(now, 20 * DAY);
  const priya: FakeVisitorRecord = {
    added_at: ago(now, 60 * DAY),
    api_key: SEED_PUBLIC_API_KEY,
    browser_name: 'Chrome 126',
    call_name: 'ana-silva',
    device_name: null,
    device_type: 'desktop',
    email: 'priya.patel@example.com',
    name: 'Priya Patel',
    nickname: 'Priya Patel',
    identities: ['Priya Patel', 'priya.patel@example.com'],
    integration: 'zendesk',
    ip_address: '203.0.113.77',
    is_in_session: true,
    is_online: true,
    is_supported: true,
    is_waiting_for_call: false,
    js_configuration: false,
    last_seen_at: ago(now, 2 * SECOND),
    last_url: 'https://shop.example.com/settings/team',
    location_city: 'Bengaluru',
    location_country: 'IN',
    location_country_name: 'india',
    lookup_code: null,
    short_id: SEED_IDS.priya,
    tags: ['#customer'],
    unique_id: 'user-1187',
    watch_link: `https://o.upscope.io/w/${SEED_IDS.priya}`,
    sessions: [
      {
        id: 90502,
        length_seconds: 240,
        formatted_length: '04:00',
        call_length_seconds: 200,
        formatted_call_length: '03:20',
        started_at: priyaCurrentStart,
        ended_at: null,
        went_live: true,
        features_used: ['click', 'scroll', 'remote_typing'],
        visitor_id: SEED_IDS.priya,
        team: TEAM,
        agents: [AGENT_ANA],
        call_name: 'ana-silva',
        source: 'personal link',
        start_url: 'https://shop.example.com/settings',
        session_authorized: true,
        on_premise: false,
        video_status: 'recording',
        public_video_url: null,
        secret_video_url: null,
        _type: 'session',
      },
      {
        id: 87002,
        length_seconds: 610,
        formatted_length: '10:10',
        call_length_seconds: 0,
        formatted_call_length: '-',
        started_at: priyaPastStart,
        ended_at: plus(priyaPastStart, 610 * SECOND),
        went_live: true,
        features_used: ['click'],
        visitor_id: SEED_IDS.priya,
        team: TEAM,
        agents: [AGENT_RAJ],
        source: 'lookup code',
        start_url: 'https://shop.example.com/',
        session_authorized: true,
        on_premise: false,
        video_status: 'removed',
        public_video_url: null,
        secret_video_url: null,
        _type: 'session',
      },
    ],
    history: [],
    _type: 'visitor',
  };

  // One person on three devices: the client must rank them (online, waiting,
  // not in session, most recently seen). The in-session desktop is deliberately
  // the most recently seen, so "newest first" alone picks the wrong one.
  const samBase = {
    api_key: SEED_PUBLIC_API_KEY,
    email: 'sam.lee@example.com',
    name: 'Sam Lee',
    nickname: 'Sam Lee',
    identities: ['Sam Lee', 'sam.lee@example.com'],
    integration: null,
    is_supported: true,
    is_waiting_for_call: false,
    js_configuration: false,
    location_city: 'Toronto',
    location_country: 'CA',
    location_country_name: 'canada',
    lookup_code: null,
    tags: ['#customer'],
    unique_id: 'user-3300',
    call_name: null,
    added_at: ago(now, 200 * DAY),
    _type: 'visitor',
  };
  const samMobile: FakeVisitorRecord = {
    short_id: SEED_IDS.samMobile,
    ...samBase,
    browser_name: 'Mobile Safari 17',
    device_name: 'iPhone',
    device_type: 'mobile',
    ip_address: '198.51.100.61',
    is_online: true,
    is_in_session: false,
    last_seen_at: ago(now, 40 * SECOND),
    last_url: 'https://shop.example.com/m/cart',
    watch_link: `https://o.upscope.io/w/${SEED_IDS.samMobile}`,
    sessions: [],
  };
  const samOfflineSessionStart = ago(now, 27 * HOUR);
  const samDesktopOffline: FakeVisitorRecord = {
    short_id: SEED_IDS.samDesktopOffline,
    ...samBase,
    browser_name: 'Chrome 125',
    device_name: null,
    device_type: 'desktop',
    ip_address: '198.51.100.62',
    is_online: false,
    is_in_session: false,
    last_seen_at: ago(now, 26 * HOUR),
    last_url: 'https://shop.example.com/account',
    watch_link: `https://o.upscope.io/w/${SEED_IDS.samDesktopOffline}`,
    sessions: [
      {
        id: 90101,
        length_seconds: 45,
        formatted_length: '00:45',
        call_length_seconds: 0,
        formatted_call_length: '-',
        started_at: samOfflineSessionStart,
        ended_at: plus(samOfflineSessionStart, 45 * SECOND),
        went_live: false,
        features_used: [],
        visitor_id: SEED_IDS.samDesktopOffline,
        team: TEAM,
        agents: [AGENT_RAJ],
        source: 'agent request',
        start_url: 'https://shop.example.com/account',
        session_authorized: false,
        on_premise: false,
        video_status: 'not_available',
        public_video_url: null,
        secret_video_url: null,
        _type: 'session',
      },
    ],
  };
  const samInSessionStart = ago(now, 90 * SECOND);
  const samDesktopInSession: FakeVisitorRecord = {
    short_id: SEED_IDS.samDesktopInSession,
    ...samBase,
    browser_name: 'Chrome 126',
    device_name: null,
    device_type: 'desktop',
    ip_address: '198.51.100.63',
    is_online: true,
    is_in_session: true,
    last_seen_at: ago(now, 3 * SECOND),
    last_url: 'https://shop.example.com/account/invoices',
    watch_link: `https://o.upscope.io/w/${SEED_IDS.samDesktopInSession}`,
    sessions: [
      {
        id: 90511,
        length_seconds: 90,
        formatted_length: '1 minute',
        call_length_seconds: 0,
        formatted_call_length: '-',
        started_at: samInSessionStart,
        ended_at: null,
        went_live: true,
        features_used: ['scroll'],
        visitor_id: SEED_IDS.samDesktopInSession,
        team: TEAM,
        agents: [AGENT_RAJ],
        source: 'integration',
        start_url: 'https://shop.example.com/account',
        session_authorized: true,
        on_premise: false,
        video_status: 'pending',
        public_video_url: null,
        secret_video_url: null,
        _type: 'session',
      },
    ],
  };

  const lookupCode: FakeVisitorRecord = {
    added_at: ago(now, 15 * MINUTE),
    api_key: SEED_PUBLIC_API_KEY,
    browser_name: 'Safari 17',
    call_name: null,
    device_name: 'iPad',
    device_type: 'tablet',
    email: null,
    name: null,
    nickname: SEED_IDS.lookupCode,
    identities: null,
    integration: null,
    ip_address: '192.0.2.90',
    is_in_session: false,
    is_online: true,
    is_supported: true,
    is_waiting_for_call: false,
    js_configuration: false,
    last_seen_at: ago(now, 8 * SECOND),
    last_url: 'https://shop.example.com/help',
    location_city: null,
    location_country: null,
    location_country_name: null,
    lookup_code: '4821',
    short_id: SEED_IDS.lookupCode,
    tags: [],
    unique_id: null,
    watch_link: `https://o.upscope.io/w/${SEED_IDS.lookupCode}`,
    sessions: [],
    _type: 'visitor',
  };

  const unsupported: FakeVisitorRecord = {
    added_at: ago(now, 3 * DAY),
    api_key: SEED_PUBLIC_API_KEY,
    browser_name: 'Internet Explorer 11',
    call_name: null,
    device_name: null,
    device_type: 'desktop',
    email: 'legacy.user@example.com',
    name: 'Lee Gacy',
    nickname: 'Lee Gacy',
    identities: ['Lee Gacy', 'legacy.user@example.com'],
    integration: null,
    ip_address: '203.0.113.200',
    is_in_session: false,
    is_online: true,
    is_supported: false,
    is_waiting_for_call: false,
    js_configuration: true,
    last_seen_at: ago(now, 30 * SECOND),
    last_url: 'https://shop.example.com/legacy/portal',
    location_city: 'Berlin',
    location_country: 'DE',
    location_country_name: 'germany',
    lookup_code: null,
    short_id: SEED_IDS.unsupported,
    tags: ['#customer'],
    unique_id: 'user-0007',
    watch_link: null,
    sessions: [],
    _type: 'visitor',
  };

  const alexSessionStart = ago(now, 6 * DAY);
  const integration: FakeVisitorRecord = {
    added_at: ago(now, 300 * DAY),
    api_key: SEED_PUBLIC_API_KEY,
    browser_name: 'Chrome 126',
    call_name: null,
    device_name: null,
    device_type: 'desktop',
    email: 'alex.kim@example.com',
    name: 'Alex Kim',
    nickname: 'Alex Kim',
    identities: ['Alex Kim', 'alex.kim@example.com'],
    integration: 'zendesk',
    ip_address: '192.0.2.15',
    is_in_session: false,
    is_online: true,
    is_supported: true,
    is_waiting_for_call: false,
    js_configuration: false,
    last_seen_at: ago(now, 12 * SECOND),
    last_url: 'https://shop.example.com/enterprise/sso',
    location_city: 'Seoul',
    location_country: 'KR',
    location_country_name: 'south korea',
    lookup_code: null,
    short_id: SEED_IDS.integration,
    tags: ['#customer', '#vip'],
    unique_id: 'user-5150',
    watch_link: `https://o.upscope.io/w/${SEED_IDS.integration}`,
    sessions: [
      {
        id: 89333,
        length_seconds: 1325,
        formatted_length: '22:05',
        call_length_seconds: 1200,
        formatted_call_length: '20:00',
        started_at: alexSessionStart,
        ended_at: plus(alexSessionStart, 1325 * SECOND),
        went_live: true,
        features_used: ['click', 'remote_typing', 'console'],
        visitor_id: SEED_IDS.integration,
        team: TEAM,
        agents: [AGENT_RAJ, AGENT_ANA],
        source: 'integration',
        start_url: 'https://shop.example.com/enterprise',
        session_authorized: true,
        on_premise: false,
        video_status: 'ready',
        public_video_url: 'https://app.upscope.io/recordings/89333',
        secret_video_url: 'https://recordings.upscope.io/s/a81c44e0f3d2/89333.mp4',
        _type: 'session',
      },
    ],
    _type: 'visitor',
    _integrationIds: { zendesk: '3901', intercom: 'abc' },
  };

  const hostileSessionStart = ago(now, 1 * HOUR);
  const hostile: FakeVisitorRecord = {
    added_at: ago(now, 1 * DAY),
    api_key: SEED_PUBLIC_API_KEY,
    browser_name: '<iframe src="javascript:alert(1)"></iframe>',
    call_name: '"><script>alert(1)</script>',
    device_name: '<svg onload=alert(1)>',
    device_type: 'desktop',
    email: 'hostile@example.com',
    name: HOSTILE_PAYLOAD,
    nickname: '"><svg onload=alert(1)>',
    identities: [HOSTILE_PAYLOAD, 'hostile@example.com', '<script>alert(1)</script>'],
    integration: '<b>intercom</b>',
    ip_address: '203.0.113.66',
    is_in_session: false,
    is_online: true,
    is_supported: true,
    is_waiting_for_call: true,
    js_configuration: false,
    last_seen_at: ago(now, 1 * SECOND),
    last_url: 'javascript:alert(1)',
    location_city: '<b onmouseover=alert(1)>Evil City</b>',
    location_country: '<i>',
    location_country_name: HOSTILE_PAYLOAD,
    lookup_code: null,
    short_id: SEED_IDS.hostile,
    tags: [`#${HOSTILE_PAYLOAD}`, '#customer" onmouseover="alert(1)'],
    unique_id: 'user-<b>666</b>',
    watch_link: 'javascript:alert(document.cookie)',
    sessions: [
      {
        id: 90666,
        length_seconds: 66,
        formatted_length: '<img src=x onerror=alert(2)>',
        call_length_seconds: 0,
        formatted_call_length: '-',
        started_at: hostileSessionStart,
        ended_at: plus(hostileSessionStart, 66 * SECOND),
        went_live: true,
        features_used: [HOSTILE_PAYLOAD],
        visitor_id: SEED_IDS.hostile,
        team: TEAM,
        agents: [
          {
            id: 'evil-1',
            name: '<img src=x onerror=alert("agent")>',
            agent_nickname: '<script>alert(1)</script>',
            email: 'evil@example.com',
            external_id: null,
            on_premise: false,
          },
        ],
        source: '<b>api</b>',
        start_url: 'javascript:alert(1)',
        session_authorized: true,
        on_premise: false,
        video_status: 'ready',
        public_video_url: 'javascript:alert(1)',
        secret_video_url: 'data:text/html,<script>alert(1)</script>',
        _type: 'session',
      },
    ],
    history: [
      {
        pageview_id: 'd3adb33f-0000-4000-8000-000000000666',
        url: 'javascript:alert(1)',
        ts: ago(now, 3 * MINUTE),
        screenshot: {
          small: { url: 'data:text/html,<script>alert(1)</script>', width: 160, height: 100 },
          medium: { url: 'javascript:alert(1)', width: 320, height: 200 },
          large: { url: 'http://evil.example/insecure.png', width: 1280, height: 800 },
        },
        events: [
          {
            uuid: 'd3adb33f-0000-4000-8000-000000000667',
            title: HOSTILE_PAYLOAD,
            icon: 'javascript:alert(1)',
            ts: ago(now, 3 * MINUTE),
          },
        ],
      },
    ],
    _type: 'visitor',
    _integrationIds: { zendesk: '6666' },
  };

  return [
    jane,
    tom,
    maria,
    priya,
    samMobile,
    samDesktopOffline,
    samDesktopInSession,
    lookupCode,
    unsupported,
    integration,
    hostile,
  ];
}
