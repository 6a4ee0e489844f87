// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadge, TAG } from '../../../src/content/badge';
import type { BadgeView, Reply } from '../../../src/shared/views';
import { agentClick, loadPage, recordShadowRoots, shadowOf, speakEnglish } from './support';

recordShadowRoots();
beforeEach(speakEnglish);

const ONLINE: BadgeView = {
  state: 'online',
  label: 'Co-browse with Jane · Online',
  title: 'Jane Doe is on your website now. Start co-browsing.',
  canStart: true,
  color: '#116329',
};
const OFFLINE: BadgeView = {
  state: 'offline',
  label: 'Jane · seen 3h ago',
  title: 'Jane Doe is not on your website; last seen 3h ago.',
  canStart: false,
  color: '#545d68',
};
const SET_UP: BadgeView = {
  state: 'not_configured',
  label: 'Set up',
  title: 'Add your Upscope API key in the settings first.',
  canStart: false,
  color: '#b42318',
  opens: 'settings',
};
const XSS = '<img src=x onerror=alert(1)>';

type Start = () => Promise<Reply<{ said: string }> | undefined>;

function setup(
  start: Start = vi.fn(async () => ({
    ok: true as const,
    data: { said: 'Co-browsing opened in a new tab.' },
  })),
) {
  loadPage('https://acme.zendesk.com/agent/tickets/1');
  const anchor = document.createElement('div');
  anchor.textContent = 'Jane Doe';
  document.body.append(anchor);
  const badge = createBadge(start);
  const root = () => shadowOf(badge.host)!;
  const button = () => root().querySelector('button')!;
  const note = () => root().querySelector('p')!;
  return { badge, anchor, start, root, button, note };
}

afterEach(() => vi.restoreAllMocks());

describe('badge', () => {
  it('is a real button in its own shadow root, beside the customer', () => {
    const { badge, anchor, button, root } = setup();
    badge.show(ONLINE);
    badge.place(anchor);
    expect(anchor.nextSibling).toBe(badge.host);
    expect(badge.host.tagName.toLowerCase()).toBe(TAG);
    expect(button().type).toBe('button');
    expect(button().textContent).toBe('Co-browse with Jane · Online');
    expect(button().title).toBe(ONLINE.title);
    expect(button().getAttribute('aria-label')).toBe(`Co-browse: ${ONLINE.title}`);
    expect(button().dataset.state).toBe('online');
    // Its styles start from nothing and stay inside.
    expect(root().querySelector('style')!.textContent).toContain(':host{all:initial');
    expect(badge.host.style.cssText).toContain('all: initial');
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
  });

  it('renders hostile text as text: no element, no attribute handler', () => {
    const { badge, anchor, root, button } = setup();
    badge.show({ state: 'online', label: XSS, title: `${XSS} is online`, canStart: false });
    badge.place(anchor);
    expect(button().textContent).toBe(XSS);
    expect(root().querySelectorAll('img')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    agentClick(button());
    expect(root().querySelector('p')!.textContent).toBe(`${XSS} is online`);
    expect(root().querySelectorAll('img')).toHaveLength(0);
  });

  it('re-rendering and re-placing never duplicates it', () => {
    const { badge, anchor } = setup();
    for (let i = 0; i < 5; i++) {
      badge.show(i % 2 ? ONLINE : OFFLINE);
      badge.place(i % 3 ? anchor : undefined);
    }
    badge.place(anchor);
    expect(document.querySelectorAll(TAG)).toHaveLength(1);
    expect(shadowOf(badge.host)!.querySelectorAll('button')).toHaveLength(1);
    badge.remove();
    expect(document.querySelectorAll(TAG)).toHaveLength(0);
  });

  it('without an anchor it is a fixed pill in a corner', () => {
    const { badge } = setup();
    badge.show(ONLINE);
    badge.place(undefined);
    expect(badge.pill).toBe(true);
    expect(badge.host.parentNode).toBe(document.body);
    expect(badge.host.style.position).toBe('fixed');
    // The corner pill names the customer too.
    expect(shadowOf(badge.host)!.querySelector('button')!.textContent).toBe(
      'Co-browse with Jane · Online',
    );
  });

  it('a click when co-browsing can start: "Starting…", then what happened', async () => {
    let finish!: (r: { ok: true; data: { said: string } }) => void;
    const start = vi.fn(
      () => new Promise<{ ok: true; data: { said: string } }>((r) => (finish = r)),
    );
    const { badge, anchor, button, note } = setup(start);
    badge.show(ONLINE);
    badge.place(anchor);
    agentClick(button());
    expect(start).toHaveBeenCalledTimes(1);
    expect(button().textContent).toBe('Starting…');
    expect(button().getAttribute('aria-busy')).toBe('true');
    agentClick(button());
    expect(start).toHaveBeenCalledTimes(1);
    finish({ ok: true, data: { said: 'Co-browsing opened in a new tab.' } });
    await vi.waitFor(() => expect(button().textContent).toBe('Co-browse with Jane · Online'));
    expect(note().textContent).toBe('Co-browsing opened in a new tab.');
    expect(note().getAttribute('role')).toBe('status');
  });

  it('a failed start shows the worker’s words', async () => {
    const start = vi.fn(async () => ({
      ok: false as const,
      error: { kind: 'ambiguous', message: 'Several visitors match this customer.' },
    }));
    const { badge, anchor, button, note } = setup(start);
    badge.show(ONLINE);
    badge.place(anchor);
    agentClick(button());
    await vi.waitFor(() =>
      expect(note().textContent).toBe('Several visitors match this customer.'),
    );
    expect(button().textContent).toBe('Co-browse with Jane · Online');
  });

  it('is filled with its state’s colour only when a click starts co-browsing', () => {
    const { badge, anchor, button } = setup();
    badge.show(ONLINE);
    badge.place(anchor);
    expect(button().classList.contains('f')).toBe(true);
    expect(button().style.getPropertyValue('--c')).toBe('#116329');
    badge.show(OFFLINE);
    expect(button().classList.contains('f')).toBe(false);
    expect(button().style.getPropertyValue('--c')).toBe('#545d68');
    // Filled and outlined both change under the pointer: it reads as a button.
    const css = shadowOf(badge.host)!.querySelector('style')!.textContent!;
    expect(css).toMatch(/button:hover\{[^}]+\}/);
    expect(css).toMatch(/\.f:hover\{[^}]+\}/);
  });

  it('"Set up" opens the settings instead of starting anything', () => {
    const open = vi.fn();
    const start = vi.fn();
    loadPage('https://acme.zendesk.com/agent/tickets/1');
    const anchor = document.createElement('div');
    document.body.append(anchor);
    const badge = createBadge(start, open);
    badge.show(SET_UP);
    badge.place(anchor);
    agentClick(shadowOf(badge.host)!.querySelector('button')!);
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ opens: 'settings' }));
    expect(start).not.toHaveBeenCalled();
  });

  it('a click when co-browsing cannot start explains why instead', () => {
    const { badge, anchor, button, note, start } = setup();
    badge.show(OFFLINE);
    badge.place(anchor);
    agentClick(button());
    expect(start).not.toHaveBeenCalled();
    expect(note().textContent).toBe(OFFLINE.title);
    agentClick(button());
    expect(note().textContent).toBe('');
  });

  it('is reachable with the keyboard', () => {
    const { badge, anchor, button } = setup();
    badge.show(ONLINE);
    badge.place(anchor);
    button().focus();
    expect(shadowOf(badge.host)!.activeElement).toBe(button());
    expect(button().tabIndex).toBe(0);
  });

  it('belongs to the agent: the page can neither read who is online nor press it', () => {
    const { badge, anchor, button, note, start } = setup();
    badge.show({ ...ONLINE, nonce: 'view-1' });
    badge.place(anchor);
    // Closed: a page script gets no root, and the host says nothing about the visitor.
    expect(badge.host.shadowRoot).toBeNull();
    expect(badge.host.getAttributeNames()).toEqual(['style']);
    expect(badge.host.textContent).toBe('');
    expect(badge.host.outerHTML).not.toContain('Jane');
    // Scripted presses, on the host or (were it reachable) the button itself, start nothing.
    badge.host.click();
    button().click();
    button().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    for (const key of ['Enter', ' '])
      button().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    expect(start).not.toHaveBeenCalled();
    expect(note().textContent).toBe('');
    // The agent's click starts, naming the view it was given.
    agentClick(button());
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ nonce: 'view-1' }));
  });
});
