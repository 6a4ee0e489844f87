// Chrome's side panel API where the browser has one (Firefox has its sidebar instead). Reached
// through this one accessor, so every context feature-detects it the same way.

export type ChromeSidePanel = typeof chrome.sidePanel;

export function chromeSidePanel(): ChromeSidePanel | undefined {
  return typeof chrome === 'undefined' ? undefined : chrome.sidePanel;
}

/** Whether the toolbar button can be made to open the side panel (Chrome 114+). */
export function toolbarCanOpenPanel(): boolean {
  return typeof chromeSidePanel()?.setPanelBehavior === 'function';
}
