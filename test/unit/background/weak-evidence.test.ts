import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { onStartShortcut } from '../../../src/background/commands';
import { queriesFor } from '../../../src/background/lookup';
import { routeMessage } from '../../../src/background/router';
import { plainName } from '../../../src/shared/plain-name';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, ticketSender, useBackground } from './harness';

// What a customer writes (their display name, a code in the ticket) proves nothing about who they
// are: it is searched only as plain words, and what it finds is a possible match that one click
// on the badge or the shortcut never starts.

const bg = useBackground();

const searches = () =>
  bg
    .apiCalls()
    .filter((c) => c.path.endsWith('/list.json'))
    .map((c) => c.query.search);
const posts = () => bg.fake.requests.filter((r) => r.method === 'POST');

function identify(identities: Record<string, string>, tabId = 1) {
  return routeMessage(
    { type: 'ticket/identify', helpdesk: 'zendesk', ticketId: '12', identities, visible: true },
    ticketSender(tabId),
    policy,
  );
}

/** A click on the badge: the start names the view the worker issued to the tab. */
async function startFromBadge(tabId = 1) {
  const nonce = (await tabState(tabId))?.view.nonce ?? '';
  return routeMessage({ type: 'ticket/start-cobrowse', nonce }, ticketSender(tabId), policy);
}

async function tabState(tabId = 1) {
  const reply = await routeMessage(
    { type: 'tab/state', tabId, refresh: false },
    popupSender,
    policy,
  );
  return (
    reply as {
      data: {
        state: {
          visitors: { short_id: string }[];
          candidates: { matchedBy: { kind: string } }[];
          view: { nonce?: string };
        } | null;
      };
    }
  ).data.state;
}

describe('a name is searched as plain words only', () => {
  it.each([
    ['id:user-1001', 'id:'],
    ['ip:203.0.113.7', 'ip:'],
    ['integration_id:zendesk:3901', 'integration_id:'],
    ['#vip', '#tag'],
    ['online', 'online'],
    ['ONLINE', 'online in capitals'],
    ['-online', '-online'],
    ['email:jane.doe@example.com', 'any word: prefix'],
    ['4821', 'a 4-digit lookup code'],
    ['jane.doe@example.com', 'an email'],
    ['id：user-1001', 'a full-width colon'],
    ['-', 'a lone minus'],
  ])('%s (%s) alone leaves nothing to search', (name) => {
    expect(plainName(name)).toBeNull();
    expect(queriesFor({ name }, 'zendesk')).toEqual([]);
  });

  it.each([
    ['Jane id:user-1001 Doe', 'Jane Doe'],
    ['Jane #vip -online online ip:1.2.3.4 integration_id:zendesk:1', 'Jane'],
    ['-Jane   Doe', 'Jane Doe'],
    ['--Jane', 'Jane'],
    ['-#vip Jane', 'Jane'],
    ['  Jane \t\n Doe  ', 'Jane Doe'],
    ['Jane\u200b Doe', 'Jane Doe'],
    ['José Müller-Lüdenscheidt', 'José Müller-Lüdenscheidt'],
    ['Online Store Ltd', 'Store Ltd'],
  ])('%j is searched as %j', (name, plain) => {
    expect(plainName(name)).toBe(plain);
    expect(queriesFor({ name }, 'zendesk')).toEqual([
      { query: plain, matchedBy: { kind: 'name' } },
    ]);
  });

  it('a customer named id:user-1001 writing from an unknown address is not taken for Jane', async () => {
    await bg.configure();
    const reply = await identify({ email: 'stranger@example.net', name: 'id:user-1001' });
    expect(reply).toMatchObject({ ok: true, data: { state: 'not_found', canStart: false } });
    expect(searches()).toEqual(['stranger@example.net']);
    expect(await startFromBadge()).toMatchObject({ ok: false, error: { kind: 'no_visitor' } });
    expect(posts()).toHaveLength(0);
  });
});

describe('a visitor found only by a name or a code from the ticket is a possible match', () => {
  it('by a lookup code: the badge says possible match and its start is refused', async () => {
    await bg.configure();
    const reply = await identify({ email: 'stranger@example.net', lookupCode: '4821' });
    expect(reply).toMatchObject({
      ok: true,
      data: { label: 'Possible match — check', canStart: false, possible: true, opens: 'popup' },
    });
    expect((reply as { data: { title: string } }).data.title).toMatch(/check in the popup/);
    expect(searches()).toEqual(['stranger@example.net', '4821']);
    const state = await tabState();
    expect(state?.visitors[0]?.short_id).toBe(SEED_IDS.lookupCode);
    expect(state?.candidates[0]?.matchedBy.kind).toBe('lookup_code');

    expect(await startFromBadge()).toMatchObject({
      ok: false,
      error: { kind: 'possible_match', message: expect.stringMatching(/popup/) },
    });
    expect(bg.fake.watchSessions).toHaveLength(0);
  });

  it('by a name: the same', async () => {
    await bg.configure();
    const reply = await identify({ name: 'Jane Doe' });
    expect(reply).toMatchObject({ ok: true, data: { canStart: false, possible: true } });
    expect(await startFromBadge()).toMatchObject({ ok: false, error: { kind: 'possible_match' } });
    expect(bg.fake.watchSessions).toHaveLength(0);
  });

  it('the keyboard shortcut opens the popup instead of starting', async () => {
    await bg.configure();
    await identify({ lookupCode: '4821' });
    await onStartShortcut(await fakeBrowser.tabs.get(1));
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(posts()).toHaveLength(0);
  });

  it('a click on the badge asks the worker to open the popup', async () => {
    await bg.configure();
    await identify({ lookupCode: '4821' });
    const reply = await routeMessage({ type: 'ticket/check-match' }, ticketSender(1), policy);
    expect(reply).toEqual({ ok: true, data: null });
    expect(bg.openPopup).toHaveBeenCalledOnce();
    expect(posts()).toHaveLength(0);
  });

  it('starting from the popup by the visitor’s id is the agent’s confirmation', async () => {
    await bg.configure();
    await identify({ lookupCode: '4821' });
    const reply = await routeMessage(
      { type: 'cobrowse/start', shortId: SEED_IDS.lookupCode, tabId: 1 },
      popupSender,
      policy,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(bg.fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.lookupCode]);
  });
});

describe('a strong identity stays one click', () => {
  it('with the email found, the code in the ticket is not searched and the badge starts', async () => {
    await bg.configure();
    const reply = await identify({
      email: 'maria.garcia@example.com',
      lookupCode: '4821',
      name: 'id:user-1001',
    });
    expect(reply).toMatchObject({ ok: true, data: { canStart: true } });
    expect((reply as { data: { possible?: boolean } }).data.possible).toBeFalsy();
    expect(searches()).toEqual(['maria.garcia@example.com']);
    expect(await startFromBadge()).toMatchObject({ ok: true });
    expect(bg.fake.watchSessions.map((s) => s.shortId)).toEqual([SEED_IDS.maria]);
  });

  it('with the website user id found, neither the code nor the name is searched', async () => {
    await bg.configure();
    await identify({ externalId: 'user-1001', lookupCode: '4821', name: 'Someone Else' });
    expect(searches()).toEqual(['id:user-1001']);
    const state = await tabState();
    expect(state?.candidates[0]?.matchedBy.kind).toBe('user_id');
  });

  it('a click on a strong match’s badge does not open the popup', async () => {
    await bg.configure();
    await identify({ email: 'maria.garcia@example.com' });
    await routeMessage({ type: 'ticket/check-match' }, ticketSender(1), policy);
    expect(bg.openPopup).not.toHaveBeenCalled();
  });
});
