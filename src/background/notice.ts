import browser, { type Notifications } from 'webextension-polyfill';

// A system notification with action buttons where the browser has them (Chrome), and a plain one,
// opened by a click, where it has not (Firefox). Shared by the watched-customer and the
// waiting-for-a-call notices.

/** Firefox is the browser with getBrowserInfo, and without notification buttons. */
export function hasButtons(): boolean {
  return !('getBrowserInfo' in browser.runtime);
}

export async function showNotice(
  id: string,
  title: string,
  message: string,
  buttons: string[],
): Promise<void> {
  const base = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  };
  if (hasButtons() && buttons.length > 0) {
    try {
      // Chrome's own options, which the Firefox-shaped types do not list.
      const withButtons = {
        ...base,
        buttons: buttons.map((text) => ({ title: text })),
        // Stays until the agent acts: a customer who is back or waiting is worth not missing.
        requireInteraction: true,
      } as Notifications.CreateNotificationOptions;
      await browser.notifications.create(id, withButtons);
      return;
    } catch {
      // A browser without buttons after all: the plain notice below, opened by a click.
    }
  }
  await browser.notifications.create(id, base);
}
