import type { BadgeView, Reply } from '../shared/views';
import { say } from './words';

// The badge draws only text it is given, as text, in its own closed shadow root: the helpdesk's
// CSS neither reaches it nor is touched by it, and its scripts can neither read it (who is online)
// nor press it (only the agent's own clicks and keys count). The host carries nothing about the
// visitor. One host element per page, moved, never duplicated.

export const TAG = 'cobrowse-badge';

// Colours come with each view, from the worker's one table of states (src/wording/states.ts);
// the badge's own views (checking, no customer) take the grey of that table's quiet states. A
// badge that starts co-browsing is filled with its colour; any other is outlined (class f).
const CSS = `:host{all:initial;--c:#545d68}
button{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;gap:5px;margin:0 6px;padding:2px 9px;border:1px solid var(--c);border-radius:999px;background:#fff;color:#1f2328;font:500 12px/18px system-ui,sans-serif;white-space:nowrap;cursor:pointer}
button:hover{background:#eef1f4}
.f{background:var(--c);color:#fff;font-weight:600}
.f:hover{background:var(--c);box-shadow:inset 0 0 0 99px #0003}
button:focus-visible{outline:2px solid #0b5cad;outline-offset:1px}
button[aria-busy=true]{cursor:progress;opacity:.8}
i{width:8px;height:8px;border-radius:50%;background:var(--c)}
.f i{background:#fff}
p{all:initial;display:block;max-width:280px;margin:4px 6px 0;font:12px/16px system-ui,sans-serif;color:#1f2328;white-space:normal}
p:empty{display:none}`;

/** What the badge shows: the worker's views, and its own while a slow answer is awaited. */
/** What the badge shows: the worker's view, or one worded here (where nothing starts: no canStart). */
export type ShownView = Omit<BadgeView, 'state' | 'canStart'> & {
  state: BadgeView['state'] | 'checking';
  canStart?: boolean;
};

export interface Badge {
  /** Shows a view; nothing of the helpdesk's DOM is read here. */
  show(view: ShownView): void;
  /**
   * Puts the badge after `anchor`, or in a fixed corner of the window without one. Its words
   * name the customer either way, so a corner pill never names nobody.
   */
  place(anchor: Element | undefined): void;
  host: HTMLElement;
  /** Whether a view is showing (the page may still have removed the host). */
  on: boolean;
  pill: boolean;
  remove(): void;
}

export function createBadge(
  start: (view: ShownView) => Promise<Reply<{ said: string }> | undefined>,
  /** A click on a badge that opens something (the popup, the settings) instead of starting. */
  open: (view: ShownView) => unknown = () => undefined,
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
  button.addEventListener('click', async (event) => {
    // A page script's click() or dispatched event is not the agent's.
    if (!event.isTrusted || !view || button.getAttribute('aria-busy') === 'true') return;
    if (view.opens) {
      // A possible match or a tie is never started from here: the popup shows it for the agent
      // to check; "Set up" opens the settings.
      note.textContent = view.title;
      void open(view);
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
    setLabel(shown.label);
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
      setLabel(next.label);
      note.textContent = '';
      button.dataset.state = next.state;
      button.className = next.canStart ? 'f' : '';
      button.title = next.title;
      button.setAttribute('aria-label', say('badgeAriaLabel', next.title));
      button.style.setProperty('--c', next.color ?? '');
    },
    place(anchor) {
      badge.pill = !anchor;
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
