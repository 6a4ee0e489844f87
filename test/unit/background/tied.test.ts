import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import { getTabState } from '../../../src/background/tab-state';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, ticketSender, useBackground } from './harness';

// How many visitors tie at the top reaches the popup with the ticket's state and with a search,
// so its label can say "2 of 3" rather than counting every row.

const bg = useBackground();

const identify = (email: string) =>
  routeMessage(
    {
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId: '123',
      identities: { email },
      visible: true,
    },
    ticketSender(1),
    policy,
  );

describe('the tie count', () => {
  it('is kept with the ticket: Sam’s iPhone and desktop online, his other desktop seen a day ago', async () => {
    bg.fake.endSession(SEED_IDS.samDesktopInSession);
    await bg.configure();
    await identify('sam.lee@example.com');
    const state = await getTabState(1);
    expect(state?.visitors).toHaveLength(3);
    expect(state?.ambiguous).toBe(true);
    expect(state?.tied).toBe(2);
  });

  it('comes with a search’s reply', async () => {
    bg.fake.endSession(SEED_IDS.samDesktopInSession);
    await bg.configure();
    const reply = await routeMessage(
      { type: 'visitors/search', query: 'sam.lee@example.com' },
      popupSender,
      policy,
    );
    expect(reply).toMatchObject({ ok: true, data: { ambiguous: true, tied: 2 } });
  });

  it('is 0 in a ticket state stored before it was recorded', async () => {
    await bg.configure();
    await identify('jane.doe@example.com');
    const { ['tab:1']: stored } = await fakeBrowser.storage.session.get('tab:1');
    const { tied: _tied, ...older } = stored as Record<string, unknown>;
    await fakeBrowser.storage.session.set({ 'tab:1': older });
    const state = await getTabState(1);
    expect(state?.visitors[0]?.short_id).toBe(SEED_IDS.jane);
    expect(state?.tied).toBe(0);
  });
});
