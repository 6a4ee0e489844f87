import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { chromeManifest } from '../../../scripts/manifest';
import { stubEntryPointApis } from './harness';

const manifest = chromeManifest();

describe('service worker start-up', () => {
  it('registers every listener synchronously, in the first turn', async () => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => manifest;
    stubEntryPointApis();
    Object.assign(fakeBrowser, {
      scripting: { getRegisteredContentScripts: vi.fn(async () => []) },
    });
    vi.resetModules();
    const pending = import('../../../src/background/index');
    await pending;
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect(fakeBrowser.commands.onCommand.hasListeners()).toBe(true);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    expect(fakeBrowser.contextMenus.onClicked.hasListeners()).toBe(true);
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    expect(fakeBrowser.permissions.onAdded.hasListeners()).toBe(true);
    // A top-level await would let the worker's first turn end before the listeners exist.
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync(new URL('../../../src/background/index.ts', import.meta.url), 'utf8'),
    );
    expect(source).not.toMatch(/^\s*(await|for await)\b/m);
  });

  it('listens to no other extension', async () => {
    expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync(new URL('../../../src/background/index.ts', import.meta.url), 'utf8'),
    );
    expect(source).not.toMatch(/onMessageExternal|onConnectExternal/);
  });
});
