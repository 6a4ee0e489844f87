import { fakeBrowser } from '@webext-core/fake-browser';
import type { Menus, Tabs } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import {
  createFindMenu,
  FIND_MENU_ID,
  onFindClicked,
  PENDING_SEARCH_MS,
  selectionQuery,
} from '../../../src/background/find-menu';
import { routeMessage } from '../../../src/background/router';
import { policy, popupSender, ticketSender, useBackground } from './harness';

const bg = useBackground();
const fromPopup = (message: unknown) => routeMessage(message, popupSender, policy);
const tab = { id: 7 } as Tabs.Tab;
const click = (selectionText: string, menuItemId: string | number = FIND_MENU_ID) =>
  onFindClicked({ menuItemId, selectionText } as Menus.OnClickData, tab);

describe('“Find in Upscope” on selected text', () => {
  it('takes the selection as one line of text, and nothing the length of a paragraph', () => {
    expect(selectionQuery('  jane.doe@example.com\n')).toBe('jane.doe@example.com');
    expect(selectionQuery('user-1001\u200b')).toBe('user-1001');
    expect(selectionQuery('Jane\n\tDoe')).toBe('Jane Doe');
    expect(selectionQuery('x'.repeat(120))).toHaveLength(120);
    expect(selectionQuery('x'.repeat(121))).toBeNull();
    expect(selectionQuery(' \n ')).toBeNull();
    expect(selectionQuery(undefined)).toBeNull();
  });

  it('offers the entry on selected text only, with the selection in its title', async () => {
    const removeAll = vi.fn(async () => undefined);
    const create = vi.fn();
    vi.spyOn(fakeBrowser, 'contextMenus', 'get').mockReturnValue({
      ...fakeBrowser.contextMenus,
      removeAll,
      create,
    });
    await createFindMenu();
    expect(removeAll).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledWith({
      id: FIND_MENU_ID,
      title: 'Find in Upscope: “%s”',
      contexts: ['selection'],
    });
  });

  it('opens the popup, which finds the search waiting for it once', async () => {
    await bg.configure();
    await click(' jane.doe@example.com ');
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(await fromPopup({ type: 'search/take-pending' })).toEqual({
      ok: true,
      data: 'jane.doe@example.com',
    });
    // Taken: a popup opened later for another reason starts without it.
    expect(await fromPopup({ type: 'search/take-pending' })).toEqual({ ok: true, data: null });
    // Nothing was sent to Upscope on the click itself: the popup searches.
    expect(bg.fake.requests).toHaveLength(0);
  });

  it('forgets a search the popup did not take within a minute', async () => {
    await bg.configure();
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    try {
      await click('4821');
      vi.setSystemTime(1_000_000 + PENDING_SEARCH_MS + 1);
      expect(await fromPopup({ type: 'search/take-pending' })).toEqual({ ok: true, data: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores other menu entries and empty selections', async () => {
    await bg.configure();
    await click('jane.doe@example.com', 'something-else');
    await click('   ');
    expect(bg.openPopup).not.toHaveBeenCalled();
    expect(await fromPopup({ type: 'search/take-pending' })).toEqual({ ok: true, data: null });
  });

  it('is the popup’s to take: a helpdesk page’s content script cannot', async () => {
    await bg.configure();
    await click('jane.doe@example.com');
    const reply = await routeMessage({ type: 'search/take-pending' }, ticketSender(), policy);
    expect(reply).toMatchObject({ ok: false });
    expect(await fromPopup({ type: 'search/take-pending' })).toMatchObject({
      data: 'jane.doe@example.com',
    });
  });
});
