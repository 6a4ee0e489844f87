import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import { clearToolbar, showOnToolbar } from '../../../src/background/toolbar';
import { applyToolbarOpens, openPanelInstead } from '../../../src/background/toolbar-opens';
import type { PresenceState } from '../../../src/shared/views';
import { stateColour } from '../../../src/wording/states';
import { policy, ticketSender, useBackground } from './harness';

// The toolbar button: what it shows for the ticket in each tab, and what a click on it opens.

const bg = useBackground();

const identify = (email: string, tabId = 1) =>
  routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', identities: { email }, visible: true },
    ticketSender(tabId),
    policy,
  );

const toolbar = async (tabId = 1) => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  title: await fakeBrowser.action.getTitle({ tabId }),
});

/** The fake reads colours back as RGBA bytes. */
function rgba(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('what the toolbar shows for a ticket', () => {
  it.each([
    ['online', 'jane.doe@example.com', 'ON'],
    ['waiting for a call', 'maria.garcia@example.com', 'CALL'],
    ['in a session', 'priya.patel@example.com', 'LIVE'],
    ['offline', 'tom.baker@example.com', 'OFF'],
    ['not found', 'nobody@example.com', 'NONE'],
  ])('a customer %s: a code, the badge’s colour and the state in words', async (_, email, code) => {
    await bg.configure();
    const reply = (await identify(email)) as { data: { state: PresenceState; title: string } };
    const { state, title } = reply.data;
    expect(await toolbar()).toEqual({ text: code, title: `Helpdesk Co-browse: ${title}` });
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual(
      rgba(stateColour(state)),
    );
    // Only that tab's button changes.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 2 })).toBe('');
  });

  it.each([
    ['unsupported', 'N/A'],
    ['not_configured', 'SET'],
    ['rate_limited', '…'],
    ['error', '!'],
    ['disabled', ''],
  ] as const)('%s shows %j', async (state, text) => {
    await showOnToolbar(3, { state, label: '', title: 'Why it is so', canStart: false });
    expect(await toolbar(3)).toEqual({ text, title: 'Helpdesk Co-browse: Why it is so' });
  });

  it('states of different tones have different colours', async () => {
    const colours = new Set<string>();
    for (const state of ['online', 'waiting', 'in_session', 'offline', 'error'] as const) {
      await showOnToolbar(3, { state, label: '', title: '', canStart: false });
      colours.add(String(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 3 })));
    }
    expect(colours.size).toBe(5);
  });

  it('is cleared back to the extension’s name when the tab leaves the ticket', async () => {
    await bg.configure();
    await identify('jane.doe@example.com');
    expect((await toolbar()).text).toBe('ON');
    await routeMessage({ type: 'ticket/left' }, ticketSender(1), policy);
    expect(await toolbar()).toEqual({ text: '', title: 'Helpdesk Co-browse' });
  });

  it('a tab closed meanwhile is no error', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 9.'));
    await expect(
      showOnToolbar(9, { state: 'online', label: '', title: '', canStart: true }),
    ).resolves.toBeUndefined();
    await expect(clearToolbar(9)).resolves.toBeUndefined();
  });
});

/** Chrome's side panel API, as much of it as the extension uses. */
function sidePanel(openPanelOnActionClick = false) {
  const panel = {
    getPanelBehavior: vi.fn(async () => ({ openPanelOnActionClick })),
    setPanelBehavior: vi.fn(async (_behaviour: { openPanelOnActionClick: boolean }) => undefined),
    open: vi.fn(async (_options: { tabId: number }) => undefined),
  };
  vi.stubGlobal('chrome', { sidePanel: panel });
  return panel;
}

describe('what the toolbar button opens', () => {
  const setPopup = () => vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);

  it('the side panel: the panel opens on a click and the popup is taken away', async () => {
    const panel = sidePanel();
    const popup = setPopup();
    await applyToolbarOpens('panel');
    expect(panel.setPanelBehavior).toHaveBeenCalledExactlyOnceWith({
      openPanelOnActionClick: true,
    });
    expect(popup).toHaveBeenCalledExactlyOnceWith({ popup: '' });
  });

  it('the popup: the manifest’s popup is put back and the panel no longer opens', async () => {
    const panel = sidePanel(true);
    const popup = setPopup();
    await applyToolbarOpens('popup');
    expect(panel.setPanelBehavior).toHaveBeenCalledExactlyOnceWith({
      openPanelOnActionClick: false,
    });
    expect(popup).toHaveBeenCalledExactlyOnceWith({ popup: 'src/popup/index.html' });
  });

  it('a browser without the side panel (Firefox) keeps the popup', async () => {
    const popup = setPopup();
    await applyToolbarOpens('panel');
    expect(popup).not.toHaveBeenCalled();
  });

  it('a browser refusing the panel behaviour keeps the popup', async () => {
    const panel = sidePanel();
    panel.setPanelBehavior.mockRejectedValue(new Error('not supported'));
    const popup = setPopup();
    await expect(applyToolbarOpens('panel')).resolves.toBeUndefined();
    expect(popup).not.toHaveBeenCalled();
  });
});

describe('opening the side panel instead of the popup', () => {
  it('opens it for the tab when the button opens the panel', async () => {
    const panel = sidePanel(true);
    expect(await openPanelInstead(4)).toBe(true);
    expect(panel.open).toHaveBeenCalledExactlyOnceWith({ tabId: 4 });
  });

  it('not when the button opens the popup', async () => {
    const panel = sidePanel(false);
    expect(await openPanelInstead(4)).toBe(false);
    expect(panel.open).not.toHaveBeenCalled();
  });

  it('not without a tab, a side panel, or a browser that can open it', async () => {
    const panel = sidePanel(true);
    expect(await openPanelInstead(undefined)).toBe(false);
    expect(panel.open).not.toHaveBeenCalled();

    vi.stubGlobal('chrome', { sidePanel: { getPanelBehavior: panel.getPanelBehavior } });
    expect(await openPanelInstead(4)).toBe(false);

    vi.stubGlobal('chrome', { sidePanel: { open: panel.open } });
    expect(await openPanelInstead(4)).toBe(false);
    expect(panel.open).not.toHaveBeenCalled();

    vi.unstubAllGlobals();
    expect(await openPanelInstead(4)).toBe(false);
  });

  it('reports a refusal (no gesture, an older browser) as not opened', async () => {
    const panel = sidePanel(true);
    panel.open.mockRejectedValue(new Error('may only be called in response to a user gesture'));
    expect(await openPanelInstead(4)).toBe(false);
  });
});
