import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { contentHandlers, pageHandlers } from '../../../src/background/handlers';
import { routeMessage } from '../../../src/background/router';
import {
  EXTENSION_ID,
  EXTENSION_ORIGIN,
  policy,
  popupSender,
  ticketSender,
  useBackground,
} from './harness';

const bg = useBackground();

const identify = {
  type: 'ticket/identify',
  helpdesk: 'zendesk',
  ticketId: '123',
  identities: { email: 'jane.doe@example.com' },
  visible: true,
};

const senders: Record<string, Runtime.MessageSender> = {
  'extension page (popup)': popupSender,
  'options page in a tab': {
    ...popupSender,
    tab: { id: 3 },
    frameId: 0,
  } as unknown as Runtime.MessageSender,
  'content script, top frame of a helpdesk': ticketSender(),
  'content script in a sub-frame': ticketSender(7, 'https://acme.zendesk.com', 4),
  'content script on a non-helpdesk site': ticketSender(7, 'https://evil.example'),
  'another extension': { ...popupSender, id: 'someone-else' } as Runtime.MessageSender,
  'a page pretending to be a helpdesk over http': ticketSender(7, 'http://acme.zendesk.com'),
  'no tab and no extension origin': {
    id: EXTENSION_ID,
    url: 'https://acme.zendesk.com/',
  } as Runtime.MessageSender,
};

const ALLOWED: Record<string, 'content' | 'page' | null> = {
  'extension page (popup)': 'page',
  'options page in a tab': 'page',
  'content script, top frame of a helpdesk': 'content',
  'content script in a sub-frame': null,
  'content script on a non-helpdesk site': null,
  'another extension': null,
  'a page pretending to be a helpdesk over http': null,
  'no tab and no extension origin': null,
};

const messages: Record<string, { message: unknown; owner: 'content' | 'page' }> = {
  identify: { message: identify, owner: 'content' },
  visibility: { message: { type: 'ticket/visibility', visible: false }, owner: 'content' },
  left: { message: { type: 'ticket/left' }, owner: 'content' },
  'start from badge': {
    message: { type: 'ticket/start-cobrowse', nonce: 'n' },
    owner: 'content',
  },
  'check a possible match': { message: { type: 'ticket/check-match' }, owner: 'content' },
  'open the settings from "Set up"': {
    message: { type: 'ticket/open-settings' },
    owner: 'content',
  },
  'settings/get': { message: { type: 'settings/get' }, owner: 'page' },
  'key/save': { message: { type: 'key/save', apiKey: 'x' }, owner: 'page' },
  'key/clear': { message: { type: 'key/clear' }, owner: 'page' },
  'connection/test': { message: { type: 'connection/test' }, owner: 'page' },
  'tab/state': { message: { type: 'tab/state', tabId: 1, refresh: false }, owner: 'page' },
  'cobrowse/start': { message: { type: 'cobrowse/start', shortId: 'JD7K2P9Q' }, owner: 'page' },
  'session/end': { message: { type: 'session/end', shortId: 'JD7K2P9Q' }, owner: 'page' },
};

function spyAll() {
  const spies = [
    ...Object.keys(contentHandlers).map((k) =>
      vi
        .spyOn(contentHandlers, k as keyof typeof contentHandlers)
        .mockResolvedValue('handled' as never),
    ),
    ...Object.keys(pageHandlers).map((k) =>
      vi.spyOn(pageHandlers, k as keyof typeof pageHandlers).mockResolvedValue('handled' as never),
    ),
  ];
  return () => spies.filter((s) => s.mock.calls.length > 0).length;
}

describe('router: senders × messages', () => {
  for (const [senderName, sender] of Object.entries(senders)) {
    for (const [messageName, { message, owner }] of Object.entries(messages)) {
      const allowed = ALLOWED[senderName] === owner;
      it(`${allowed ? 'runs' : 'refuses'} ${messageName} from ${senderName}`, async () => {
        const called = spyAll();
        const reply = await routeMessage(message, sender, policy);
        expect(reply.ok).toBe(allowed);
        expect(called()).toBe(allowed ? 1 : 0);
      });
    }
  }

  it('passes the content script its own tab from the sender, never from the message', async () => {
    const spy = vi.spyOn(contentHandlers, 'ticket/left').mockResolvedValue(null);
    await routeMessage({ type: 'ticket/left' }, ticketSender(42), policy);
    expect(spy).toHaveBeenCalledWith(
      { type: 'ticket/left' },
      42,
      'https://acme.zendesk.com/agent/tickets/123',
    );
  });

  it('passes the frame’s address only when it is on the sender’s origin', async () => {
    const spy = vi.spyOn(contentHandlers, 'ticket/left').mockResolvedValue(null);
    const sender = { ...ticketSender(42), url: 'https://elsewhere.example/x' };
    await routeMessage({ type: 'ticket/left' }, sender as Runtime.MessageSender, policy);
    expect(spy).toHaveBeenCalledWith({ type: 'ticket/left' }, 42, null);
  });
});

describe('router: malformed messages call nothing', () => {
  const bad: [string, unknown][] = [
    ['unknown type', { type: 'fetch', url: 'https://api.upscope.io/v1.1/usage.json' }],
    ['no type', { helpdesk: 'zendesk' }],
    ['not an object', 'ticket/left'],
    ['null', null],
    ['extra field', { ...identify, tabId: 99 }],
    ['a URL smuggled as ticket id', { ...identify, ticketId: 'https://evil.example/x' }],
    ['path traversal as ticket id', { ...identify, ticketId: '../../usage' }],
    ['an email that is not one', { ...identify, identities: { email: 'not-an-email' } }],
    ['an oversized name', { ...identify, identities: { name: 'x'.repeat(5000) } }],
    ['a lookup code that is not 4 digits', { ...identify, identities: { lookupCode: '12345' } }],
    ['an external id with spaces', { ...identify, identities: { externalId: 'a b' } }],
    ['no identities at all', { ...identify, identities: {} }],
    ['an unknown helpdesk', { ...identify, helpdesk: 'myspace' }],
    ['a header in the message', { ...identify, headers: { 'X-Api-Key': 'x' } }],
  ];
  it.each(bad)('refuses %s from a content script', async (_name, message) => {
    const called = spyAll();
    const reply = await routeMessage(message, ticketSender(), policy);
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ kind: 'bad_message' }) });
    expect(called()).toBe(0);
  });

  it.each([
    ['a tab id that is not a number', { type: 'tab/state', tabId: '1', refresh: false }],
    ['a short id with a path', { type: 'cobrowse/start', shortId: '../usage' }],
    [
      'an endpoint that is not https',
      { type: 'settings/save', patch: { apiBaseUrl: 'http://evil.example' } },
    ],
    ['an unknown settings field', { type: 'settings/save', patch: { apiKey: 'x' } }],
    ['an oversized key', { type: 'key/save', apiKey: 'k'.repeat(201) }],
  ])('refuses %s from an extension page', async (_name, message) => {
    const called = spyAll();
    const reply = await routeMessage(message, popupSender, policy);
    expect(reply.ok).toBe(false);
    expect(called()).toBe(0);
  });

  it('uses the extension origin, not the URL path, to recognise its pages', async () => {
    const lookalike = {
      id: EXTENSION_ID,
      url: `https://evil.example/${EXTENSION_ORIGIN}/src/popup/index.html`,
      origin: 'https://evil.example',
      tab: { id: 1 },
      frameId: 0,
    } as unknown as Runtime.MessageSender;
    const called = spyAll();
    expect((await routeMessage({ type: 'settings/get' }, lookalike, policy)).ok).toBe(false);
    expect(called()).toBe(0);
    void bg;
  });
});
