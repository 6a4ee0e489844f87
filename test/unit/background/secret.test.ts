import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import { onStartShortcut } from '../../../src/background/commands';
import { refreshVisibleTickets } from '../../../src/background/presence';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, SENTINEL_KEY, ticketSender, useBackground } from './harness';

const bg = useBackground();

describe('the key never reaches a content script', () => {
  it('no reply to a content script and no message to a tab contains it, on success or failure', async () => {
    await bg.configure();
    const toContent: unknown[] = [];
    const content = (message: unknown, tabId = 1) =>
      routeMessage(message, ticketSender(tabId), policy).then((r) => toContent.push(r));
    const logs = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];

    const everyContentMessage = async () => {
      for (const email of [
        'jane.doe@example.com',
        'maria.garcia@example.com',
        'tom.baker@example.com',
        'hostile@example.com',
        'nobody@example.com',
      ]) {
        await content({
          type: 'ticket/identify',
          helpdesk: 'zendesk',
          identities: { email },
          visible: true,
        });
        await content({ type: 'ticket/visibility', visible: false });
        await content({ type: 'ticket/visibility', visible: true });
        await content({ type: 'ticket/start-cobrowse', nonce: 'n' });
      }
      await content({ type: 'ticket/left' });
      await content({ type: 'not/a-type', key: 'x' });
    };

    await everyContentMessage();
    // The same again through every failure the API can answer with.
    for (const fault of [
      { status: 500, times: 9 },
      { malformed: true, times: 9 },
      { status: 429, retryAfter: 1 },
      { drop: true, times: 9 },
    ]) {
      bg.fake.clearFaults();
      await fakeBrowser.storage.session.clear();
      bg.fake.injectFault(fault);
      await everyContentMessage();
    }
    bg.fake.clearFaults();
    await fakeBrowser.storage.session.clear();
    bg.fake.revokeKey(SENTINEL_KEY);
    await everyContentMessage();
    await refreshVisibleTickets();
    await onStartShortcut(await fakeBrowser.tabs.get(1));
    // Page-side actions that push updates to every tab.
    await bg.configure();
    await routeMessage({ type: 'key/save', apiKey: SENTINEL_KEY }, popupSender, policy);
    await routeMessage({ type: 'visitor/forget', shortId: SEED_IDS.jane }, popupSender, policy);

    expect(toContent.length).toBeGreaterThan(50);
    const seen = JSON.stringify([
      toContent,
      bg.sentToTabs,
      bg.sentToEveryFrame,
      logs.map((l) => l.mock.calls),
    ]);
    expect(seen).not.toContain(SENTINEL_KEY);
    expect(seen).not.toMatch(/x-api-key/i);
    // Some 200 messages through every failure: more than the default 5 s on a busy machine.
  }, 30_000);

  it('the badge gets words, not the API’s visitor objects', async () => {
    await bg.configure();
    const reply = await routeMessage(
      {
        type: 'ticket/identify',
        helpdesk: 'zendesk',
        identities: { email: 'jane.doe@example.com' },
        visible: true,
      },
      ticketSender(1),
      policy,
    );
    expect(Object.keys((reply as { data: object }).data).sort()).toEqual([
      'canStart',
      'color',
      'label',
      'nonce',
      'state',
      'title',
    ]);
  });
});
