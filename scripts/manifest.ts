// manifest.json is the single source of everything but the helpdesk hosts: those come from the
// helpdesk table (src/shared/helpdesks.ts), so a helpdesk added there is injected into without
// another list to keep in step. Firefox gets its variant of the result.
import source from '../manifest.json' with { type: 'json' };
import { HELPDESKS } from '../src/shared/helpdesks.ts';
import { toFirefoxManifest } from './firefox-manifest.ts';

/** Every vendor-hosted helpdesk's match patterns, in table order, each once. */
export const HELPDESK_MATCHES: string[] = [
  ...new Set(Object.values(HELPDESKS).flatMap((helpdesk) => helpdesk.matches)),
];

/** The Chrome manifest: manifest.json with the content script's matches filled in. */
export function chromeManifest() {
  const [script, ...others] = source.content_scripts;
  if (!script || others.length || script.matches.length)
    throw new Error('manifest.json: one content script, its matches left empty for the build');
  return { ...source, content_scripts: [{ ...script, matches: HELPDESK_MATCHES }] };
}

export const extensionManifest = (browser: 'chrome' | 'firefox') =>
  browser === 'firefox' ? toFirefoxManifest(chromeManifest()) : chromeManifest();
