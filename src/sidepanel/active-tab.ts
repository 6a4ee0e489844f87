import browser, { type Storage, type Tabs } from 'webextension-polyfill';
import { send } from '../shared/page-send';
import { TAB_STATE_PREFIX } from '../shared/views';
import { setupOnly, type Boot, type TabWatch } from '../popup/use-tab-state';

// The side panel belongs to one window and speaks about the tab active in it. It learns of a
// change from the browser (another tab activated, the tab navigated or closed) and from the
// worker's stored answers changing (the content script found the next ticket after a same-tab
// navigation, or a presence refresh). Each change costs one message to the worker, never a
// request to the API.

interface Where {
  windowId: number | null;
  /** The page's own tab when it is open as a tab (never followed: it is not a ticket). */
  ownTabId: number | null;
}

async function where(): Promise<Where> {
  const [window, own] = await Promise.all([
    browser.windows.getCurrent().catch(() => null),
    browser.tabs.getCurrent().catch(() => undefined),
  ]);
  return { windowId: window?.id ?? null, ownTabId: own?.id ?? null };
}

async function activeTab({ windowId, ownTabId }: Where): Promise<number | null> {
  if (windowId === null) return null;
  try {
    const [tab] = await browser.tabs.query({ active: true, windowId });
    return tab?.id !== undefined && tab.id !== ownTabId ? tab.id : null;
  } catch {
    return null;
  }
}

/** Whether a tab update can mean another page, or the same page done loading. */
function navigated(info: Tabs.OnUpdatedChangeInfoType): boolean {
  return info.url !== undefined || info.status === 'complete';
}

export function followActiveTab(): { boot: Boot; watch: TabWatch } {
  const place = where();
  const tabId = place.then(activeTab);
  const cached = tabId.then((id) =>
    id === null ? setupOnly() : send({ type: 'tab/state', tabId: id, refresh: false }),
  );

  const watch: TabWatch = {
    watch(changed, shown) {
      let known: Where | null = null;
      let active: number | null = null;
      /** A tab activated since the panel opened: newer than the first answer about the window. */
      let moved = false;
      void Promise.all([place, tabId]).then(async ([w, first]) => {
        known = w;
        if (moved) return;
        active = first;
        // These listeners exist only once the panel's first answer is on screen: a tab brought
        // to the front before then is found by asking once more.
        const now = await activeTab(w);
        if (!moved && now !== null && now !== first) {
          moved = true;
          active = now;
          changed(now);
        }
      });
      const mentions = (id: number) => id === active || id === shown();
      const tell = () => {
        if (active !== null) changed(active);
      };

      // A tab brought to the front while the panel is still finding its own window is not missed:
      // the panel waits for that answer, then follows.
      const onActivated = async ({ tabId: id, windowId }: Tabs.OnActivatedActiveInfoType) => {
        const at = known ?? (await place);
        if (windowId !== at.windowId || id === at.ownTabId) return;
        moved = true;
        active = id;
        changed(id);
      };
      const onUpdated = (id: number, info: Tabs.OnUpdatedChangeInfoType) => {
        if (mentions(id) && navigated(info)) tell();
      };
      const onRemoved = (id: number) => {
        if (id === shown()) tell();
      };
      const onStorage = (changes: Record<string, Storage.StorageChange>, area: string) => {
        if (area !== 'session') return;
        const ids = Object.keys(changes)
          .filter((key) => key.startsWith(TAB_STATE_PREFIX))
          .map((key) => Number(key.slice(TAB_STATE_PREFIX.length)));
        if (ids.some(mentions)) tell();
      };

      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.tabs.onRemoved.addListener(onRemoved);
      browser.storage.onChanged.addListener(onStorage);
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.tabs.onRemoved.removeListener(onRemoved);
        browser.storage.onChanged.removeListener(onStorage);
      };
    },
  };
  return { boot: { tabId, cached }, watch };
}
