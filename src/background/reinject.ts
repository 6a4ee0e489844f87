import browser from 'webextension-polyfill';

/**
 * After an install or update, helpdesk tabs already open would otherwise keep no badge (Chrome
 * does not inject into them, and the old copy's context is gone) until the agent reloads them —
 * losing a half-written reply. The content script is injected into those tabs instead; a copy
 * already running there hands over to the new one.
 */
export async function injectIntoOpenTabs(): Promise<number> {
  const statics = browser.runtime.getManifest().content_scripts ?? [];
  const dynamic = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  let injected = 0;
  for (const { matches, js } of [...statics, ...dynamic]) {
    if (!matches?.length || !js?.length) continue;
    const tabs = await browser.tabs.query({ url: matches }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: js });
        injected++;
      } catch {
        // A tab showing an error page or still loading gets the script from the manifest.
      }
    }
  }
  return injected;
}
