import type { Runtime } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentHandlers, pageHandlers } from '../../../src/background/handlers';
import { routeMessage } from '../../../src/background/router';
import { ContentMessageSchema, PageMessageSchema } from '../../../src/shared/protocol';
import { policy, popupSender, ticketSender, useBackground } from './harness';

// Property-based fuzzing of the router, with a seeded generator so a failure replays exactly:
// whatever arrives, from whoever, the router answers with a refusal and runs no handler unless
// the sender may send that message and it parses, and it never throws.

const bg = useBackground();

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(300),
  'y'.repeat(100_000),
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  '\u0000\u202e',
  'jane.doe@example.com',
  'id:../../etc',
  'https://evil.example/',
  '123',
];
const TYPES = [
  ...ContentMessageSchema.options.map((o) => o.shape.type.value),
  ...PageMessageSchema.options.map((o) => o.shape.type.value),
  'badge/update',
  'unknown/type',
  '',
];

function anyValue(r: Rand, depth = 0): unknown {
  const choice = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (choice) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return r() < 0.5;
    case 3:
      return pick(r, [0, -1, 1.5, 2 ** 53, Number.NaN, Infinity, 7]);
    case 4:
    case 5:
      return pick(r, NASTY_STRINGS);
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => anyValue(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) {
        out[pick(r, ['type', 'tabId', 'shortId', 'query', 'apiKey', 'patch', 'identities', 'x'])] =
          anyValue(r, depth + 1);
      }
      if (r() < 0.7) out.type = pick(r, TYPES);
      return out;
    }
  }
}

/** Well-formed messages of every type, to be broken in one place each. */
const VALID: Record<string, unknown>[] = [
  {
    type: 'ticket/identify',
    helpdesk: 'zendesk',
    ticketId: '123',
    identities: { email: 'jane.doe@example.com' },
    visible: true,
  },
  { type: 'ticket/visibility', visible: true },
  { type: 'ticket/left' },
  { type: 'ticket/start-cobrowse', nonce: 'n' },
  { type: 'ticket/check-match' },
  { type: 'ticket/open-settings' },
  { type: 'ticket/read', helpdesk: 'zendesk', ticketId: '1', from: 'page', ignored: [] },
  { type: 'site/which' },
  { type: 'tab/state', tabId: 7, refresh: false },
  { type: 'visitors/search', query: 'jane' },
  { type: 'visitor/details', shortId: 'JD7K2P9Q' },
  { type: 'visitor/forget', shortId: 'JD7K2P9Q' },
  { type: 'cobrowse/start', shortId: 'JD7K2P9Q', tabId: 7 },
  { type: 'settings/get' },
  { type: 'setup/get' },
  { type: 'search/take-pending' },
  { type: 'tab/reading', tabId: 7 },
  { type: 'watch/add-found', shortId: 'JD7K2P9Q', query: 'jane.doe@example.com' },
  { type: 'settings/save', patch: { agentName: 'Joe' } },
  { type: 'key/save', apiKey: 'some-key-123456' },
  { type: 'key/clear' },
  { type: 'connection/test' },
];

/** One change that must make a message invalid: an unknown key, a wrong type, a huge value. */
function broken(r: Rand, message: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(message);
  const fields = Object.keys(copy).filter((k) => k !== 'type');
  const how = Math.floor(r() * 4);
  if (how === 0 || fields.length === 0) copy[pick(r, ['extra', 'url', 'method', 'headers'])] = 1;
  else if (how === 1) {
    const field = pick(r, fields);
    copy[field] = typeof copy[field] === 'string' ? pick(r, [42, [], null, true]) : 'a string';
  } else if (how === 2) copy[pick(r, fields)] = 'z'.repeat(100_000);
  else copy.type = `${String(copy.type)}/x`;
  return copy;
}

const SENDERS: Record<string, Runtime.MessageSender> = {
  popup: popupSender,
  content: ticketSender(),
  subframe: ticketSender(7, 'https://acme.zendesk.com', 3),
  webPage: {
    url: 'https://evil.example/',
    origin: 'https://evil.example',
  } as Runtime.MessageSender,
  otherExtension: { ...popupSender, id: 'another-extension' } as Runtime.MessageSender,
  foreignSite: ticketSender(7, 'https://evil.example'),
};

function mayRun(senderName: string, message: unknown): boolean {
  if (senderName === 'popup') return PageMessageSchema.safeParse(message).success;
  if (senderName === 'content') return ContentMessageSchema.safeParse(message).success;
  return false;
}

let spies: ReturnType<typeof vi.spyOn>[] = [];

beforeEach(async () => {
  await bg.configure();
  spies = [
    ...Object.keys(contentHandlers).map((k) =>
      vi.spyOn(contentHandlers, k as keyof typeof contentHandlers),
    ),
    ...Object.keys(pageHandlers).map((k) => vi.spyOn(pageHandlers, k as keyof typeof pageHandlers)),
  ];
});

afterEach(() => {
  for (const spy of spies) spy.mockRestore();
});

const called = () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);

describe('the router under fuzzing', () => {
  it('random values from every sender: refused without a handler unless allowed and valid', async () => {
    const r = prng(20261122);
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const message = anyValue(r);
      const [name, sender] = pick(r, Object.entries(SENDERS));
      const before = called();
      const requests = bg.fake.requests.length;
      const reply = await routeMessage(message, sender, policy);
      if (mayRun(name, message)) continue;
      refused++;
      expect(reply.ok, JSON.stringify(message)?.slice(0, 200)).toBe(false);
      expect(called()).toBe(before);
      expect(bg.fake.requests.length).toBe(requests);
    }
    expect(refused).toBeGreaterThan(2800);
  });

  it('every message type broken in one place is refused before any handler', async () => {
    const r = prng(42);
    for (let i = 0; i < 1500; i++) {
      const message = broken(r, pick(r, VALID));
      const sender = pick(r, [popupSender, ticketSender()]);
      const reply = await routeMessage(message, sender, policy);
      expect(reply, JSON.stringify(message).slice(0, 200)).toMatchObject({
        ok: false,
        error: { kind: 'bad_message' },
      });
    }
    expect(called()).toBe(0);
    expect(bg.fake.requests).toEqual([]);
  });

  it('valid messages from senders not allowed to send them are refused', async () => {
    for (const message of VALID) {
      for (const [name, sender] of Object.entries(SENDERS)) {
        const reply = await routeMessage(message, sender, policy);
        if (!mayRun(name, message)) expect(reply.ok, `${name} ${message.type}`).toBe(false);
      }
    }
    // Only the allowed pairs ran; none of them is content→page or page→content.
    for (const spy of spies) expect(spy.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
