import browser from 'webextension-polyfill';
import { chromeSidePanel as sidePanel } from '../shared/side-panel';

// The side panel is Chrome's sidePanel and Firefox's sidebar: the same page in both. Each is
// opened only during a click (both browsers refuse it later), so the window it opens in is found
// before the click and the call is made straight from the click handler, before any await.

type SidebarAction = { open?: () => Promise<void> };

const sidebar = (): SidebarAction | undefined =>
  (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;

/** Whether this browser has a side panel (or sidebar) the popup can move to. */
export function canOpenPanel(): boolean {
  return typeof sidePanel()?.open === 'function' || typeof sidebar()?.open === 'function';
}

/** The window this page belongs to, asked early so a click can open the panel at once. */
export function currentWindowId(): Promise<number | null> {
  return browser.windows.getCurrent().then(
    (window) => window.id ?? null,
    () => null,
  );
}

/**
 * Opens the side panel in `windowId` (Chrome) or the sidebar (Firefox). Call it from the click
 * itself. Resolves false when the browser refused.
 */
export function openPanel(windowId: number | null): Promise<boolean> {
  try {
    const chromePanel = sidePanel();
    if (chromePanel && windowId !== null) {
      return chromePanel.open({ windowId }).then(
        () => true,
        () => false,
      );
    }
    const firefoxSidebar = sidebar();
    if (firefoxSidebar?.open) {
      return firefoxSidebar.open().then(
        () => true,
        () => false,
      );
    }
  } catch {
    // Refused synchronously (no user gesture): fall through.
  }
  return Promise.resolve(false);
}
