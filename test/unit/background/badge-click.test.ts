import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import { policy, ticketSender, useBackground } from './harness';

// A click on a badge that starts nothing opens what the agent needs: the settings from "Set up".
// A page's own script can send the same message, so the worker opens them only while the tab's
// badge really says "Set up".

const bg = useBackground();
let openOptionsPage: ReturnType<typeof vi.fn>;

beforeEach(() => {
  openOptionsPage = vi.fn(async () => undefined);
  (fakeBrowser.runtime as unknown as Record<string, unknown>).openOptionsPage = openOptionsPage;
});

async function identify(email: string) {
  return routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', identities: { email }, visible: true },
    ticketSender(1),
    policy,
  );
}

const openSettings = () => routeMessage({ type: 'ticket/open-settings' }, ticketSender(1), policy);

describe('a click on "Set up"', () => {
  it('opens the settings while the extension has no key', async () => {
    await bg.configure({}, null);
    expect(await identify('jane.doe@example.com')).toMatchObject({
      data: { label: 'Set up', opens: 'settings' },
    });
    expect(await openSettings()).toEqual({ ok: true, data: null });
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('opens nothing once the badge says something else', async () => {
    await bg.configure();
    await identify('jane.doe@example.com');
    await openSettings();
    expect(openOptionsPage).not.toHaveBeenCalled();
  });

  it('opens nothing for a tab with no ticket', async () => {
    await bg.configure({}, null);
    await openSettings();
    expect(openOptionsPage).not.toHaveBeenCalled();
  });
});
