import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import german from '../../../public/_locales/de/messages.json';

// The German file must say everything the English one says, with the same slots for the same
// values: Chrome fills $NAME$ from `placeholders` and $1… from the call, and a missing or renamed
// slot silently drops a customer's name or a count from the sentence.

type Entry = {
  message: string;
  placeholders?: Record<string, { content: string; example?: string }>;
};
const en = english as Record<string, Entry>;
const de = german as Record<string, Entry>;

/**
 * German entries that are rightly the same as English: the product name, words German uses
 * as they are, letter codes on the toolbar icon, and formats made only of placeholders.
 */
const SAME_IN_GERMAN = new Set([
  'actionTitle', // "Helpdesk Co-browse": the product name
  'popupTitle', // the product name
  'presenceOffline', // "Offline"
  'reasonOffline', // "offline"
  'factBrowser', // "Browser"
  'factTags', // "Tags"
  'deviceDesktop', // "Desktop"
  'deviceTablet', // "Tablet"
  'deviceWearable', // "Wearable"
  'optionsHelpdesksTitle', // "Helpdesks"
  'optionsCustomColumnHelpdesk', // "Helpdesk"
  'readingHelpdesk', // "Helpdesk"
  'readingTicket', // "Ticket"
  'readingBrowser', // "Browser"
  'presenceOnline', // "Online"
  'badgeLabelState', // "$NAME$ · $STATE$"
  'toolbarOnline', // "ON"
  'toolbarInSession', // "LIVE"
  'toolbarOffline', // "OFF"
  'toolbarSetUp', // "SET"
  'toolbarTitle', // "$NAME$: $TITLE$"
]);

/** Names that are never translated. */
const PRODUCT_NAMES = ['Upscope', 'UserView', 'Zendesk', 'REST', 'API', 'https://', 'naked'];

const named = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
const positional = (message: string) =>
  [...message.replace(/\$\$/g, '').matchAll(/\$(\d)(?!\$)/g)].map((m) => m[1]).sort();

describe('the German messages', () => {
  it('have exactly the English keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same named placeholders, declared the same way', () => {
    for (const [key, entry] of Object.entries(en)) {
      const translated = de[key]!;
      expect(named(translated.message), key).toEqual(named(entry.message));
      const contents = (e: Entry) =>
        Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([n, p]) => [n, p.content]));
      expect(contents(translated), key).toEqual(contents(entry));
    }
  });

  it('use the same $1-style substitutions', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(positional(de[key]!.message), key).toEqual(positional(entry.message));
    }
  });

  it('are never empty, and differ from English except where German says it the same way', () => {
    const same: string[] = [];
    for (const [key, entry] of Object.entries(en)) {
      const message = de[key]!.message;
      expect(message.trim(), key).not.toBe('');
      expect(message, key).toBe(message.trim());
      if (message === entry.message) same.push(key);
    }
    // Both ways: nothing left in English by mistake, and no stale entry in the allow-list.
    expect(same.sort()).toEqual([...SAME_IN_GERMAN].sort());
  });

  it('keep product names and technical terms as they are', () => {
    for (const [key, entry] of Object.entries(en)) {
      for (const name of PRODUCT_NAMES) {
        if (entry.message.includes(name))
          expect(de[key]!.message, `${key}: ${name}`).toContain(name);
      }
    }
  });

  it('call co-browsing "Co-Browsing", and keep the search syntax', () => {
    for (const [key, { message }] of Object.entries(de)) {
      expect(message, key).not.toMatch(/co-brows/);
      expect(message, key).not.toMatch(/Co-browsing/);
    }
    for (const key of ['searchPlaceholder', 'searchEmpty']) {
      expect(de[key]!.message, key).toContain('id:…');
      expect(de[key]!.message, key).toContain('#');
    }
  });

  it('fit the toolbar icon: letter codes of at most 4 characters', () => {
    for (const key of Object.keys(de).filter(
      (k) => k.startsWith('toolbar') && k !== 'toolbarTitle',
    )) {
      expect(de[key]!.message.length, key).toBeLessThanOrEqual(4);
    }
  });

  it('translate every __MSG_…__ the manifest names', () => {
    const manifest = readFileSync('manifest.json', 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) {
      expect(de[key!]?.message, key).toBeTruthy();
    }
  });
});

describe('the content script', () => {
  // It reads i18n directly (no polyfill); only the words for a gone extension are also inline.
  it('asks for keys that ship, and keeps exactly the English that ships for when it is gone', async () => {
    const code = readdirSync('src/content')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join('src/content', f), 'utf8'))
      .join('\n');
    const keys = [...code.matchAll(/say\(\s*'(\w+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(8);
    for (const key of keys) expect(en[key], key).toBeDefined();
    vi.stubGlobal('chrome', undefined);
    const { say } = await import('../../../src/content/words');
    for (const key of ['badgeNoExtension', 'badgeUnavailable']) {
      expect(say(key), key).toBe(en[key]!.message);
    }
  });
});
