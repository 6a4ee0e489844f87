// The few words the content script says itself, in the browser's language: i18n works in content
// scripts (Chrome and Firefox) and reads the same _locales as the pages. The English is given
// inline so a test page or a dead extension context still shows something readable.

type I18n = { i18n?: { getMessage(key: string, sub?: string): string } } | undefined;

export function say(key: string, english: string, sub?: string): string {
  try {
    const ext =
      (globalThis as { browser?: I18n }).browser ?? (globalThis as { chrome?: I18n }).chrome;
    return ext?.i18n?.getMessage(key, sub) || english;
  } catch {
    return english;
  }
}
