import browser from 'webextension-polyfill';
import type { BadgeView, PresenceState } from '../shared/views';
import { t } from '../wording/i18n';
import { STATES, stateColour } from '../wording/states';

// The toolbar icon tells, per tab, how the ticket's customer is, in the words and colours of the
// one table of states (src/wording/states.ts) the badge and the popup use too. Text and colour
// both change so colour is never the only signal; the tooltip says it in words. Letter codes come
// from _locales (a few letters fit); where a state has none, its shape from the table stands in.

function code(state: PresenceState): string {
  const look = STATES[state];
  return look.code ? t(look.code) : look.icon;
}

export async function showOnToolbar(tabId: number, view: BadgeView): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: code(view.state) }),
      browser.action.setBadgeBackgroundColor({ tabId, color: stateColour(view.state) }),
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
