/**
 * Visitors as a real server may send them, one oddity each, for tests of a client's tolerance.
 * Each record is a sane visitor (so search, lookups and watch URLs work on it) whose `_sendAs`
 * says what goes over the wire instead. They are not in the default seed: add them with
 * `oddVisitors(now).forEach((v) => fake.upsertVisitor(v))` or the `visitors` option.
 *
 * Every odd visitor's name contains "Oddity", so searching `oddity` lists them all.
 */
import type { FakeVisitorRecord } from './seed';

export const ODD_IDS = {
  /** `identities` sent as one string instead of a list. */
  identitiesString: 'OD1IDSTR',
  /** `location_country` sent as a number. */
  countryNumber: 'OD2CNTRY',
  /** `short_id` sent as a number; its record (and path) is '4711'. Online, so it can be started. */
  numericShortId: '4711',
  /** Flags as "true"/"false", ids as numbers, tags as one string. */
  stringTypes: 'OD4STRNG',
  /** An unreadable session and string counters in the readable one; odd pageviews in its history. */
  oddSessions: 'OD5SESSN',
  /** Unreadable: a `short_id` no request path may carry. */
  badShortId: 'OD8BADID',
  /** Unreadable: no `short_id` at all. */
  noShortId: 'OD9NOIDX',
} as const;

/** The ids a search for `oddity` returns readable, and those it must leave out. */
export const ODD_READABLE_IDS = [
  ODD_IDS.identitiesString,
  ODD_IDS.countryNumber,
  ODD_IDS.numericShortId,
  ODD_IDS.stringTypes,
  ODD_IDS.oddSessions,
] as const;
export const ODD_UNREADABLE_IDS = [ODD_IDS.badShortId, ODD_IDS.noShortId] as const;

const MINUTE = 60_000;

export function oddVisitors(now: Date): FakeVisitorRecord[] {
  const ago = (ms: number): string => new Date(now.getTime() - ms).toISOString();
  const base = (shortId: string, name: string, minutesAgo: number): FakeVisitorRecord => ({
    short_id: shortId,
    name: `Oddity ${name}`,
    is_online: true,
    is_in_session: false,
    last_seen_at: ago(minutesAgo * MINUTE),
    last_url: 'https://shop.example.com/odd',
    sessions: [],
  });
  const sessionStart = ago(3 * 60 * MINUTE);
  return [
    {
      ...base(ODD_IDS.identitiesString, 'Identities', 1),
      identities: ['odd.identity@example.com'],
      _sendAs: { identities: 'odd.identity@example.com' },
    },
    {
      ...base(ODD_IDS.countryNumber, 'Country', 2),
      location_country: 'US',
      _sendAs: { location_country: 840 },
    },
    {
      ...base(ODD_IDS.numericShortId, 'Numeric Id', 3),
      _sendAs: { short_id: 4711 },
    },
    {
      ...base(ODD_IDS.stringTypes, 'Strings', 4),
      unique_id: '90210',
      tags: ['#odd'],
      _sendAs: {
        is_online: 'true',
        is_in_session: 'false',
        unique_id: 90210,
        tags: '#odd',
        js_configuration: 'maybe',
      },
    },
    {
      ...base(ODD_IDS.oddSessions, 'Sessions', 5),
      is_online: false,
      _sendAs: {
        sessions: [
          'not a session',
          {
            id: '77',
            length_seconds: '91',
            call_length_seconds: '0',
            started_at: sessionStart,
            ended_at: Date.parse(sessionStart) / 1000 + 91,
            went_live: 'true',
            features_used: 'click',
            visitor_id: ODD_IDS.oddSessions,
            team: 'example.com',
            agents: [{ id: 12, name: 'Raj Mehta', external_id: 88 }, 'not an agent'],
            _type: 'session',
          },
        ],
        history: [
          'not a pageview',
          {
            pageview_id: 314,
            ts: Math.floor(now.getTime() / 1000) - 600,
            url: 'https://shop.example.com/odd',
            screenshot: 'not a screenshot',
            events: [{ title: 'Opened the cart', ts: ago(10 * MINUTE) }, 42],
          },
        ],
      },
    },
    {
      ...base(ODD_IDS.badShortId, 'Bad Id', 6),
      _sendAs: { short_id: 'odd id/../usage' },
    },
    {
      ...base(ODD_IDS.noShortId, 'No Id', 7),
      _sendAs: { short_id: undefined },
    },
  ];
}
