import { TICKET_ID } from '../shared/helpdesks';
import type { Identities } from '../shared/identities';
import type { ContentMessage, ContentReply, Reading } from '../shared/protocol';
import type { BadgeView, Reply } from '../shared/views';
import { parseTicket, type Adapter, type Agent, type Found, type Ticket } from './adapter';
import { createBadge, type ShownView } from './badge';
import { email, ignored, normalise } from './identity';
import { fromDom, firstVisible, getter, hidden, scopeOf } from './read';
import { say } from './words';

interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(fn: (message: unknown, sender: { id?: string }) => void): void;
    removeListener(fn: (message: unknown, sender: { id?: string }) => void): void;
  };
}

type Ext = { runtime?: Runtime } | undefined;
const ext = (): Runtime | undefined =>
  ((globalThis as { browser?: Ext }).browser ?? (globalThis as { chrome?: Ext }).chrome)?.runtime;

/** Whether this script's extension still exists: updated or reloaded, its id goes. */
const alive = (): boolean => {
  try {
    return !!ext()?.id;
  } catch {
    return false;
  }
};

/**
 * Every message this script sends, answered with that message's reply (see the protocol); a
 * failed send on a dead context is not an error.
 */
export async function send<M extends ContentMessage>(
  message: M,
): Promise<Reply<ContentReply<M>> | undefined> {
  try {
    // The worker answers every content message through its typed handlers.
    return alive() ? ((await ext()!.sendMessage(message)) as Reply<ContentReply<M>>) : undefined;
  } catch {
    return undefined;
  }
}

const TICK_MS = 500;
const DOM_TRIES = 16;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers within this time show at once; slower ones show that something is on its way. */
const CHECKING_AFTER_MS = 400;
// Worded when shown: the browser's i18n is read then, not when the script loads.
const checking = (): ShownView => ({
  state: 'checking',
  label: say('badgeChecking'),
  title: say('badgeCheckingTitle'),
});

const noCustomer = (): ShownView => ({
  state: 'not_found',
  label: say('badgeNoCustomer'),
  title: say('badgeNoCustomerTitle'),
});

/** A ticket's customer, where the badge goes, where they were read and the addresses set aside. */
type Read = [Identities | null, Element | undefined, Reading['from'], string[]];

/**
 * The signed-in agent, read once per page load where the adapter can: reported to the worker
 * (which may offer them as the agent's name and ID), and their address, never the customer's.
 */
export async function readAgent(adapter: Adapter, ticket: Ticket): Promise<string | undefined> {
  let agent: Agent | undefined;
  try {
    agent = await adapter.agent?.(getter(AbortSignal.timeout(5000)), ticket);
  } catch {
    // A reshaped response: nobody to report, the typed name and ID still apply.
  }
  if (!agent?.id) return;
  // The worker checks the name (and refuses the report when it is no text).
  void send({
    type: 'ticket/agent',
    helpdesk: adapter.id,
    id: String(agent.id),
    name: agent.name as string,
  });
  // Checked as any address is; one the helpdesk's own rules set aside (a role mailbox) needs no
  // second mention.
  return email(agent.email);
}

/**
 * The customer on a ticket: the helpdesk's JSON first, the DOM (waited for) second. `mine` is the
 * signed-in agent's address as the helpdesk's JSON gives it (read alongside the ticket).
 */
export async function readCustomer(
  adapter: Adapter,
  ticket: Ticket,
  signal: AbortSignal,
  mine?: Promise<string | undefined>,
): Promise<Read> {
  let found: Found | undefined;
  ignored.clear();
  try {
    found = await adapter.api?.(ticket, getter(signal));
  } catch {
    // A reshaped response reads as no answer; the DOM may still know.
  }
  const me = adapter.me?.() ?? (await mine);
  let at: Element | undefined;
  const from = found ? 'api' : 'page';
  if (!found && (adapter.email || adapter.name)) {
    for (let attempt = 0; attempt < DOM_TRIES && !signal.aborted; attempt++) {
      const dom = fromDom(adapter, ticket, me);
      if (dom) [found, at] = dom;
      if (found?.email) break;
      await sleep(TICK_MS);
    }
  }
  const ids = normalise(
    { ...found, helpdeskUserId: found?.helpdeskUserId ?? ticket.parts.uid },
    me,
  );
  return [ids, at, ids ? from : 'none', [...ignored]];
}

/**
 * Runs an adapter on this page until stopped: watches the URL, reads each ticket's customer,
 * asks the worker about them and keeps the badge. Returns the function that undoes all of it.
 */
export function start(adapter: Adapter): () => void {
  const runtime = ext();
  let last = '';
  let key = '';
  let at: Element | undefined;
  let ticket: Ticket | null = null;
  let work: AbortController | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let tries = 0;
  const known = new Map<string, Read>();
  let mine: Promise<string | undefined> | undefined;
  const badge = createBadge(
    (view) => send({ type: 'ticket/start-cobrowse', nonce: view.nonce ?? '' }),
    (view) =>
      send({ type: view.opens === 'settings' ? 'ticket/open-settings' : 'ticket/check-match' }),
  );

  const place = () => {
    const root = ticket && scopeOf(adapter, ticket);
    const anchor = (root && adapter.anchor && firstVisible(root, adapter.anchor)) || at;
    badge.place(anchor?.isConnected && !hidden(anchor) ? anchor : undefined);
  };

  const show = (view: ShownView) => {
    if (view.state === 'disabled') return badge.remove();
    badge.show(view);
    tries = 20;
    place();
  };

  const leave = (tell: boolean) => {
    work?.abort();
    badge.remove();
    if (key && tell) void send({ type: 'ticket/left' });
    key = '';
    ticket = null;
    at = undefined;
  };

  const run = async (shown: Ticket, signal: AbortSignal) => {
    // The agent is asked about once, on the first ticket, alongside it.
    mine ??= readAgent(adapter, shown);
    const read = known.get(shown.id) ?? (await readCustomer(adapter, shown, signal, mine));
    if (signal.aborted) return;
    const [ids, anchor, from, setAside] = read;
    at = anchor;
    const ticketId = TICKET_ID.test(shown.id) ? { ticketId: shown.id } : {};
    void send({ type: 'ticket/read', helpdesk: adapter.id, ...ticketId, from, ignored: setAside });
    if (!ids) return show(noCustomer());
    known.set(shown.id, read);
    if (known.size > 20) known.delete(known.keys().next().value!);
    const slow = setTimeout(() => signal.aborted || show(checking()), CHECKING_AFTER_MS);
    const reply = await send({
      type: 'ticket/identify',
      helpdesk: adapter.id,
      ...ticketId,
      identities: ids,
      visible: !document.hidden,
    });
    clearTimeout(slow);
    if (signal.aborted || !reply) return;
    show(
      reply.ok
        ? reply.data
        : {
            state: 'error',
            label: say('badgeUnavailable'),
            title: reply.error.message,
            // The table's colour for "Unavailable" (src/wording/states.ts).
            color: '#b42318',
          },
    );
  };

  const check = () => {
    if (location.href === last) return;
    last = location.href;
    const next = parseTicket(adapter, new URL(last));
    if ((next?.id ?? '') === key) return;
    // A next ticket's identify replaces this one in the worker; only leaving for good is told.
    leave(!next);
    if (!next) return;
    key = next.id;
    ticket = next;
    work = new AbortController();
    void run(next, work.signal);
  };

  const tick = () => {
    if (!alive()) return stop();
    check();
    // The helpdesk re-rendered around the badge, or parked its ticket: put it back in view.
    const host = badge.host;
    if (badge.on && (!host.isConnected || hidden(host) || (badge.pill && tries-- > 0))) place();
  };

  const poll = () => {
    clearInterval(timer);
    // A hidden tab does no work; coming back checks at once.
    timer = document.hidden ? undefined : setInterval(tick, TICK_MS);
  };

  const onVisibility = async () => {
    poll();
    if (!document.hidden) tick();
    if (!key) return;
    const reply = await send({
      type: 'ticket/visibility',
      visible: !document.hidden,
    });
    if (reply?.ok && reply.data && key) show(reply.data);
  };

  const onMessage = (message: unknown, sender: { id?: string }) => {
    const update = message as { type?: string; view?: BadgeView } | null;
    if (
      sender?.id === runtime?.id &&
      update?.type === 'badge/update' &&
      key &&
      typeof update.view?.label === 'string' &&
      typeof update.view.title === 'string'
    )
      show(update.view);
  };

  const onPageHide = () => leave(true);
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) {
      last = '';
      check();
    }
  };

  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  const events: [EventTarget | undefined, string, EventListener][] = [
    [nav, 'currententrychange', check],
    [window, 'popstate', check],
    [window, 'hashchange', check],
    [window, 'pagehide', onPageHide],
    [window, 'pageshow', onPageShow as EventListener],
    [document, 'visibilitychange', onVisibility],
  ];

  function stop() {
    clearInterval(timer);
    for (const [target, type, fn] of events) target?.removeEventListener(type, fn);
    work?.abort();
    badge.remove();
    try {
      runtime?.onMessage.removeListener(onMessage);
    } catch {
      // Already gone with the old extension context.
    }
  }

  for (const [target, type, fn] of events) target?.addEventListener(type, fn);
  runtime?.onMessage.addListener(onMessage);
  poll();
  check();
  return stop;
}
