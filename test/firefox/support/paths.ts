import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** The Firefox build under test: `npm run build:firefox` output, or EXT_OUT_DIR when set. */
export const FIREFOX_DIST = resolve(ROOT, process.env.EXT_OUT_DIR ?? 'dist-firefox');

/** Debian's Firefox ESR (apt-get install firefox-esr), or FIREFOX_PATH. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}
