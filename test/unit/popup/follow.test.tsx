// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TabStateReply } from '../../../src/shared/page-send';
import type { Reply } from '../../../src/shared/views';
import { useEnglish, visitor } from './support';

// How the side panel follows the agent from tab to tab: the rule (which tab's answer is shown),
// and the panel itself against a stubbed worker and stubbed browser events.

const send = vi.fn();
vi.mock('../../../src/shared/page-send', () => ({ send: (m: unknown) => send(m) }));

const { follow, lastTicketAfter, latestOnly, ticketKey } =
  await import('../../../src/popup/follow');
const { App } = await import('../../../src/popup/app');

beforeAll(useEnglish);

const setup = {
  key: { present: true, hint: 'abcd', rejected: null, savedFor: null },
  agentMissing: false,
};
const jane = visitor({ short_id: 'JANE', name: 'Jane Doe' });
const tom = visitor({
  short_id: 'TOM',
  name: 'Tom Baker',
  email: 'tom@example.com',
  is_online: false,
});

function ticket(ticketId: string, who = jane) {
  return {
    helpdesk: 'zendesk' as const,
    ticketId,
    identities: { email: who.email ?? undefined },
    visible: true,
    view: { state: 'online' as const, label: 'Online', title: '', canStart: true },
    visitors: [who],
    candidates: [
      { shortId: who.short_id, state: 'online' as const, matchedBy: { kind: 'email' as const } },
    ],
    ambiguous: false,
    tied: 0,
    updatedAt: Date.now(),
  };
}

const answer = (state: ReturnType<typeof ticket> | null): Reply<TabStateReply> => ({
  ok: true,
  data: { state: state as TabStateReply['state'], setup },
});

/** A worker whose stored answers are this map of tab → ticket. */
function worker(tabs: Map<number, ReturnType<typeof ticket> | null>) {
  return async (tabId: number) => answer(tabs.get(tabId) ?? null);
}

describe('which tab the panel shows', () => {
  it('shows the active tab when it is a ticket', async () => {
    const ask = worker(
      new Map([
        [1, ticket('1')],
        [2, ticket('2')],
      ]),
    );
    const followed = await follow(2, 1, ask);
    expect(followed).toMatchObject({ tabId: 2, kept: false });
    expect(lastTicketAfter(followed, 1)).toBe(2);
  });

  it('keeps the last ticket in view while the active tab shows none (a session just opened)', async () => {
    const ask = vi.fn(worker(new Map([[1, ticket('1')]])));
    const followed = await follow(9, 1, ask);
    expect(followed.tabId).toBe(1);
    expect(followed.kept).toBe(true);
    expect(followed.reply.ok && followed.reply.data.state?.ticketId).toBe('1');
    // Still the last ticket, however many other tabs come and go.
    expect(lastTicketAfter(followed, 1)).toBe(1);
    expect(ask.mock.calls.map(([id]) => id)).toEqual([9, 1]);
  });

  it('says "no ticket" once the last ticket’s tab no longer shows it', async () => {
    const ask = worker(new Map([[1, null]]));
    const followed = await follow(9, 1, ask);
    expect(followed).toMatchObject({ tabId: 9, kept: false });
    expect(followed.reply.ok && followed.reply.data.state).toBeNull();
    expect(lastTicketAfter(followed, 1)).toBeNull();
  });

  it('the ticket tab itself leaving its ticket shows no ticket, not a stale one', async () => {
    const ask = vi.fn(worker(new Map([[1, null]])));
    const followed = await follow(1, 1, ask);
    expect(followed).toMatchObject({ tabId: 1, kept: false });
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('a failed answer is shown as it is (the hook keeps what it had and says why)', async () => {
    const failed: Reply<TabStateReply> = { ok: false, error: { kind: 'internal', message: 'x' } };
    const followed = await follow(2, 1, async () => failed);
    expect(followed).toEqual({ tabId: 2, reply: failed, kept: false });
    expect(lastTicketAfter(followed, 1)).toBeNull();
  });

  it('tells tickets apart by tab, helpdesk, ticket and customer', () => {
    expect(ticketKey(1, null)).toBe('');
    expect(ticketKey(1, ticket('1') as never)).toBe(ticketKey(1, ticket('1') as never));
    expect(ticketKey(1, ticket('1') as never)).not.toBe(ticketKey(2, ticket('1') as never));
    expect(ticketKey(1, ticket('1') as never)).not.toBe(ticketKey(1, ticket('2') as never));
    expect(ticketKey(1, ticket('1') as never)).not.toBe(ticketKey(1, ticket('1', tom) as never));
  });
});

describe('latestOnly', () => {
  it('folds a burst of changes into one more run, and applies only the newest answer', async () => {
    const runs: ((value: number) => void)[] = [];
    const applied: number[] = [];
    const again = latestOnly(
      () => new Promise<number>((resolve) => runs.push(resolve)),
      (value) => applied.push(value),
    );
    again();
    again();
    again();
    expect(runs).toHaveLength(1);
    runs[0]!(1);
    await Promise.resolve();
    await Promise.resolve();
    // The first answer was overtaken by the burst: dropped, and one more run asked.
    expect(applied).toEqual([]);
    expect(runs).toHaveLength(2);
    runs[1]!(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(applied).toEqual([2]);
    again();
    expect(runs).toHaveLength(3);
  });
});

describe('the side panel', () => {
  let root: HTMLElement | null = null;
  afterEach(() => {
    if (root) render(null, root);
    root?.remove();
    send.mockReset();
  });

  /** Mounts the panel on tab 1; returns what fires a browser change for an active tab. */
  async function mountPanel(tabs: Map<number, ReturnType<typeof ticket> | null>) {
    send.mockImplementation(async (m: { type: string; tabId: number }) =>
      answer(tabs.get(m.tabId) ?? null),
    );
    let changed: (active: number) => void = () => {};
    const stop = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(
        <App
          place="panel"
          start={{ tabId: Promise.resolve(1), cached: Promise.resolve(answer(tabs.get(1)!)) }}
          follow={{
            watch(onChange) {
              changed = onChange;
              return stop;
            },
          }}
        />,
        root!,
      );
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    return {
      async activate(tabId: number) {
        await act(async () => changed(tabId));
        await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
      },
      stop,
    };
  }

  const shownName = () => root!.querySelector('[data-testid="visitor"] h3')?.textContent;
  const meta = () => root!.querySelector('.context-meta')?.textContent;

  it('follows the active tab without a click, reading stored answers only', async () => {
    const tabs = new Map([
      [1, ticket('123')],
      [2, ticket('124', tom)],
    ]);
    const panel = await mountPanel(tabs);
    expect(shownName()).toBe('Jane Doe');
    expect(meta()).toBe('Zendesk · #123');
    send.mockClear();

    await panel.activate(2);
    expect(shownName()).toBe('Tom Baker');
    expect(meta()).toBe('Zendesk · #124');
    expect(root!.querySelector('.status')!.textContent).toBe('Now showing Zendesk · #124.');
    // Following never asks for a lookup: only the worker's stored answer.
    expect(send.mock.calls.map(([m]) => m)).toEqual([
      { type: 'tab/state', tabId: 2, refresh: false },
    ]);

    // The same tab moves on to the next ticket (its content script told the worker).
    tabs.set(2, ticket('125', jane));
    await panel.activate(2);
    expect(meta()).toBe('Zendesk · #125');
    expect(shownName()).toBe('Jane Doe');
    expect(send.mock.calls.every(([m]) => m.refresh === false)).toBe(true);
  });

  it('keeps the last ticket, and says so, while a tab without a ticket is active', async () => {
    const tabs = new Map<number, ReturnType<typeof ticket> | null>([[1, ticket('123')]]);
    const panel = await mountPanel(tabs);
    await panel.activate(5);
    expect(shownName()).toBe('Jane Doe');
    expect(root!.querySelector('[data-testid="kept-ticket"]')?.textContent).toBe(
      'The active tab shows no ticket, so the last ticket stays here.',
    );
    expect(root!.querySelector('[data-testid="not-ticket"]')).toBeNull();

    // The ticket's own tab left its ticket: nothing is left to keep.
    tabs.set(1, null);
    await panel.activate(5);
    expect(root!.querySelector('[data-testid="not-ticket"]')).not.toBeNull();
    expect(root!.querySelector('[data-testid="kept-ticket"]')).toBeNull();
  });

  it('a newly shown ticket forgets the visitor picked on the one before', async () => {
    const ann = visitor({ short_id: 'ANN', name: 'Ann Lee' });
    const two = { ...ticket('123'), visitors: [jane, ann], ambiguous: false };
    two.candidates = [
      { shortId: 'JANE', state: 'online', matchedBy: { kind: 'email' } },
      { shortId: 'ANN', state: 'online', matchedBy: { kind: 'email' } },
    ];
    const tabs = new Map<number, ReturnType<typeof ticket> | null>([
      [1, two],
      [2, { ...two, ticketId: '124' }],
    ]);
    const panel = await mountPanel(tabs);
    const input = root!.querySelector<HTMLInputElement>('#search-input')!;
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(shownName()).toBe('Ann Lee');
    await panel.activate(2);
    expect(shownName()).toBe('Jane Doe');
  });

  it('offers no "Open in side panel" inside the panel itself', async () => {
    await mountPanel(new Map([[1, ticket('123')]]));
    expect(root!.querySelector('[aria-label="Open in side panel"]')).toBeNull();
    expect(root!.querySelector('.place-panel')).not.toBeNull();
  });
});
