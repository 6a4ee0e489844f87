import type { Say } from './app';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../wording/i18n';
import { send, type ErrorInfo, type Setup, type Visitor } from '../shared/page-send';
import { visitorLabel } from '../wording/visitor';
import { outOfSession } from '../shared/session-end';
import type { DetailsLoad } from './details';
import { startBlocker } from './model';
import { useConfirmed } from './use-confirmed';

/** A session opened from here: its tab, to go back to it, and since when. */
export interface Started {
  id: string;
  at: number;
  tabId: number | null;
}

export interface VisitorActionsOptions {
  /** The tab the session is started from (it opens beside it), when there is one. */
  tabId: number | null;
  setup: Setup | null;
  say: Say;
  /** After a visitor is forgotten: take them out of what is shown. */
  onForgotten(visitor: Visitor): void;
  /** After a visitor's session was ended: show them as they are now. */
  onSessionEnded(visitor: Visitor): void;
}

/** Where a start comes from: the ticket's visitors, or the agent's own search (no ticket then). */
export type StartFrom = 'ticket' | 'search';

/** What the agent does with one visitor: start co-browsing, forget them, read their details. */
export function useVisitorActions(options: VisitorActionsOptions) {
  const { say } = options;
  const [starting, setStarting] = useState<string | null>(null);
  const [startError, setStartError] = useState<{ id: string; error: ErrorInfo } | null>(null);
  const [started, setStarted] = useState<Started | null>(null);
  const forgetting = useConfirmed(
    (visitor) => send({ type: 'visitor/forget', shortId: visitor.short_id }),
    (visitor) => {
      say(t('forgotten', visitorLabel(visitor)));
      options.onForgotten(visitor);
    },
  );
  const ending = useConfirmed(
    (visitor) => send({ type: 'session/end', shortId: visitor.short_id }),
    (visitor, now) => {
      say(t('sessionEnded', visitorLabel(visitor)));
      // The worker's copy when it had one; otherwise the same change made here.
      options.onSessionEnded(now ?? outOfSession(visitor));
    },
  );
  const [details, setDetails] = useState<{ visitor: Visitor; load: DetailsLoad } | null>(null);

  const detailsButton = useRef<HTMLButtonElement>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);

  // The details take focus when they open; closing them gives it back to the button that opened them.
  useEffect(() => {
    if (details && details.load.status !== 'done') detailsHeading.current?.focus();
    if (!details && returnFocus.current) detailsButton.current?.focus();
    returnFocus.current = false;
  }, [details === null, details?.visitor.short_id]);

  async function start(visitor: Visitor, from: StartFrom) {
    const blocker = startBlocker(visitor, options.setup);
    if (blocker) {
      // The card says why already, beside the button.
      say(blocker, true);
      return;
    }
    if (starting) return;
    setStarting(visitor.short_id);
    setStartError(null);
    // The button says "Starting…", then what comes next: nothing to repeat in the status line.
    say('');
    const { tabId } = options;
    const reply = await send({
      type: 'cobrowse/start',
      shortId: visitor.short_id,
      ...(tabId !== null ? { tabId } : {}),
      from,
    });
    setStarting(null);
    if (reply.ok) {
      setStarted({ id: visitor.short_id, at: Date.now(), tabId: reply.data.tabId });
    } else {
      setStartError({ id: visitor.short_id, error: reply.error });
      say('');
    }
  }

  /** Shows the session's tab again; when it was closed, Start comes back. */
  async function goToSession() {
    if (!started) return;
    try {
      if (started.tabId === null) throw new Error('no tab');
      const tab = await browser.tabs.update(started.tabId, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    } catch {
      setStarted(null);
      say(t('sessionTabGone'));
    }
  }

  async function openDetails(visitor: Visitor) {
    say('');
    setDetails({ visitor, load: { status: 'loading' } });
    const reply = await send({
      type: 'visitor/details',
      shortId: visitor.short_id,
      withHistory: true,
    });
    setDetails((current) =>
      current?.visitor.short_id !== visitor.short_id
        ? current
        : {
            visitor,
            load: reply.ok
              ? { status: 'done', visitor: reply.data }
              : { status: 'error', error: reply.error },
          },
    );
  }

  return {
    starting,
    startError,
    started,
    goToSession,
    confirmForget: forgetting.confirming,
    forgetting: forgetting.busy,
    forgetError: forgetting.error,
    confirmEnd: ending.confirming,
    ending: ending.busy,
    endError: ending.error,
    details,
    detailsButton,
    detailsHeading,
    start,
    forget: forgetting.run,
    endSession: ending.run,
    openDetails,
    closeDetails() {
      returnFocus.current = true;
      setDetails(null);
    },
    /** Opens or closes the question whether to forget this visitor. */
    toggleForget(id: string) {
      ending.cancel();
      forgetting.toggle(id);
    },
    cancelForget() {
      forgetting.cancel();
      ending.cancel();
    },
    /** Opens or closes the question whether to end this visitor's session. One at a time. */
    toggleEnd(id: string) {
      forgetting.cancel();
      ending.toggle(id);
    },
    cancelEnd: ending.cancel,
  };
}

export type VisitorActions = ReturnType<typeof useVisitorActions>;
