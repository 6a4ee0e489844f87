import browser from 'webextension-polyfill';
import type { BadgeView, PresenceState } from '../shared/views';
import { t, type MessageKey } from '../wording/i18n';

// The toolbar icon tells, per tab, how the ticket's customer is. Text and colour both change so
// colour is never the only signal; the tooltip says it in words. Letter codes come from
// _locales (a few letters fit); symbols are the same in every language.

const code = (key: MessageKey) => () => t(key);
const symbol = (text: string) => () => text;

const LOOK: Record<PresenceState, { text: () => string; color: string }> = {
  online: { text: code('toolbarOnline'), color: '#15803d' },
  waiting: { text: code('toolbarWaiting'), color: '#c2410c' },
  in_session: { text: code('toolbarInSession'), color: '#1d4ed8' },
  offline: { text: code('toolbarOffline'), color: '#6b7280' },
  unsupported: { text: code('toolbarUnsupported'), color: '#6b7280' },
  not_found: { text: symbol('?'), color: '#6b7280' },
  not_configured: { text: code('toolbarSetUp'), color: '#b91c1c' },
  rate_limited: { text: symbol('…'), color: '#6b7280' },
  error: { text: symbol('!'), color: '#b91c1c' },
  disabled: { text: symbol(''), color: '#6b7280' },
};

export async function showOnToolbar(tabId: number, view: BadgeView): Promise<void> {
  const look = LOOK[view.state];
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: look.text() }),
      browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      browser.action.setTitle({ tabId, title: t('toolbarTitle', t('actionTitle'), view.title) }),
    ]);
  } catch {
    // The tab closed in the meantime: nothing to show it on.
  }
}

export async function clearToolbar(tabId: number): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: '' }),
      browser.action.setTitle({ tabId, title: t('actionTitle') }),
    ]);
  } catch {
    // The tab is gone.
  }
}
