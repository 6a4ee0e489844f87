import browser from 'webextension-polyfill';
import type { HelpdeskId } from '../shared/helpdesks';
import { loadSettings } from './settings-store';

// Self-hosted and host-mapped helpdesks are not in the manifest: the content script is
// registered for each origin the agent added and granted, and for nothing else.

export const CUSTOM_SCRIPT_ID = 'custom-helpdesk-domains';

/** The pattern an added origin is granted and injected under (what the options page asks for). */
export const patternOf = (origin: string): string => `${origin}/*`;

const same = (a: string[] = [], b: string[] = []) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

async function sync(): Promise<void> {
  const { customDomains } = await loadSettings();
  // The built file is not the source one: the manifest says what the static registration injects.
  const js = browser.runtime.getManifest().content_scripts?.[0]?.js ?? [];
  const matches: string[] = [];
  for (const { origin } of customDomains) {
    const pattern = patternOf(origin);
    if (matches.includes(pattern)) continue;
    try {
      if (await browser.permissions.contains({ origins: [pattern] })) matches.push(pattern);
    } catch {
      // A pattern this browser does not accept is one it cannot inject into either.
    }
  }
  const [current] = await browser.scripting.getRegisteredContentScripts({
    ids: [CUSTOM_SCRIPT_ID],
  });
  if (current && same(current.matches, matches) && same(current.js, js)) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
  if (!matches.length || !js.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: CUSTOM_SCRIPT_ID,
      matches,
      js,
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}

let queue: Promise<void> = Promise.resolve();

/**
 * Makes the dynamic registration match the settings and the granted permissions. Calls run one
 * after another, so a save during start-up cannot interleave two registrations.
 */
export function syncCustomDomains(): Promise<void> {
  queue = queue.then(sync).catch((error: unknown) => {
    console.warn('Could not register the content script for custom helpdesk domains.', error);
  });
  return queue;
}

/** Which helpdesk the agent said runs on the tab's origin, when it is one they added. */
export async function helpdeskOfTab(tabId: number): Promise<HelpdeskId | null> {
  const [tab, { customDomains }] = await Promise.all([browser.tabs.get(tabId), loadSettings()]);
  let origin: string;
  try {
    origin = new URL(tab.url ?? '').origin;
  } catch {
    return null;
  }
  return customDomains.find((d) => d.origin === origin)?.helpdesk ?? null;
}
