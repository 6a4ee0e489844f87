import browser from 'webextension-polyfill';
import type { BadgeView, PresenceState } from '../shared/views';

// The toolbar icon tells, per tab, how the ticket's customer is. Text and colour both change so
// colour is never the only signal; the tooltip says it in words.

const LOOK: Record<PresenceState, { text: string; color: string }> = {
  online: { text: 'ON', color: '#15803d' },
  waiting: { text: 'CALL', color: '#c2410c' },
  in_session: { text: 'LIVE', color: '#1d4ed8' },
  offline: { text: 'OFF', color: '#6b7280' },
  unsupported: { text: 'N/A', color: '#6b7280' },
  not_found: { text: '?', color: '#6b7280' },
  not_configured: { text: 'SET', color: '#b91c1c' },
  rate_limited: { text: '…', color: '#6b7280' },
  error: { text: '!', color: '#b91c1c' },
  disabled: { text: '', color: '#6b7280' },
};

const NAME = 'Helpdesk Co-browse';

export async function showOnToolbar(tabId: number, view: BadgeView): Promise<void> {
  const look = LOOK[view.state];
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: look.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      browser.action.setTitle({ tabId, title: `${NAME}: ${view.title}` }),
    ]);
  } catch {
    // The tab closed in the meantime: nothing to show it on.
  }
}

export async function clearToolbar(tabId: number): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: '' }),
      browser.action.setTitle({ tabId, title: NAME }),
    ]);
  } catch {
    // The tab is gone.
  }
}
