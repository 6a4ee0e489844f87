import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import type { Identities } from '../../../src/shared/identities';
import { policy, popupSender, ticketSender } from './harness';

// What the watch-list and notice tests share: a looked-up ticket tab, the popup's messages, the
// notifications shown, and a clock moved on to the next presence period.

export const TOM = { email: 'tom.baker@example.com' };

/** A ticket tab whose customer the worker has looked up, as the content script leaves it. */
export async function openTicket(identities: Identities, ticketId = '124'): Promise<number> {
  const url = `https://acme.zendesk.com/agent/tickets/${ticketId}`;
  const tab = await fakeBrowser.tabs.create({ url });
  await routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', ticketId, identities, visible: false },
    // The browser reports the content script's frame at the ticket's address.
    { ...ticketSender(tab.id!), url },
    policy,
  );
  return tab.id!;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = { ok: boolean; data?: any; error?: any };
export const fromPopup = (message: unknown) =>
  routeMessage(message, popupSender, policy) as Promise<Loose>;
export const watch = (tabId: number, shortId: string) =>
  fromPopup({ type: 'watch/add', tabId, shortId });

export type Created = {
  iconUrl?: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
};
/** Each notification shown, with the options it was created with. */
export const created = () =>
  (
    fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, Created> }
  ).getAllCreateOptions();
export const notices = () => fakeBrowser.notifications.getAll() as Promise<Record<string, boolean>>;

/** Moves the clock on past the freshness window, as the next presence period would find it. */
export function later(ms: number): void {
  const now = Date.now();
  vi.spyOn(Date, 'now').mockReturnValue(now + ms);
}
