import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../../src/background/router';
import { SEED_IDS } from '../../fake-upscope';
import { policy, popupSender, ticketSender, useBackground } from './harness';

// The agent signed in to the helpdesk, as the content script reports it (read from Zendesk's
// /api/v2/users/me.json or Zammad's /api/v1/users/me): offered as the agent's name and ID while
// none is set, saved only on "Use"; with the policy's AgentIdentitySource "helpdesk", used as is.

const bg = useBackground();

const fromTicket = (message: unknown, tabId = 7, origin?: string) =>
  routeMessage(message, ticketSender(tabId, origin), policy);
const fromPopup = (message: unknown) => routeMessage(message, popupSender, policy);

const SAM = { type: 'ticket/agent', helpdesk: 'zendesk', id: '3412', name: 'Sam Support' };
const NO_AGENT = { agentName: '', agentId: '' };

async function setupOf(tabId?: number) {
  const reply =
    tabId === undefined
      ? await fromPopup({ type: 'setup/get' })
      : await fromPopup({ type: 'tab/state', tabId, refresh: false });
  if (!reply.ok) throw new Error(reply.error.message);
  return tabId === undefined
    ? (reply.data as { agentProposal: unknown; agentMissing: boolean })
    : (reply.data as { setup: { agentProposal: unknown; agentMissing: boolean } }).setup;
}

const settingsNow = async () =>
  ((await fromPopup({ type: 'settings/get' })) as { data: { settings: Record<string, unknown> } })
    .data.settings;

const startJane = () => fromPopup({ type: 'cobrowse/start', shortId: SEED_IDS.jane });

describe('the helpdesk’s agent offered as the agent’s name and ID', () => {
  it('is offered while none is set, and nothing is saved before the agent says so', async () => {
    await bg.configure(NO_AGENT);
    expect(await fromTicket(SAM)).toEqual({ ok: true, data: null });
    expect(await setupOf()).toMatchObject({
      agentMissing: true,
      agentFromHelpdesk: false,
      agentProposal: {
        helpdesk: 'zendesk',
        id: '3412',
        name: 'Sam Support',
        agentName: 'Sam Support',
        agentId: 'zendesk-3412',
      },
    });
    // Never silently: the settings are as they were, and a session cannot start yet.
    expect(await settingsNow()).toMatchObject(NO_AGENT);
    expect(await startJane()).toMatchObject({ ok: false, error: { kind: 'no_agent' } });
    // Kept for this browser session only.
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('agent:zendesk');
  });

  it('“Use” saves it, the offer goes and a session starts as that agent', async () => {
    await bg.configure(NO_AGENT);
    await fromTicket(SAM);
    const proposal = (await setupOf()).agentProposal as { agentName: string; agentId: string };
    const saved = await fromPopup({
      type: 'settings/save',
      patch: { agentName: proposal.agentName, agentId: proposal.agentId },
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await setupOf()).toMatchObject({ agentMissing: false, agentProposal: null });
    expect(await startJane()).toMatchObject({ ok: true });
    expect(bg.fake.watchSessions[0]?.body).toMatchObject({
      agent: { id: 'zendesk-3412', name: 'Sam Support' },
    });
  });

  it('“Not now” stops the offer of that agent; another one signing in is offered again', async () => {
    await bg.configure(NO_AGENT);
    await fromTicket(SAM);
    const declined = await fromPopup({ type: 'agent/decline', helpdesk: 'zendesk', id: '3412' });
    expect(declined).toMatchObject({ ok: true, data: { agentProposal: null, agentMissing: true } });
    await fromTicket(SAM);
    expect((await setupOf()).agentProposal).toBeNull();
    expect(await settingsNow()).toMatchObject(NO_AGENT);
    await fromTicket({ ...SAM, id: '3499', name: 'Ana Agent' });
    expect((await setupOf()).agentProposal).toMatchObject({ agentId: 'zendesk-3499' });
  });

  it('is not offered to an agent who set their own name and ID', async () => {
    await bg.configure();
    await fromTicket(SAM);
    expect(await setupOf()).toMatchObject({ agentMissing: false, agentProposal: null });
    expect(await settingsNow()).toMatchObject({ agentName: 'Joe Smith', agentId: 'agent-7' });
  });

  it('offers the agent of the tab’s own helpdesk, else the one reported last', async () => {
    await bg.configure(NO_AGENT);
    await fromTicket(SAM);
    await fromTicket({
      type: 'ticket/identify',
      helpdesk: 'zendesk',
      ticketId: '123',
      identities: { email: 'jane.doe@example.com' },
      visible: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fromTicket(
      { type: 'ticket/agent', helpdesk: 'zammad', id: '3', name: 'Joe Smith' },
      8,
      'https://acme.zammad.com',
    );
    expect((await setupOf(7)).agentProposal).toMatchObject({ agentId: 'zendesk-3412' });
    expect((await setupOf()).agentProposal).toMatchObject({ agentId: 'zammad-3' });
  });

  it('takes a report only from a helpdesk page, and only with a name and a plain id', async () => {
    await bg.configure(NO_AGENT);
    for (const bad of [
      { ...SAM, name: '' },
      { ...SAM, name: 42 },
      { ...SAM, id: '34 12' },
      { ...SAM, id: '' },
      { ...SAM, email: 'sam@acme.com' },
    ]) {
      expect(await fromTicket(bad)).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    }
    // A page of the extension has no helpdesk to speak for.
    expect(await fromPopup(SAM)).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect((await setupOf()).agentProposal).toBeNull();
  });
});

describe('the policy’s AgentIdentitySource "helpdesk"', () => {
  const usePolicy = () => fakeBrowser.storage.managed.set({ AgentIdentitySource: 'helpdesk' });

  it('uses the helpdesk’s agent without asking, over what the agent typed, locked', async () => {
    await bg.configure();
    await usePolicy();
    // Before any helpdesk said who is signed in: no agent (never the typed one), nothing offered.
    expect(await setupOf()).toMatchObject({
      agentMissing: true,
      agentFromHelpdesk: true,
      agentProposal: null,
    });
    expect(await settingsNow()).toMatchObject(NO_AGENT);
    expect(await startJane()).toMatchObject({ ok: false, error: { kind: 'no_agent' } });

    await fromTicket(SAM);
    expect(await setupOf()).toMatchObject({ agentMissing: false, agentProposal: null });
    const reply = await fromPopup({ type: 'settings/get' });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        settings: { agentName: 'Sam Support', agentId: 'zendesk-3412' },
        managed: { agentIdentitySource: 'helpdesk' },
      },
    });
    const { fields } = (reply as { data: { managed: { fields: string[] } } }).data.managed;
    expect(fields).toEqual(expect.arrayContaining(['agentName', 'agentId']));
    expect(await startJane()).toMatchObject({ ok: true });
    expect(bg.fake.watchSessions[0]?.body).toMatchObject({
      agent: { id: 'zendesk-3412', name: 'Sam Support' },
    });
  });

  it('refuses a typed name or ID, and keeps the agent’s own for when the policy goes', async () => {
    await bg.configure();
    await usePolicy();
    await fromTicket(SAM);
    const refused = await fromPopup({ type: 'settings/save', patch: { agentName: 'Someone' } });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'managed' } });
    // The options page's whole form, the helpdesk's values as shown, saves.
    const saved = await fromPopup({
      type: 'settings/save',
      patch: { agentName: 'Sam Support', agentId: 'zendesk-3412', allowConsole: true },
    });
    expect(saved).toMatchObject({ ok: true, data: { settings: { allowConsole: true } } });
    await fakeBrowser.storage.managed.clear();
    expect(await settingsNow()).toMatchObject({ agentName: 'Joe Smith', agentId: 'agent-7' });
  });

  it('"typed" changes nothing: the helpdesk’s agent is only offered', async () => {
    await bg.configure(NO_AGENT);
    await fakeBrowser.storage.managed.set({ AgentIdentitySource: 'typed' });
    await fromTicket(SAM);
    expect(await setupOf()).toMatchObject({
      agentMissing: true,
      agentFromHelpdesk: false,
      agentProposal: { agentId: 'zendesk-3412' },
    });
  });
});
