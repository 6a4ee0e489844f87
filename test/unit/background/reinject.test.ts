import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, expect, it, vi } from 'vitest';
import { chromeManifest } from '../../../scripts/manifest';
import { injectIntoOpenTabs } from '../../../src/background/reinject';

const manifest = chromeManifest();

const BUILT_JS = 'src/content/index.js';
const CUSTOM = {
  id: 'custom-helpdesk-domains',
  matches: ['https://support.acme.com/*'],
  js: [BUILT_JS],
};

interface Tab {
  id: number;
  url: string;
  discarded?: boolean;
}
let tabs: Tab[];
const injected: { tabId: number; files: string[] }[] = [];

/** Chrome's match patterns, as far as these tests use them: scheme, host with `*.`, any path. */
function matches(url: string, pattern: string): boolean {
  const [, host, path] = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  const hostOk = host!.startsWith('*.') ? u.hostname.endsWith(host!.slice(1)) : u.hostname === host;
  return hostOk && (u.pathname + u.search).startsWith(path!.replace(/\*$/, ''));
}

beforeEach(() => {
  fakeBrowser.reset();
  injected.length = 0;
  tabs = [
    { id: 1, url: 'https://acme.zendesk.com/agent/tickets/123' },
    { id: 2, url: 'https://news.example.com/' },
    { id: 3, url: 'https://support.acme.com/conversation/9' },
    { id: 4, url: 'https://acme.freshdesk.com/a/tickets/10', discarded: true },
    { id: 5, url: 'https://acme.zendesk.com/agent/tickets/124' },
  ];
  (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => ({
    ...manifest,
    content_scripts: [{ ...manifest.content_scripts[0], js: [BUILT_JS] }],
  });
  Object.assign(fakeBrowser.tabs, {
    query: vi.fn(async ({ url }: { url: string[] }) =>
      tabs.filter((t) => url.some((p) => matches(t.url, p))),
    ),
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => [CUSTOM]),
      executeScript: vi.fn(
        async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
          // A tab that failed to load refuses injection; the others must still get it.
          if (target.tabId === 1) throw new Error('Frame with ID 0 is showing error page');
          injected.push({ tabId: target.tabId, files });
        },
      ),
    },
  });
});

it('injects the built script into open helpdesk tabs only, custom domains included', async () => {
  const count = await injectIntoOpenTabs();
  expect(injected).toEqual([
    { tabId: 5, files: [BUILT_JS] },
    { tabId: 3, files: [BUILT_JS] },
  ]);
  expect(count).toBe(2);
});
