import browser from 'webextension-polyfill';
import { HELPDESKS, type HelpdeskId } from '../shared/helpdesks';
import type { SiteReply } from '../shared/protocol';
import { originMatchesPattern } from './sender';
import { loadSettings } from './settings-store';

// Self-hosted and host-mapped helpdesks are not in the manifest: the content script is
// registered for each origin the agent added and granted, and for nothing else. Wherever it
// runs, it asks the worker which helpdesk the page is (site/which).

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
/** The vendor-hosted helpdesk whose agent app runs at this origin (the manifest's own hosts). */
export function vendorHelpdeskAt(origin: string): HelpdeskId | null {
  for (const [id, helpdesk] of Object.entries(HELPDESKS)) {
    if (helpdesk.matches.some((pattern) => originMatchesPattern(origin, pattern))) {
      return id as HelpdeskId;
    }
  }
  return null;
}

/**
 * Which helpdesk a page is: a vendor's own host first, else a custom domain the agent added. From
 * the address the browser reports for the sender's frame: without the `tabs` permission a tab's
 * own URL is hidden on the vendors' hosts.
 */
export async function helpdeskAt(url: string | null): Promise<HelpdeskId | null> {
  let origin: string;
  try {
    origin = new URL(url ?? '').origin;
  } catch {
    return null;
  }
  const { customDomains } = await loadSettings();
  return (
    vendorHelpdeskAt(origin) ?? customDomains.find((d) => d.origin === origin)?.helpdesk ?? null
  );
}

/**
 * What a content script needs to read its page: which helpdesk it is on, and the vendors' mail
 * domains (addresses there are the helpdesk's own, never a customer's). The table stays in the
 * worker: in the content script it would be a twentieth of its size budget.
 */
export async function siteAt(url: string | null): Promise<SiteReply> {
  const helpdesk = await helpdeskAt(url);
  return helpdesk && { helpdesk, vendorMail: Object.values(HELPDESKS).flatMap((h) => h.mail) };
}
