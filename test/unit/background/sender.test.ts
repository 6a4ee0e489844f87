import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { classifySender, originMatchesPattern } from '../../../src/background/sender';
import { EXTENSION_ID, EXTENSION_ORIGIN, policy, popupSender, ticketSender } from './harness';

// Who may talk to the worker: the extension's own pages, and content scripts in the top frame of
// a helpdesk tab. Everything else is refused before a message is even read.

const TICKET = 'https://acme.zendesk.com/agent/tickets/123';

/** Firefox reports no `origin`: only the frame's URL. */
function firefoxSender(url: string | undefined, frameId = 0): Runtime.MessageSender {
  const { origin: _origin, ...rest } = ticketSender() as Runtime.MessageSender & {
    origin?: string;
  };
  return { ...rest, url, frameId } as Runtime.MessageSender;
}

describe('classifying a sender', () => {
  it('a content script in a helpdesk tab’s top frame, with the address the browser reports', () => {
    expect(classifySender(ticketSender(7), policy)).toEqual({
      kind: 'content',
      tabId: 7,
      origin: 'https://acme.zendesk.com',
      url: TICKET,
    });
  });

  it('on Firefox, which reports only the frame’s URL, the origin is read from that URL', () => {
    expect(classifySender(firefoxSender(TICKET), policy)).toEqual({
      kind: 'content',
      tabId: 7,
      origin: 'https://acme.zendesk.com',
      url: TICKET,
    });
  });

  it('a sender with neither an origin nor a URL that parses is nobody', () => {
    for (const url of [undefined, '', 'not a url', 'https://']) {
      expect(classifySender(firefoxSender(url), policy)).toMatchObject({ kind: 'other' });
    }
  });

  it('a frame address on another origin than the one reported is not passed on as the ticket’s', () => {
    const sender = { ...ticketSender(7), url: 'https://evil.example/agent/tickets/123' };
    expect(classifySender(sender, policy)).toMatchObject({ kind: 'content', url: null });
    const unparsable = { ...ticketSender(7), url: 'http://[' };
    expect(classifySender(unparsable, policy)).toMatchObject({ kind: 'content', url: null });
  });

  it('the extension’s own page is a page, whatever tab it is shown in', () => {
    expect(classifySender(popupSender, policy)).toEqual({ kind: 'page' });
    // The side panel or an options tab: still the extension's own origin.
    const inTab = { ...ticketSender(3, EXTENSION_ORIGIN) };
    expect(classifySender(inTab, policy)).toEqual({ kind: 'page' });
  });

  it('another extension is refused, even from a helpdesk tab or claiming the extension’s origin', () => {
    for (const sender of [ticketSender(), popupSender]) {
      expect(classifySender({ ...sender, id: 'another-extension' }, policy)).toMatchObject({
        kind: 'other',
      });
      expect(classifySender({ ...sender, id: undefined }, policy)).toMatchObject({
        kind: 'other',
      });
    }
    expect(EXTENSION_ID).toBe(policy.runtimeId);
  });

  it('a helpdesk origin outside a tab (no tab, or the browser’s -1 for none) is refused', () => {
    const { tab: _tab, ...noTab } = ticketSender();
    expect(classifySender(noTab, policy)).toMatchObject({ kind: 'other' });
    const sender = ticketSender();
    const minusOne = { ...sender, tab: { ...sender.tab!, id: -1 } };
    expect(classifySender(minusOne, policy)).toMatchObject({ kind: 'other' });
    const tabZero = { ...sender, tab: { ...sender.tab!, id: 0 } };
    expect(classifySender(tabZero, policy)).toMatchObject({ kind: 'content', tabId: 0 });
  });

  it('a frame inside the helpdesk page (someone else’s widget) is refused', () => {
    expect(classifySender(ticketSender(7, 'https://acme.zendesk.com', 3), policy)).toMatchObject({
      kind: 'other',
    });
    expect(classifySender(firefoxSender(TICKET, 2), policy)).toMatchObject({ kind: 'other' });
  });

  it('a tab on an origin that is no helpdesk is refused', () => {
    for (const origin of [
      'https://evil.example',
      'https://acme.zendesk.com.evil.example',
      'http://acme.zendesk.com',
    ]) {
      expect(classifySender(ticketSender(7, origin), policy)).toMatchObject({ kind: 'other' });
    }
  });
});

describe('whether a match pattern covers an origin', () => {
  it('an exact host covers that origin only, with the pattern’s scheme', () => {
    expect(originMatchesPattern('https://acme.example', 'https://acme.example/*')).toBe(true);
    expect(originMatchesPattern('http://localhost:8080', 'http://localhost:8080/*')).toBe(true);
    expect(originMatchesPattern('http://acme.example', 'https://acme.example/*')).toBe(false);
    expect(originMatchesPattern('https://acme.example', 'http://acme.example/*')).toBe(false);
    expect(originMatchesPattern('https://other.example', 'https://acme.example/*')).toBe(false);
    expect(originMatchesPattern('https://a.acme.example', 'https://acme.example/*')).toBe(false);
  });

  it('the * scheme means http and https, nothing else', () => {
    expect(originMatchesPattern('https://acme.example', '*://acme.example/*')).toBe(true);
    expect(originMatchesPattern('http://acme.example', '*://acme.example/*')).toBe(true);
    for (const origin of ['ftp://acme.example', 'ws://acme.example', 'git+https://acme.example']) {
      expect(originMatchesPattern(origin, '*://acme.example/*')).toBe(false);
    }
  });

  it('*.host covers its subdomains, not the host itself, not an empty label, not a look-alike', () => {
    const pattern = 'https://*.zendesk.com/*';
    expect(originMatchesPattern('https://acme.zendesk.com', pattern)).toBe(true);
    expect(originMatchesPattern('https://eu.acme.zendesk.com', pattern)).toBe(true);
    expect(originMatchesPattern('https://zendesk.com', pattern)).toBe(false);
    expect(originMatchesPattern('https://.zendesk.com', pattern)).toBe(false);
    expect(originMatchesPattern('https://evilzendesk.com', pattern)).toBe(false);
    expect(originMatchesPattern('https://acme.zendesk.com.evil.example', pattern)).toBe(false);
  });

  it('a pattern that is no http(s) host pattern covers nothing, and a bad origin is covered by none', () => {
    for (const pattern of ['<all_urls>', 'file:///*', 'xhttps://acme.example/*', 'acme.example']) {
      expect(originMatchesPattern('https://acme.example', pattern)).toBe(false);
    }
    expect(originMatchesPattern('not an origin', '*://*.zendesk.com/*')).toBe(false);
    expect(originMatchesPattern('', 'https://acme.example/*')).toBe(false);
  });
});
