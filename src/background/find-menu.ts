import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { z } from 'zod';
import { t } from '../wording/i18n';
import { openPopupInstead } from './commands';
import { storageItem } from './storage-item';

// "Find in Upscope" on any page: the agent selects an email, a user id or a lookup code (in a
// CRM, a chat, a helpdesk we do not support) and the popup opens with that search. It needs the
// contextMenus permission only: the selection comes with the click, no page is read.

export const FIND_MENU_ID = 'find-in-upscope';

/** The search box takes 256 characters; an identity is far shorter, so more is not one. */
const MAX_SELECTION = 120;
/** A search waits this long for the popup: a popup opened later belongs to another thought. */
export const PENDING_SEARCH_MS = 60_000;

const PendingSchema = z.strictObject({
  query: z.string().min(1).max(MAX_SELECTION),
  at: z.number(),
});
export type PendingSearch = z.infer<typeof PendingSchema>;

/** Held in session storage: it is the agent's own selection, and it goes with the browser. */
const pending = storageItem<PendingSearch | null>(
  'session',
  'pendingSearch',
  PendingSchema.nullable(),
  () => null,
);

/**
 * The selection as the text to search: invisible characters and line breaks gone, spaces made
 * one, and nothing over the length of an identity. The agent sees it in the search box, may edit
 * it, and nothing starts without their click, so operators the selection holds are left as text.
 */
export function selectionQuery(selection: string | undefined): string | null {
  const text = (selection ?? '')
    .normalize('NFKC')
    .replace(/\p{C}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text && text.length <= MAX_SELECTION ? text : null;
}

/** (Re)creates the menu entry: on install and on each browser start, which Firefox needs. */
export async function createFindMenu(): Promise<void> {
  if (!browser.contextMenus) return;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: FIND_MENU_ID,
    // %s is the browser's own placeholder for the selected text.
    title: t('menuFindInUpscope'),
    contexts: ['selection'],
  });
}

export async function onFindClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined) {
  if (info.menuItemId !== FIND_MENU_ID) return;
  const query = selectionQuery(info.selectionText);
  if (query === null) return;
  await pending.set({ query, at: Date.now() });
  await openPopupInstead(tab?.id, t('menuFindOpenPopup'));
}

/** The search the popup should run as it opens, once: taking it clears it. */
export async function takePendingSearch(now = Date.now()): Promise<string | null> {
  const search = await pending.get();
  if (search === null) return null;
  await pending.remove();
  return now - search.at <= PENDING_SEARCH_MS ? search.query : null;
}
