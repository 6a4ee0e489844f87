import browser from 'webextension-polyfill';
import type { ToolbarOpens } from '../shared/settings';
import { chromeSidePanel as sidePanel } from '../shared/side-panel';

// What a click on the toolbar button (and its shortcut, _execute_action) opens: the popup, or
// Chrome's side panel. A popup set on the action wins over the panel, so choosing the panel also
// takes the popup away, and choosing the popup puts the manifest's back. Firefox has no
// sidePanel: its sidebar has its own button, and the toolbar keeps the popup.

export async function applyToolbarOpens(choice: ToolbarOpens): Promise<void> {
  const panel = sidePanel();
  if (!panel?.setPanelBehavior) return;
  const toPanel = choice === 'panel';
  const popup = browser.runtime.getManifest().action?.default_popup ?? '';
  try {
    await panel.setPanelBehavior({ openPanelOnActionClick: toPanel });
    await browser.action.setPopup({ popup: toPanel ? '' : popup });
  } catch {
    // An older browser without the behaviour: the popup stays, as in the manifest.
  }
}

/**
 * Opens the side panel for the agent to decide, when the toolbar opens the panel (there is no
 * popup to open then). Chrome allows it only in answer to a gesture (the shortcut is one).
 * Resolves false when it is not the agent's choice, or the browser refused.
 */
export async function openPanelInstead(tabId: number | undefined): Promise<boolean> {
  const panel = sidePanel();
  if (!panel?.getPanelBehavior || !panel.open || tabId === undefined) return false;
  try {
    const behaviour = await panel.getPanelBehavior();
    if (!behaviour.openPanelOnActionClick) return false;
    await panel.open({ tabId });
    return true;
  } catch {
    return false;
  }
}
