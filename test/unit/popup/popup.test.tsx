// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../../src/shared/views';
import { useEnglish, visitor } from './support';

// The popup against a stubbed worker: what it shows first, and what it asks for.
const send = vi.fn();
vi.mock('../../../src/shared/page-send', () => ({ send: (m: unknown) => send(m) }));

const { App } = await import('../../../src/popup/app');
const { readTabParam } = await import('../../../src/popup/boot');

beforeAll(useEnglish);

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  send.mockReset();
});

const setup = { key: { present: true, hint: 'abcd', rejected: null }, agentMissing: false };
const jane = visitor({ short_id: 'JANE', name: 'Jane Doe' });

function tabState(visitors = [jane]) {
  return {
    helpdesk: 'zendesk',
    ticketId: '7',
    identities: { email: 'jane@example.com' },
    visible: true,
    view: { state: 'online', label: 'Online', title: '', canStart: true },
    visitors,
    candidates: visitors.map((v) => ({
      shortId: v.short_id,
      state: 'online',
      matchedBy: { kind: 'email' },
    })),
    ambiguous: false,
    tied: 0,
    updatedAt: Date.now(),
  };
}

async function mount(cached: Reply<unknown>, search?: string) {
  root = document.createElement('div');
  document.body.append(root);
  const start = {
    tabId: Promise.resolve(7),
    cached: Promise.resolve(cached as never),
    ...(search === undefined ? {} : { search: Promise.resolve(search) }),
  };
  await act(async () => {
    render(<App place="popup" start={start} />, root!);
  });
  // Let the effect's awaits (tab id, then the cached answer) run.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('the popup', () => {
  it('reads ?tab= strictly', () => {
    expect(readTabParam('?tab=42')).toBe(42);
    expect(readTabParam('?tab=-1')).toBeNull();
    expect(readTabParam('?tab=4e3')).toBeNull();
    expect(readTabParam('?tab=99999999999')).toBeNull();
    expect(readTabParam('')).toBeNull();
  });

  it('paints the cached visitor before the fresh lookup answers, then asks for it', async () => {
    let answer: (value: unknown) => void = () => {};
    send.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    await mount({ ok: true, data: { state: tabState(), setup } });
    expect(root!.querySelector('[data-testid="visitor"] h3')?.textContent).toBe('Jane Doe');
    expect(root!.textContent).toContain('Checking Upscope…');
    expect(send).toHaveBeenCalledWith({ type: 'tab/state', tabId: 7, refresh: true });
    const fresh = tabState([{ ...jane, is_online: false, last_seen_at: null }]);
    await act(async () => answer({ ok: true, data: { state: fresh, setup } }));
    expect(root!.textContent).toContain('Offline');
    expect(root!.textContent).not.toContain('Checking Upscope…');
  });

  it('focuses the search box on open', async () => {
    send.mockResolvedValue({ ok: true, data: { state: null, setup } });
    await mount({ ok: true, data: { state: null, setup } });
    expect(document.activeElement?.id).toBe('search-input');
    expect(root!.querySelector('[data-testid="not-ticket"]')).not.toBeNull();
    // Not a ticket: nothing to look up again; only the watch list is read (stored, no request).
    expect(send.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual(['watch/list']);
  });

  it('says when the worker cannot be reached, with a retry', async () => {
    await mount({ ok: false, error: { kind: 'internal', message: '' } });
    expect(root!.textContent).toContain('Something went wrong inside the extension');
    expect([...root!.querySelectorAll('button')].some((b) => b.textContent === 'Try again')).toBe(
      true,
    );
  });

  it('offers one retry: "Try again" on a failed lookup, no "Refresh" beside it', async () => {
    const failed = {
      ...tabState([]),
      view: {
        state: 'error',
        label: 'Unavailable',
        title: 'Upscope is having problems.',
        canStart: false,
      },
    };
    send.mockResolvedValue({ ok: true, data: { state: failed, setup } });
    await mount({ ok: true, data: { state: failed, setup } });
    const buttons = [...root!.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toContain('Try again');
    expect(buttons).not.toContain('Refresh');
  });

  it('a pause says when it looks again, and claims no answer is shown', async () => {
    const paused = {
      ...tabState([]),
      view: {
        state: 'rate_limited',
        label: 'Paused',
        title: 'Upscope asked for a pause. Retrying at 12:05.',
        canStart: false,
      },
    };
    send.mockResolvedValue({ ok: true, data: { state: paused, setup } });
    await mount({ ok: true, data: { state: paused, setup } });
    expect(root!.textContent).toContain('Retrying at 12:05.');
    expect(root!.textContent).not.toContain('last answer');
    expect([...root!.querySelectorAll('button')].map((b) => b.textContent)).not.toContain(
      'Refresh',
    );
  });

  it('searches on Enter, moves through the results with the arrows, and goes back on Escape', async () => {
    const ann = visitor({ short_id: 'ANN', name: 'Ann Lee' });
    const bob = visitor({ short_id: 'BOB', name: 'Bob Roe' });
    send.mockImplementation(async (message: { type: string }) =>
      message.type === 'visitors/search'
        ? { ok: true, data: { visitors: [ann, bob], candidates: [], ambiguous: false, tied: 0 } }
        : { ok: true, data: { state: tabState(), setup } },
    );
    await mount({ ok: true, data: { state: tabState(), setup } });
    const input = root!.querySelector<HTMLInputElement>('#search-input')!;
    const key = (k: string) =>
      act(async () => {
        input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      });
    await act(async () => {
      input.value = 'lee';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await key('Enter');
    expect(send).toHaveBeenCalledWith({ type: 'visitors/search', query: 'lee' });
    expect(root!.querySelector('#context-title')!.textContent).toBe('Search results');
    // The list says how many it found: the live line tells screen readers only, never shown twice.
    const status = root!.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Visitors found: 2.');
    expect(status.classList.contains('visually-hidden')).toBe(true);
    expect(root!.querySelector('[data-testid="visitor"] h3')!.textContent).toBe('Ann Lee');
    expect(input.getAttribute('aria-activedescendant')).toBe('visitor-option-0');
    await key('ArrowDown');
    expect(root!.querySelector('[data-testid="visitor"] h3')!.textContent).toBe('Bob Roe');
    expect(input.getAttribute('aria-activedescendant')).toBe('visitor-option-1');
    await key('Escape');
    expect(root!.querySelector('#context-title')!.textContent).toBe('This ticket: Zendesk · #7');
    expect(input.value).toBe('');
    expect(root!.querySelector('[data-testid="visitor"] h3')!.textContent).toBe('Jane Doe');
  });

  it('forgets a visitor after asking, then reads the ticket again', async () => {
    let forgotten = false;
    send.mockImplementation(async (message: { type: string }) => {
      if (message.type !== 'visitor/forget') {
        return { ok: true, data: { state: tabState(forgotten ? [] : [jane]), setup } };
      }
      forgotten = true;
      return { ok: true, data: null };
    });
    await mount({ ok: true, data: { state: tabState(), setup } });
    const button = (text: string) =>
      [...root!.querySelectorAll('button')].find((b) => b.textContent === text)!;
    await act(async () => button('⋯').click());
    await act(async () => button('Forget this visitor…').click());
    expect(root!.querySelector('#forget-confirm')).not.toBeNull();
    await act(async () => button('Forget Jane Doe').click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(send).toHaveBeenCalledWith({ type: 'visitor/forget', shortId: 'JANE' });
    expect(send).toHaveBeenLastCalledWith({ type: 'tab/state', tabId: 7, refresh: false });
    expect(root!.querySelector('.status')!.textContent).toBe('Jane Doe was forgotten.');
    expect(root!.querySelector('[data-testid="no-match"]')).not.toBeNull();
  });

  it('ends a session after asking, with the keyboard, then shows the visitor out of it', async () => {
    const inSession = { ...jane, is_in_session: true };
    let ended = false;
    send.mockImplementation(async (message: { type: string }) => {
      if (message.type === 'session/end') {
        ended = true;
        return { ok: true, data: { ...inSession, is_in_session: false } };
      }
      return { ok: true, data: { state: tabState([ended ? jane : inSession]), setup } };
    });
    await mount({ ok: true, data: { state: tabState([inSession]), setup } });
    const button = (text: string) =>
      [...root!.querySelectorAll('button')].find((b) => b.textContent === text);
    expect(root!.textContent).toContain('In a session');

    // From the "More actions" menu; asked first, with Cancel focused; Escape closes the
    // question, the keyboard carries on from the menu button, and nothing is sent.
    const more = root!.querySelector<HTMLButtonElement>('[aria-label="More actions"]')!;
    await act(async () => more.click());
    await act(async () => button('End session')!.click());
    expect(root!.querySelector('#end-confirm .question')?.textContent).toBe(
      'End the session with Jane Doe?',
    );
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(async () => {
      document.activeElement!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    expect(root!.querySelector('#end-confirm')).toBeNull();
    expect(document.activeElement).toBe(more);
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'session/end' }));

    await act(async () => more.click());
    await act(async () => button('End session')!.click());
    await act(async () => button('End the session')!.click());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(send).toHaveBeenCalledWith({ type: 'session/end', shortId: 'JANE' });
    expect(root!.querySelector('.status')!.textContent).toBe(
      'The session with Jane Doe has ended.',
    );
    expect(root!.querySelector('#end-confirm')).toBeNull();
    await act(async () =>
      root!.querySelector<HTMLButtonElement>('[aria-label="More actions"]')!.click(),
    );
    expect(button('End session')).toBeUndefined();
    expect(button('Forget this visitor…')).toBeDefined();
    expect(root!.textContent).not.toContain('In a session');
  });

  it('says near Start which permissions a session will start with', async () => {
    const view = { ...setup, session: { permissionsPreset: 'view', allowConsole: true } };
    send.mockResolvedValue({ ok: true, data: { state: tabState(), setup: view } });
    await mount({ ok: true, data: { state: tabState(), setup: view } });
    expect(root!.querySelector('[data-testid="session-preset"]')?.textContent).toBe(
      'Session: view only, console access',
    );
  });

  it('opened by “Find in Upscope”, shows and runs that search, and starts nothing', async () => {
    const ann = visitor({ short_id: 'ANN', name: 'Ann Lee' });
    send.mockImplementation(async (message: { type: string }) =>
      message.type === 'visitors/search'
        ? { ok: true, data: { visitors: [ann], candidates: [], ambiguous: false, tied: 0 } }
        : { ok: true, data: { state: null, setup } },
    );
    await mount({ ok: true, data: { state: null, setup } }, 'ann@example.com');
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(root!.querySelector<HTMLInputElement>('#search-input')!.value).toBe('ann@example.com');
    expect(send).toHaveBeenCalledWith({ type: 'visitors/search', query: 'ann@example.com' });
    expect(root!.textContent).toContain('Ann Lee');
    expect(send.mock.calls.some(([m]) => (m as { type: string }).type === 'cobrowse/start')).toBe(
      false,
    );
  });

  it('starts from a search without the ticket', async () => {
    const ann = visitor({ short_id: 'ANN', name: 'Ann Lee' });
    send.mockImplementation(async (message: { type: string }) =>
      message.type === 'visitors/search'
        ? { ok: true, data: { visitors: [ann], candidates: [], ambiguous: false, tied: 0 } }
        : message.type === 'cobrowse/start'
          ? { ok: true, data: { opened: 'tab', tabId: 9 } }
          : { ok: true, data: { state: tabState(), setup } },
    );
    await mount({ ok: true, data: { state: tabState(), setup } });
    const input = root!.querySelector<HTMLInputElement>('#search-input')!;
    const enter = () =>
      act(async () => {
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      });
    await enter();
    expect(send).toHaveBeenCalledWith({
      type: 'cobrowse/start',
      shortId: 'JANE',
      tabId: 7,
      from: 'ticket',
    });
    await act(async () => {
      input.value = 'lee';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await enter();
    await enter();
    expect(send).toHaveBeenLastCalledWith({
      type: 'cobrowse/start',
      shortId: 'ANN',
      tabId: 7,
      from: 'search',
    });
  });
});
