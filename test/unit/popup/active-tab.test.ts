import { fakeBrowser } from '@webext-core/fake-browser';
import type { Tabs, Windows } from 'webextension-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The side panel's follower against the browser's own answers: which window it is in and which
// tab is active there, including a tab brought to the front before it started listening.

const send = vi.fn(async () => ({ ok: true, data: { state: null, setup: null } }));
vi.mock('../../../src/shared/page-send', () => ({ send: () => send() }));

const { followActiveTab } = await import('../../../src/sidepanel/active-tab');

let activeId = 7;
function browserWith(): void {
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockImplementation(
    async () => ({ id: 1 }) as Windows.Window as never,
  );
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockImplementation(async () => undefined as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(
    async () => [{ id: activeId }] as Tabs.Tab[],
  );
}

afterEach(() => vi.restoreAllMocks());

describe('the side panel’s follower', () => {
  it('starts on the active tab of its window', async () => {
    activeId = 7;
    browserWith();
    const { boot } = followActiveTab();
    expect(await boot.tabId).toBe(7);
  });

  it('a tab brought to the front before it listens is followed as soon as it does', async () => {
    activeId = 7;
    browserWith();
    const { boot, watch } = followActiveTab();
    expect(await boot.tabId).toBe(7);
    // The agent switches tabs while the panel is still putting its first answer on screen.
    activeId = 9;
    const changed = vi.fn();
    const stop = watch.watch(changed, () => 7);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledWith(9));
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
  });

  it('nothing changed meanwhile: no second look', async () => {
    activeId = 7;
    browserWith();
    const { boot, watch } = followActiveTab();
    await boot.tabId;
    const changed = vi.fn();
    const stop = watch.watch(changed, () => 7);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(changed).not.toHaveBeenCalled();
    stop();
  });
});
