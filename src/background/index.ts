import '../shared/zod-config';
import browser, { type Runtime } from 'webextension-polyfill';
import { onStartShortcut, START_COMMAND } from './commands';
import { syncCustomDomains } from './custom-domains';
import { createFindMenu, onFindClicked } from './find-menu';
import { prepareKeyStore } from './key-store';
import { forgetReading } from './reading';
import { injectIntoOpenTabs } from './reinject';
import { PAUSE_RETRY_ALARM } from './pause-retry';
import { PRESENCE_ALARM, refreshVisibleTickets } from './presence';
import { routeMessage } from './router';
import { loadSettings, SETTINGS_STORAGE_KEY } from './settings-store';
import { originMatchesPattern, type SenderPolicy } from './sender';
import { forgetTicket } from './ticket-tabs';
import { onWaitingButton, onWaitingClicked } from './waiting-notice';
import { forgetTabBudget } from './tab-budget';
import { applyToolbarOpens } from './toolbar-opens';
import { onNoticeButton, onNoticeClicked } from './back-notice';
import { readManagedPolicy } from './managed-policy';
import { applyPolicy, applyPolicyAtStart } from './policy-sync';

// Listeners are registered synchronously at start-up: the worker is stopped when idle, and only
// events whose listeners exist in its first turn wake it again.

const manifestPatterns = (browser.runtime.getManifest().content_scripts ?? []).flatMap(
  (script) => script.matches ?? [],
);

async function senderPolicy(): Promise<SenderPolicy> {
  const { customDomains } = await loadSettings();
  return {
    runtimeId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('')).origin,
    isHelpdeskOrigin: (origin) =>
      manifestPatterns.some((pattern) => originMatchesPattern(origin, pattern)) ||
      customDomains.some((domain) => domain.origin === origin),
  };
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  senderPolicy().then((policy) => routeMessage(message, sender, policy)),
);

browser.commands.onCommand.addListener((command, tab) => {
  if (command === START_COMMAND) void onStartShortcut(tab);
});

// Firefox for Android has no context menus: there the entry point simply does not exist.
browser.contextMenus?.onClicked.addListener((info, tab) => void onFindClicked(info, tab));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PRESENCE_ALARM || alarm.name === PAUSE_RETRY_ALARM) {
    void refreshVisibleTickets();
  }
});

// A watched customer is back, or a ticket's customer is waiting for a call: each notice's own.
browser.notifications.onClicked.addListener(async (id) => {
  if (!(await onWaitingClicked(id))) await onNoticeClicked(id);
});
// Firefox has no notification buttons (nor this event): a click on the notice opens the ticket.
browser.notifications.onButtonClicked?.addListener(async (id, index) => {
  if (!(await onWaitingButton(id, index))) await onNoticeButton(id, index);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTicket(tabId);
  void forgetReading(tabId);
  void forgetTabBudget(tabId);
});

/** The toolbar button opens what the settings say (popup or side panel). */
const syncToolbarOpens = () => loadSettings().then((s) => applyToolbarOpens(s.toolbarOpens));

// Custom helpdesk domains added or removed: their content script registration follows; so does
// what the toolbar button opens.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_STORAGE_KEY in changes) {
    void syncCustomDomains();
    void syncToolbarOpens();
  }
  // The organisation's policy changed while the browser runs (Chrome; Firefox reads policies.json
  // only when it starts).
  if (area === 'managed') void readManagedPolicy().then((p) => applyPolicy(p, { changed: true }));
});

// Access to a custom domain granted (an organisation's domain the agent allowed) or taken away:
// the content script's registration follows.
browser.permissions.onAdded.addListener(() => void syncCustomDomains());
browser.permissions.onRemoved.addListener(() => void syncCustomDomains());

browser.runtime.onInstalled.addListener(({ reason }) => {
  // Without a window yet (a browser starting with the extension pre-installed) this can fail;
  // the toolbar popup then offers the settings with "Add your Upscope API key".
  if (reason === 'install') browser.runtime.openOptionsPage().catch(() => undefined);
  if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
  void createFindMenu();
});

// Firefox forgets menu entries when the browser restarts; Chrome keeps them (recreating is harmless).
browser.runtime.onStartup.addListener(() => void createFindMenu());

// The key store is closed first: the policy's key is copied into it.
void prepareKeyStore()
  .catch(() => undefined)
  .then(applyPolicyAtStart);
void syncCustomDomains();
void syncToolbarOpens();
