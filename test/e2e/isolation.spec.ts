import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { FakeUpscope, routeFakeUpscope } from '../fake-upscope';
import { launchWithExtension } from './support/browser';
import { configureExtension } from './support/extension';

const OTHER = resolve(import.meta.dirname, '../fixtures/other-extension');

test('another installed extension cannot message or connect to the product', async () => {
  const fake = new FakeUpscope();
  const launched = await launchWithExtension({ alongside: [OTHER] });
  try {
    const { context, serviceWorker, extensionId } = launched;
    await routeFakeUpscope(context, fake);
    await configureExtension(serviceWorker);
    const other =
      context.serviceWorkers().find((w) => w.url().endsWith('/worker.js')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().endsWith('/worker.js'),
      }));

    const outcomes = await other.evaluate(async (target) => {
      const messages = [
        { type: 'settings/get' },
        { type: 'key/save', apiKey: 'attacker-key-123456' },
        { type: 'visitors/search', query: 'jane' },
        { type: 'cobrowse/start', shortId: 'JD7K2P9Q', tabId: 1 },
        { type: 'ticket/start-cobrowse' },
      ];
      const results: string[] = [];
      for (const m of messages) {
        try {
          results.push(`answered ${JSON.stringify(await chrome.runtime.sendMessage(target, m))}`);
        } catch (e) {
          results.push(`refused ${(e as Error).message}`);
        }
      }
      const port = chrome.runtime.connect(target);
      const closed = await new Promise<string>((done) => {
        port.onDisconnect.addListener(() =>
          done(`disconnected ${chrome.runtime.lastError?.message ?? ''}`),
        );
        port.postMessage({ type: 'settings/get' });
        setTimeout(() => done('still open'), 2_000);
      });
      results.push(closed);
      return results;
    }, extensionId);

    expect(outcomes).toHaveLength(6);
    for (const outcome of outcomes) expect(outcome).toMatch(/^(refused|disconnected)/);
    expect(fake.requests).toEqual([]);
    // The key it tried to plant is not the key in use.
    const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('apiKey'));
    expect(JSON.stringify(stored)).not.toContain('attacker-key');
  } finally {
    await launched.close();
  }
});
