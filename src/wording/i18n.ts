import browser from 'webextension-polyfill';
import type english from '../../public/_locales/en/messages.json';

/** Every string the pages show has an entry in _locales/en/messages.json; the type keeps them in step. */
export type MessageKey = keyof typeof english;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

// Outside an extension (unit tests, previews) there is no i18n API: the English file is handed
// over instead, so the text under test is the text that ships.
let fallback: Partial<Record<string, MessageEntry>> = {};

export function setFallbackMessages(messages: Record<string, MessageEntry>): void {
  fallback = messages;
}

/** Chrome's substitution rules, for the fallback only: named placeholders, then $1…$9, then $$. */
function format(entry: MessageEntry, subs: string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    return content ?? whole;
  });
  return named.replace(/\$(\d|\$)/g, (_whole, which: string) =>
    which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
  );
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  let text = '';
  try {
    text = browser.i18n.getMessage(key, strings);
  } catch {
    // No i18n API here: use the English fallback below.
  }
  if (text) return text;
  const entry = fallback[key];
  return entry ? format(entry, strings) : key;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/**
 * The pages' HTML is English; once scripts run, the document says which language its words are
 * in (for screen readers and hyphenation) and takes its translated title.
 */
export function localiseDocument(titleKey: MessageKey): void {
  document.documentElement.lang = t('langCode');
  document.title = t(titleKey);
}
