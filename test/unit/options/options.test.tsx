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

const field = (id: string) => root!.querySelector<HTMLInputElement>(`#${id}`)!;

async function type(id: string, value: string) {
  await act(() => {
    field(id).value = value;
    field(id).dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement) {
  await act(() => element.click());
}

async function submit() {
  await act(async () => {
    root!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  });
}

/** Whether an element is shown: neither it nor a parent is `hidden`. */
const shown = (element: Element | null) => Boolean(element) && !element!.closest('[hidden]');

/** The worker's answers: the settings and key status given, every save accepted as sent. */
function worker(loaded: typeof settings, keyStatus: { present: boolean; hint: string | null }) {
  send.mockImplementation(async (message: { type: string; patch?: object }) => {
    if (message.type === 'settings/get') {
      return { ok: true, data: { settings: loaded, key: { ...keyStatus, rejected: null } } };
    }
    if (message.type === 'settings/save') {
      return {
        ok: true,
        data: { settings: { ...loaded, ...message.patch }, key: keyStatus },
      };
    }
    return { ok: false, error: { kind: 'network', message: '' } };
  });
}

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
      'more-title',
      'endpoint-title',
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

  it('opens with every setting unfolded once a key is saved', async () => {
    worker(settings, { present: true, hint: '-key' });
    await mount();
    const more = button('More settings')!;
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(shown(field('api-endpoint'))).toBe(true);
    expect(shown(root!.querySelector('#shortcuts-title'))).toBe(true);
    await click(more);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(shown(field('api-endpoint'))).toBe(false);
  });

  it('first run: asks for the key (saying where it is), the name and the ID, and folds the rest', async () => {
    worker(DEFAULT_SETTINGS, { present: false, hint: null });
    await mount();
    const visible = [...root!.querySelectorAll('input, select, textarea')].filter(shown);
    expect(visible.map((element) => element.id)).toEqual(['api-key', 'agent-name', 'agent-id']);
    expect(root!.querySelector('#api-key-hint')!.textContent).toContain(
      'In Upscope, the key is in the general settings',
    );
    // Nothing to test without a key: the test button is not there to be tabbed past.
    expect(button('Test connection')).toBeUndefined();
    const more = button('More settings')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe('more-settings more-page');
    // The save bar stays in reach of the three fields.
    expect(shown(root!.querySelector('.save-bar'))).toBe(true);
    await click(more);
    expect(shown(field('api-endpoint'))).toBe(true);
    expect(shown(root!.querySelector('#usage-title'))).toBe(true);
  });

  it('the agent ID follows the name until the agent types their own', async () => {
    worker(DEFAULT_SETTINGS, { present: false, hint: null });
    await mount();
    await type('agent-name', 'José Müller');
    expect(field('agent-id').value).toBe('jose-muller');
    await type('agent-id', 'zd-4471');
    await type('agent-name', 'José M. Müller');
    expect(field('agent-id').value).toBe('zd-4471');
    // Emptied, it follows again.
    await type('agent-id', '');
    await type('agent-name', 'Ann Lee');
    expect(field('agent-id').value).toBe('ann-lee');
  });

  it('an ID saved as the name’s keeps following it; one of the agent’s own stays', async () => {
    worker({ ...settings, agentName: 'Ann Lee', agentId: 'ann-lee' }, { present: true, hint: 'k' });
    await mount();
    await type('agent-name', 'Ann Smith');
    expect(field('agent-id').value).toBe('ann-smith');
    render(null, root!);
    worker(settings, { present: true, hint: 'k' });
    await mount();
    await type('agent-name', 'Ann Smith');
    expect(field('agent-id').value).toBe('ann-1');
  });

  it('a refused endpoint comes with the one it most likely meant, put in with one click', async () => {
    worker(settings, { present: true, hint: '-key' });
    await mount();
    await type('api-endpoint', 'http://api.userview.example/v1.1?team=4');
    // While typing, nothing is suggested: every prefix of an address is wrong.
    expect(button('Use https://api.userview.example/v1.1')).toBeUndefined();
    await submit();
    expect(field('api-endpoint').getAttribute('aria-invalid')).toBe('true');
    await click(button('Use https://api.userview.example/v1.1')!);
    expect(field('api-endpoint').value).toBe('https://api.userview.example/v1.1');
    expect(field('api-endpoint').getAttribute('aria-invalid')).toBeNull();
    expect(button('Use https://api.userview.example/v1.1')).toBeUndefined();
    expect(document.activeElement).toBe(field('api-endpoint'));
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'settings/save' }));
  });

  it('a refused endpoint under the folded settings unfolds them and takes the focus', async () => {
    worker({ ...settings, apiBaseUrl: 'http://api.example.com' }, { present: false, hint: null });
    await mount();
    expect(shown(field('api-endpoint'))).toBe(false);
    await submit();
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    expect(shown(field('api-endpoint'))).toBe(true);
    expect(document.activeElement).toBe(field('api-endpoint'));
    expect(button('Use https://api.example.com')).toBeDefined();
  });

  it('the helpdesks fold behind one button that says how many show the badge', async () => {
    worker({ ...settings, disabledHelpdesks: ['gmail', 'front'] }, { present: true, hint: 'k' });
    await mount();
    const toggle = button('Badge on 16 of 18 helpdesks · Change')!;
    const list = root!.querySelector('#helpdesk-list')!;
    expect(toggle.getAttribute('aria-controls')).toBe('helpdesk-list');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(shown(list)).toBe(false);
    await click(toggle);
    expect(shown(list)).toBe(true);
    expect(list.querySelectorAll('input[type="checkbox"]')).toHaveLength(18);
    expect(list.querySelectorAll('input:checked')).toHaveLength(16);
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
