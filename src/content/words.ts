// The few words the content script says itself, in the browser's language: i18n works in content
// scripts (Chrome and Firefox) and reads the same _locales as the pages. Only what is said when
// the extension itself is gone (updated or removed while the page stayed open, so i18n answers
// nothing) is also written here, in English.

type I18n = { i18n?: { getMessage(key: string, sub?: string): string } } | undefined;

const WHEN_GONE: Record<string, string> = {
  badgeNoExtension: 'Could not reach the extension. Reload the page.',
  badgeUnavailable: 'Unavailable',
};

export function say(key: string, sub?: string): string {
  try {
    const ext =
      (globalThis as { browser?: I18n }).browser ?? (globalThis as { chrome?: I18n }).chrome;
    const said = ext?.i18n?.getMessage(key, sub);
    if (said) return said;
  } catch {
    // An invalidated extension context throws: fall through to the words kept here.
  }
  return WHEN_GONE[key] ?? '';
}
