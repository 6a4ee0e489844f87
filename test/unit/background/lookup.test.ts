import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import { forgetTabBudget, TAB_LOOKUPS_PER_MINUTE } from '../../../src/background/tab-budget';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, ticketSender, useBackground } from './harness';

const bg = useBackground();

function identify(identities: Record<string, string>, tabId = 7, helpdesk = 'zendesk') {
  return routeMessage(
    { type: 'ticket/identify', helpdesk, ticketId: '123', identities, visible: true },
    ticketSender(tabId),
    policy,
  );
}

const searches = () => bg.apiCalls().filter((c) => c.path.endsWith('/list.json'));

describe('resolving a ticket customer', () => {
  it('finds the visitor by email and tells the badge they are online', async () => {
    await bg.configure();
    const reply = await identify({ email: 'jane.doe@example.com' });
    expect(reply).toEqual({
      ok: true,
      data: expect.objectContaining({
        state: 'online',
        label: 'Co-browse with Jane · Online',
        canStart: true,
      }),
    });
    expect(searches()).toEqual([
      expect.objectContaining({ query: { search: 'jane.doe@example.com' } }),
    ]);
  });

  it('tries the website user id first, then the email, then the helpdesk id', async () => {
    await bg.configure();
    await identify({
      externalId: 'nobody-42',
      email: 'nobody@example.com',
      helpdeskUserId: '3901',
    });
    expect(searches().map((c) => c.query.search)).toEqual([
      'id:nobody-42',
      'nobody@example.com',
      'integration_id:zendesk:3901',
    ]);
  });

  it('ranks several visitors of one person: online and free beats in-session and offline', async () => {
    await bg.configure();
    await identify({ email: 'sam.lee@example.com' });
    const reply = await routeMessage(
      { type: 'tab/state', tabId: 7, refresh: false },
      popupSender,
      policy,
    );
    const state = (
      reply as {
        data: {
          state: {
            visitors: { short_id: string }[];
            candidates: { state: string; matchedBy: { kind: string } }[];
            ambiguous: boolean;
          };
        };
      }
    ).data.state;
    expect(state.visitors.map((v) => v.short_id)).toEqual([
      SEED_IDS.samMobile,
      SEED_IDS.samDesktopInSession,
      SEED_IDS.samDesktopOffline,
    ]);
    // How each was found and how present it is, as data: the pages word it in their language.
    expect(state.candidates[0]).toEqual({
      shortId: SEED_IDS.samMobile,
      state: 'online',
      matchedBy: { kind: 'email' },
    });
    expect(state.candidates[2]?.state).toBe('offline');
    expect(state.ambiguous).toBe(false);
  });

  it('puts a visitor waiting for a call first and says so', async () => {
    await bg.configure();
    const reply = await identify({ email: 'maria.garcia@example.com' });
    expect(reply).toMatchObject({
      ok: true,
      data: { state: 'waiting', label: 'Co-browse with Maria · Waiting for a call' },
    });
  });

  it('says not found when nobody matches, and offline with when they were last seen', async () => {
    await bg.configure();
    expect(await identify({ email: 'nobody@example.com' })).toMatchObject({
      data: { state: 'not_found', canStart: false },
    });
    expect(await identify({ email: 'tom.baker@example.com' }, 8)).toMatchObject({
      data: { state: 'offline', label: 'Tom · seen 3h ago', canStart: false },
    });
  });

  it('asks for setup, without calling the API, when there is no key', async () => {
    await bg.configure({}, null);
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'not_configured' },
    });
    expect(bg.fake.requests).toHaveLength(0);
  });

  it('shows the badge as turned off for a helpdesk the agent disabled, and calls nothing', async () => {
    await bg.configure({ disabledHelpdesks: ['zendesk'] });
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'disabled' },
    });
    expect(bg.fake.requests).toHaveLength(0);
  });
});

describe('one request per identity per freshness window', () => {
  it('N tabs asking about the same customer at once make one request', async () => {
    await bg.configure();
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => identify({ email: 'jane.doe@example.com' }, 100 + i)),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(searches()).toHaveLength(1);
  });

  it('answers from storage.session after the worker is restarted', async () => {
    await bg.configure();
    await identify({ email: 'jane.doe@example.com' });
    vi.resetModules();
    const fresh = await import('../../../src/background/router');
    const reply = await fresh.routeMessage(
      {
        type: 'ticket/identify',
        helpdesk: 'zendesk',
        identities: { email: 'jane.doe@example.com' },
        visible: true,
      },
      ticketSender(9),
      policy,
    );
    expect(reply).toMatchObject({ ok: true, data: { state: 'online' } });
    expect(searches()).toHaveLength(1);
  });

  it('asks again once the freshness window has passed', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'jane.doe@example.com' });
    const later = Date.now() + 31_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await identify({ email: 'jane.doe@example.com' });
    expect(searches()).toHaveLength(2);
  });
});

describe('protecting the team’s API quota', () => {
  it('a 429 pauses every call until Retry-After, across tabs', async () => {
    await bg.configure();
    bg.fake.injectFault({ status: 429, retryAfter: 120 });
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'rate_limited' },
    });
    expect(await identify({ email: 'tom.baker@example.com' }, 8)).toMatchObject({
      data: { state: 'rate_limited' },
    });
    expect(bg.fake.requests).toHaveLength(1);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 121_000);
    expect(await identify({ email: 'tom.baker@example.com' }, 8)).toMatchObject({
      data: { state: 'offline' },
    });
  });

  it('an invalid key stops all calls until the key changes', async () => {
    await bg.configure();
    bg.fake.revokeKey('SENTINEL-KEY-5e1f0c2a9b');
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'not_configured' },
    });
    await identify({ email: 'tom.baker@example.com' }, 8);
    await identify({ email: 'sam.lee@example.com' }, 9);
    expect(bg.fake.requests).toHaveLength(1);
    const saved = await routeMessage(
      { type: 'key/save', apiKey: 'other-key' },
      popupSender,
      policy,
    );
    expect(saved).toMatchObject({ ok: true, data: { outcome: 'valid' } });
    expect(await identify({ email: 'jane.doe@example.com' }, 10)).toMatchObject({
      data: { state: 'online' },
    });
  });

  it('a refused key is shown even for a visitor still in the cache: nothing could be started', async () => {
    await bg.configure();
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'online' },
    });
    bg.fake.revokeKey('SENTINEL-KEY-5e1f0c2a9b');
    await identify({ email: 'tom.baker@example.com' }, 8);
    expect(await identify({ email: 'jane.doe@example.com' }, 9)).toMatchObject({
      data: { state: 'not_configured' },
    });
  });

  it('a page that keeps changing the customer is limited per tab', async () => {
    await bg.configure();
    for (let i = 0; i < TAB_LOOKUPS_PER_MINUTE + 8; i++) {
      await identify({ email: `someone${i}@example.com` }, 7);
    }
    expect(searches()).toHaveLength(TAB_LOOKUPS_PER_MINUTE);
    expect(await identify({ email: 'jane.doe@example.com' }, 7)).toMatchObject({
      data: { state: 'rate_limited' },
    });
    // Another tab still works.
    expect(await identify({ email: 'jane.doe@example.com' }, 8)).toMatchObject({
      data: { state: 'online' },
    });
  });

  it('concurrent bursts from one tab cannot slip past the limit', async () => {
    await bg.configure();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => identify({ email: `burst${i}@example.com` }, 7)),
    );
    expect(searches()).toHaveLength(TAB_LOOKUPS_PER_MINUTE);
  });

  it('keeps the visitors it knew when a refresh fails, so nothing is lost', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await identify({ email: 'jane.doe@example.com' });
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    bg.fake.injectFault({ status: 503, times: 3 });
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'error' },
    });
    const reply = await routeMessage(
      { type: 'tab/state', tabId: 7, refresh: false },
      popupSender,
      policy,
    );
    expect(reply).toMatchObject({ data: { state: { visitors: [{ short_id: SEED_IDS.jane }] } } });
    void fakeBrowser;
  });
});

describe('the lookup cache stays bounded', () => {
  const search = (query: string) =>
    routeMessage({ type: 'visitors/search', query }, popupSender, policy);
  const cached = async () =>
    Object.entries(await fakeBrowser.storage.session.get(null)).filter(([k]) =>
      k.startsWith('lookup:'),
    );

  it('keeps at most 100 searches, the newest', async () => {
    await bg.configure({ freshnessSeconds: 3600 });
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 10));
    for (let i = 0; i < 130; i++)
      expect(await search(`nobody-${i}@example.com`)).toMatchObject({ ok: true });
    const keys = (await cached()).map(([k]) => k);
    expect(keys).toHaveLength(100);
    expect(keys).toContain('lookup:nobody-129@example.com');
    expect(keys).not.toContain('lookup:nobody-29@example.com');
  });

  it('drops answers past the freshness window when it writes', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    await search('old@example.com');
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    await search('new@example.com');
    expect((await cached()).map(([k]) => k)).toEqual(['lookup:new@example.com']);
  });

  it('drops an answer exactly as old as the window when it writes', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const start = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(start);
    await search('old@example.com');
    vi.spyOn(Date, 'now').mockReturnValue(start + 29_999);
    await search('mid@example.com');
    vi.spyOn(Date, 'now').mockReturnValue(start + 30_000);
    await search('new@example.com');
    expect((await cached()).map(([k]) => k).sort()).toEqual([
      'lookup:mid@example.com',
      'lookup:new@example.com',
    ]);
  });

  it('keeps about 1 MB at most, dropping the oldest first', async () => {
    await bg.configure({ freshnessSeconds: 3600 });
    await search('jane.doe@example.com');
    const [[, entry]] = (await cached()) as [[string, { at: number; visitors: object[] }]];
    const big = { ...entry.visitors[0], notes: 'x'.repeat(100_000) };
    const at = Date.now();
    for (let i = 0; i < 30; i++)
      await fakeBrowser.storage.session.set({
        [`lookup:big-${i}`]: { at: at - 1000 + i, visitors: [big] },
      });
    await search('sam.lee@example.com');
    const left = await cached();
    const chars = left.reduce((sum, [, value]) => sum + JSON.stringify(value).length, 0);
    expect(chars).toBeLessThanOrEqual(1_000_000);
    expect(chars).toBeGreaterThan(800_000);
    const keys = left.map(([k]) => k);
    expect(keys).toContain('lookup:sam.lee@example.com');
    expect(keys).toContain('lookup:big-29');
    expect(keys).not.toContain('lookup:big-0');
  });
});

describe('how a visitor was found', () => {
  it('by the helpdesk’s own user id, naming the helpdesk', async () => {
    await bg.configure();
    await identify({ helpdeskUserId: '3901' });
    expect((await fakeBrowser.storage.session.get('tab:7'))['tab:7']).toMatchObject({
      visitors: [{ short_id: SEED_IDS.integration }],
      candidates: [
        {
          shortId: SEED_IDS.integration,
          matchedBy: { kind: 'helpdesk_user_id', helpdesk: 'zendesk' },
        },
      ],
    });
  });

  it('nobody found is not a choice to make: no tie, nothing for the popup to confirm', async () => {
    await bg.configure();
    await identify({ email: 'nobody@example.com' });
    expect((await fakeBrowser.storage.session.get('tab:7'))['tab:7']).toMatchObject({
      visitors: [],
      ambiguous: false,
      tied: 0,
    });
  });
});

describe('freshness, to the millisecond', () => {
  it('an answer exactly as old as the window is asked for again', async () => {
    await bg.configure({ freshnessSeconds: 30 });
    const start = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(start);
    await identify({ email: 'jane.doe@example.com' });
    vi.spyOn(Date, 'now').mockReturnValue(start + 29_999);
    await identify({ email: 'jane.doe@example.com' });
    expect(searches()).toHaveLength(1);
    vi.spyOn(Date, 'now').mockReturnValue(start + 30_000);
    await identify({ email: 'jane.doe@example.com' });
    expect(searches()).toHaveLength(2);
  });

  it('a tab’s budget is whole again a minute after its searches went out', async () => {
    await bg.configure();
    const start = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(start);
    for (let i = 0; i < TAB_LOOKUPS_PER_MINUTE; i++) await identify({ email: `p${i}@example.com` });
    vi.spyOn(Date, 'now').mockReturnValue(start + 59_999);
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'rate_limited' },
    });
    vi.spyOn(Date, 'now').mockReturnValue(start + 60_000);
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'online' },
    });
    expect(searches()).toHaveLength(TAB_LOOKUPS_PER_MINUTE + 1);
  });

  it('a closed tab’s budget is forgotten: the tab id, reused, starts afresh', async () => {
    await bg.configure();
    for (let i = 0; i < TAB_LOOKUPS_PER_MINUTE; i++) await identify({ email: `p${i}@example.com` });
    await forgetTabBudget(7);
    expect(await identify({ email: 'jane.doe@example.com' })).toMatchObject({
      data: { state: 'online' },
    });
  });
});

describe('what the cache holds', () => {
  const search = (query: string) =>
    routeMessage({ type: 'visitors/search', query }, popupSender, policy);

  it('at most 20 visitors of one search', async () => {
    await bg.configure();
    const tom = bg.fake.getVisitor(SEED_IDS.tom)!;
    for (let i = 0; i < 25; i++) {
      bg.fake.upsertVisitor({
        ...tom,
        short_id: `CRWD${String(i).padStart(4, '0')}`,
        email: 'crowd@example.com',
        identities: ['crowd@example.com'],
      });
    }
    expect(bg.fake.visitors.filter((v) => v.email === 'crowd@example.com')).toHaveLength(25);
    await search('crowd@example.com');
    const { ['lookup:crowd@example.com']: entry } = await fakeBrowser.storage.session.get(
      'lookup:crowd@example.com',
    );
    expect((entry as { visitors: unknown[] }).visitors).toHaveLength(20);
  });

  it('an ended session is written into every cached search holding the visitor, and only them', async () => {
    await bg.configure();
    await search('sam.lee@example.com');
    await search('jane.doe@example.com');
    const ended = await routeMessage(
      { type: 'session/end', shortId: SEED_IDS.samDesktopInSession },
      popupSender,
      policy,
    );
    expect(ended).toMatchObject({
      ok: true,
      data: { short_id: SEED_IDS.samDesktopInSession, is_in_session: false },
    });
    const before = bg.fake.requests.length;
    const again = (await search('sam.lee@example.com')) as {
      data: { visitors: { short_id: string; is_in_session: boolean; is_online: boolean }[] };
    };
    expect(bg.fake.requests).toHaveLength(before);
    const byId = Object.fromEntries(again.data.visitors.map((v) => [v.short_id, v]));
    expect(byId[SEED_IDS.samDesktopInSession]).toMatchObject({ is_in_session: false });
    // The others are as Upscope said.
    expect(byId[SEED_IDS.samMobile]).toMatchObject({ is_online: true, is_in_session: false });
    expect(byId[SEED_IDS.samDesktopOffline]).toMatchObject({ is_online: false });
  });

  it('ending one device’s session leaves another device’s session shown', async () => {
    bg.fake.updateVisitor(SEED_IDS.samMobile, { is_in_session: true });
    await bg.configure();
    await search('sam.lee@example.com');
    const ended = await routeMessage(
      { type: 'session/end', shortId: SEED_IDS.samMobile },
      popupSender,
      policy,
    );
    expect(ended).toMatchObject({
      ok: true,
      data: { short_id: SEED_IDS.samMobile, is_in_session: false },
    });
    const again = (await search('sam.lee@example.com')) as {
      data: { visitors: { short_id: string; is_in_session: boolean }[] };
    };
    const byId = Object.fromEntries(again.data.visitors.map((v) => [v.short_id, v]));
    expect(byId[SEED_IDS.samMobile]).toMatchObject({ is_in_session: false });
    expect(byId[SEED_IDS.samDesktopInSession]).toMatchObject({ is_in_session: true });
  });
});
