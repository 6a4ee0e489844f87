// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { useEnglish } from '../popup/support';

// The settings page against a stubbed worker: its sections, the saved key, a save.
const send = vi.fn();
vi.mock('../../../src/shared/page-send', () => ({ send: (m: unknown) => send(m) }));

const { Options } = await import('../../../src/options/app');

beforeAll(useEnglish);

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  send.mockReset();
});

const settings = { ...DEFAULT_SETTINGS, agentName: 'Ann', agentId: 'ann-1' };
const key = { present: true, hint: '-key', rejected: null };

async function mount() {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<Options />, root!);
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const button = (name: string) =>
  [...root!.querySelectorAll('button')].find((b) => b.textContent === name);

describe('the settings page', () => {
  it('shows every section with the saved settings and the masked key', async () => {
    send.mockImplementation(async (message: { type: string }) =>
      message.type === 'settings/get'
        ? { ok: true, data: { settings, key } }
        : { ok: false, error: { kind: 'network', message: '' } },
    );
    await mount();
    const titles = [...root!.querySelectorAll('h2')].map((h) => h.id);
    expect(titles).toEqual([
      'connection-title',
      'agent-title',
      'sessions-title',
      'presence-title',
      'helpdesks-title',
      'custom-title',
      'usage-title',
      'shortcuts-title',
    ]);
    expect(root!.querySelector<HTMLInputElement>('#api-key')!.value).toBe('••••••••••••-key');
    expect(root!.querySelector<HTMLInputElement>('#agent-name')!.value).toBe('Ann');
    expect(root!.querySelector<HTMLInputElement>('#api-endpoint')!.value).toBe(settings.apiBaseUrl);
    // The default endpoint needs no button to go back to it.
    expect(button('Use Upscope’s endpoint')).toBeUndefined();
  });

  it('says what is wrong next to the field and does not save', async () => {
    send.mockResolvedValue({ ok: true, data: { settings: DEFAULT_SETTINGS, key } });
    await mount();
    await act(async () => {
      root!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(root!.querySelector('#agent-name-error')).not.toBeNull();
    expect(root!.querySelector('.save-status .notice.error')).not.toBeNull();
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'settings/save' }));
  });

  it('offers a retry when the settings cannot be read', async () => {
    send.mockResolvedValue({ ok: false, error: { kind: 'internal', message: '' } });
    await mount();
    expect(root!.querySelector('[role="alert"]')).not.toBeNull();
    expect(button('Try again')).toBeDefined();
  });
});
