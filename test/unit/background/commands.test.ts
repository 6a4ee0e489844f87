import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromeManifest } from '../../../scripts/manifest';
import { onStartShortcut, START_COMMAND } from '../../../src/background/commands';
import { routeMessage } from '../../../src/background/router';
import { SEED_IDS } from '../../fake-upscope';
import { policy, SENTINEL_KEY, ticketSender, useBackground } from './harness';

// The "start co-browsing" keyboard shortcut: it starts only when the choice is clear, otherwise
// it opens the popup (or the side panel) for the agent, and without either says why on the toolbar.

const bg = useBackground();

const posts = () => bg.fake.requests.filter((r) => r.method === 'POST');

async function onTicket(email: string, tabId = 1) {
  await routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', identities: { email }, visible: true },
    ticketSender(tabId),
    policy,
  );
}

const shortcut = async (tabId = 1) => onStartShortcut(await fakeBrowser.tabs.get(tabId));

const toolbar = async (tabId = 1) => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  title: await fakeBrowser.action.getTitle({ tabId }),
});

/** Chrome's side panel, where the toolbar button opens it (or not). */
function sidePanel(openPanelOnActionClick: boolean) {
  const panel = {
    getPanelBehavior: vi.fn(async () => ({ openPanelOnActionClick })),
    setPanelBehavior: vi.fn(async () => undefined),
    open: vi.fn(async (_options: { tabId: number }) => undefined),
  };
  vi.stubGlobal('chrome', { sidePanel: panel });
  return panel;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the start shortcut', () => {
  it('is the command the manifest gives a key', () => {
    const commands = chromeManifest().commands as Record<string, { suggested_key?: unknown }>;
    expect(commands[START_COMMAND]?.suggested_key).toBeDefined();
  });

  it('opens the popup when the browser names no tab', async () => {
    await bg.configure();
    await onStartShortcut(undefined);
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(posts()).toHaveLength(0);
  });

  it('opens the popup when the ticket found nobody', async () => {
    await bg.configure();
    await onTicket('nobody@example.com');
    await shortcut();
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(posts()).toHaveLength(0);
  });
});

describe('when the popup cannot open', () => {
  it('says on the tab’s toolbar that no customer is known', async () => {
    await bg.configure();
    bg.openPopup.mockRejectedValue(new Error('no window'));
    await shortcut();
    expect(await toolbar()).toEqual({
      text: '!',
      title: 'Helpdesk Co-browse: No customer visitor is known for this tab.',
    });
  });

  it('says so too when the ticket found nobody', async () => {
    await bg.configure();
    await onTicket('nobody@example.com');
    bg.openPopup.mockRejectedValue(new Error('no window'));
    await shortcut();
    expect(await toolbar()).toEqual({
      text: '!',
      title: 'Helpdesk Co-browse: No customer visitor is known for this tab.',
    });
  });

  it('says why the customer cannot be started with in one key press', async () => {
    await bg.configure();
    await onTicket('tom.baker@example.com');
    bg.openPopup.mockRejectedValue(new Error('no window'));
    await shortcut();
    const shown = await toolbar();
    expect(shown.text).toBe('!');
    expect(shown.title).toMatch(/^Helpdesk Co-browse: .*not on your website/);
  });

  it('touches no toolbar when there is no tab to say it on', async () => {
    await bg.configure();
    bg.openPopup.mockRejectedValue(new Error('no window'));
    await onStartShortcut(undefined);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('');
  });

  it('opens the side panel for the tab when the toolbar button opens the panel', async () => {
    await bg.configure({ toolbarOpens: 'panel' });
    const panel = sidePanel(true);
    bg.openPopup.mockRejectedValue(new Error('no popup'));
    await shortcut();
    expect(panel.open).toHaveBeenCalledExactlyOnceWith({ tabId: 1 });
    expect((await toolbar()).text).toBe('');
  });

  it('does not open the side panel when the toolbar button opens the popup', async () => {
    await bg.configure();
    const panel = sidePanel(false);
    bg.openPopup.mockRejectedValue(new Error('no window'));
    await shortcut();
    expect(panel.open).not.toHaveBeenCalled();
    expect((await toolbar()).text).toBe('!');
  });
});

describe('when the start fails', () => {
  it('shows why on the toolbar and on the ticket’s badge', async () => {
    await bg.configure();
    await onTicket('jane.doe@example.com');
    bg.fake.revokeKey(SENTINEL_KEY);
    bg.sentToTabs.length = 0;
    await shortcut();
    expect(posts()).toHaveLength(1);
    const pushed = bg.sentToTabs.at(-1) as { type: string; view: { title: string } };
    expect(pushed.type).toBe('badge/update');
    expect(pushed.view.title).toMatch(/key/i);
    expect((await toolbar()).title).toBe(`Helpdesk Co-browse: ${pushed.view.title}`);
  });

  it('says the visitor left when Upscope no longer knows them', async () => {
    await bg.configure();
    await onTicket('jane.doe@example.com');
    bg.fake.injectFault({ match: { method: 'POST' }, status: 404, body: { error: 'not_found' } });
    await shortcut();
    expect((await toolbar()).title).toMatch(/has left your website/);
    expect(bg.fake.watchSessions.map((s) => s.shortId)).not.toContain(SEED_IDS.jane);
  });
});
