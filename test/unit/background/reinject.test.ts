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
/** The scripts registered at run time (custom helpdesk domains), or the browser's refusal. */
let registered: () => Promise<unknown[]>;
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
  registered = async () => [CUSTOM];
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
    query: vi.fn(async ({ url }: { url: string[] }) => {
      if (url.some((p) => !p.startsWith('https://'))) throw new Error('Invalid url pattern');
      return tabs.filter((t) => url.some((p) => matches(t.url, p)));
    }),
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(() => registered()),
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

it('skips a discarded tab, which loads the script itself when the agent returns to it', async () => {
  tabs.push({ id: 6, url: 'https://acme.zendesk.com/agent/tickets/125', discarded: true });
  await injectIntoOpenTabs();
  expect(injected.map((i) => i.tabId)).not.toContain(6);
});

it('still injects the declared script where the registered ones cannot be read', async () => {
  registered = () => Promise.reject(new Error('not supported'));
  expect(await injectIntoOpenTabs()).toBe(1);
  expect(injected).toEqual([{ tabId: 5, files: [BUILT_JS] }]);
});

it('injects the registered scripts when the manifest declares none', async () => {
  (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => ({
    ...manifest,
    content_scripts: undefined,
  });
  expect(await injectIntoOpenTabs()).toBe(1);
  expect(injected).toEqual([{ tabId: 3, files: [BUILT_JS] }]);
});

it('passes over entries without a script or without pages, and a query the browser refuses', async () => {
  registered = async () => [
    { id: 'styles-only', matches: ['https://support.acme.com/*'], css: ['badge.css'] },
    { id: 'no-pages', js: [BUILT_JS] },
    { id: 'bad-pattern', matches: ['not a pattern'], js: [BUILT_JS] },
    CUSTOM,
  ];
  expect(await injectIntoOpenTabs()).toBe(2);
  expect(injected).toEqual([
    { tabId: 5, files: [BUILT_JS] },
    { tabId: 3, files: [BUILT_JS] },
  ]);
});
