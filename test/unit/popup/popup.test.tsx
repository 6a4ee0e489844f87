// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../../src/shared/views';
import { useEnglish, visitor } from './support';

// The popup against a stubbed worker: what it shows first, and what it asks for.
const send = vi.fn();
vi.mock('../../../src/shared/page-send', () => ({ send: (m: unknown) => send(m) }));

const { Popup, readTabParam } = await import('../../../src/popup/app');

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
    updatedAt: Date.now(),
  };
}

async function mount(cached: Reply<unknown>) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(
      <Popup start={{ tabId: Promise.resolve(7), cached: Promise.resolve(cached as never) }} />,
      root!,
    );
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
    // Not a ticket: nothing to look up again.
    expect(send).not.toHaveBeenCalled();
  });

  it('says when the worker cannot be reached, with a retry', async () => {
    await mount({ ok: false, error: { kind: 'internal', message: '' } });
    expect(root!.textContent).toContain('Something went wrong inside the extension');
    expect([...root!.querySelectorAll('button')].some((b) => b.textContent === 'Try again')).toBe(
      true,
    );
  });
});
