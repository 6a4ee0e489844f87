import type { BadgeView, Reply } from '../shared/views';
import { say } from './words';

// The badge draws only text it is given, as text, in its own closed shadow root: the helpdesk's
// CSS neither reaches it nor is touched by it, and its scripts can neither read it (who is online)
// nor press it (only the agent's own clicks and keys count). The host carries nothing about the
// visitor. One host element per page, moved, never duplicated.

export const TAG = 'cobrowse-badge';

const COLOURS: Record<string, string> = {
  online: '#1a7f37',
  waiting: '#9a6700',
  in_session: '#0969da',
};

const CSS = `:host{all:initial}
button{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;gap:5px;margin:0 6px;padding:2px 9px;border:1px solid #8c959f;border-radius:999px;background:#fff;color:#1f2328;font:500 12px/18px system-ui,sans-serif;white-space:nowrap;cursor:pointer}
button:focus-visible{outline:2px solid #0969da;outline-offset:1px}
button[aria-busy=true]{cursor:progress;opacity:.8}
i{width:8px;height:8px;border-radius:50%;background:var(--c,#8c959f)}
p{all:initial;display:block;max-width:280px;margin:4px 6px 0;font:12px/16px system-ui,sans-serif;color:#1f2328;white-space:normal}
p:empty{display:none}`;

/** What the badge shows: the worker's views, and its own while a slow answer is awaited. */
export type ShownView = Omit<BadgeView, 'state'> & { state: BadgeView['state'] | 'checking' };

export interface Badge {
  /** Shows a view; nothing of the helpdesk's DOM is read here. */
  show(view: ShownView): void;
  /**
   * Puts the badge after `anchor`, or in a fixed corner of the window without one. `alone`: the
   * helpdesk has no place for it at all, so the corner badge names the customer (its sentence).
   */
  place(anchor: Element | undefined, alone?: boolean): void;
  host: HTMLElement;
  /** Whether a view is showing (the page may still have removed the host). */
  on: boolean;
  pill: boolean;
  remove(): void;
}

export function createBadge(
  start: (view: ShownView) => Promise<Reply<{ said: string }> | undefined>,
  check: () => unknown = () => undefined,
): Badge {
  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  const button = document.createElement('button');
  const dot = document.createElement('i');
  const label = document.createElement('span');
  const note = document.createElement('p');
  note.setAttribute('role', 'status');
  style.textContent = CSS;
  button.type = 'button';
  button.append(dot, label);
  root.append(style, button, note);
  let view: ShownView | undefined;

  const setLabel = (text: string, busy = false) => {
    label.textContent = text;
    button.setAttribute('aria-busy', String(busy));
  };
  // Beside the requester the badge needs only the state; on a helpdesk with no place for it, alone
  // in a corner, it names the customer too (the view's sentence), so it never names nobody.
  let alone = false;
  const words = (shown: ShownView) => (alone ? shown.title : shown.label);

  button.addEventListener('click', async (event) => {
    // A page script's click() or dispatched event is not the agent's.
    if (!event.isTrusted || !view || button.getAttribute('aria-busy') === 'true') return;
    if (view.possible) {
      // A possible match is never started from here: the popup shows it for the agent to check.
      note.textContent = view.title;
      void check();
      return;
    }
    if (!view.canStart) {
      // Nothing to start: say why, the way the tooltip would for a mouse user.
      note.textContent = note.textContent ? '' : view.title;
      return;
    }
    const shown = view;
    note.textContent = '';
    setLabel(say('starting'), true);
    const reply = await start(shown);
    setLabel(words(shown));
    note.textContent = reply?.ok
      ? reply.data.said
      : (reply?.error.message ?? say('badgeNoExtension'));
  });

  const badge: Badge = {
    host,
    on: false,
    pill: false,
    show(next) {
      view = next;
      badge.on = true;
      setLabel(words(next));
      note.textContent = '';
      button.dataset.state = next.state;
      button.title = next.title;
      button.setAttribute('aria-label', say('badgeAriaLabel', next.title));
      dot.style.setProperty('--c', COLOURS[next.state] ?? '');
    },
    place(anchor, helpdeskHasNoPlace) {
      badge.pill = !anchor;
      alone = !anchor && !!helpdeskHasNoPlace;
      if (view) setLabel(words(view));
      // Inline and !important: a page rule aimed at this element cannot hide or move it.
      host.style.cssText = anchor
        ? 'all:initial!important;display:inline-block!important'
        : 'all:initial!important;position:fixed!important;right:16px!important;bottom:16px!important;z-index:2147483646!important;display:block!important';
      if (anchor) {
        if (anchor.nextSibling !== host) anchor.after(host);
      } else if (host.parentNode !== document.body) document.body.append(host);
    },
    remove() {
      view = undefined;
      badge.on = false;
      host.remove();
    },
  };
  return badge;
}
