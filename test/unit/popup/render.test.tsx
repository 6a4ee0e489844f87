// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { VisitorCard, type CardProps } from '../../../src/popup/card';
import { VisitorList } from '../../../src/popup/list';
import { entriesOf } from '../../../src/popup/model';
import { minutesAgo, useEnglish, visitor } from './support';

beforeAll(useEnglish);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function card(props: Partial<CardProps> & Pick<CardProps, 'visitor'>) {
  const noop = () => {};
  render(
    <VisitorCard
      blocker={null}
      starting={false}
      startError={null}
      confirmingForget={false}
      forgetting={false}
      forgetError={null}
      detailsButton={{ current: null }}
      onStart={noop}
      onDetails={noop}
      onForget={noop}
      onConfirmForget={noop}
      onCancelForget={noop}
      onOpenSettings={noop}
      {...props}
    />,
    root,
  );
}

const buttonNamed = (text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text);
const startButton = () =>
  [...root.querySelectorAll('button')].find((b) =>
    b.textContent?.startsWith('Start co-browsing with '),
  )!;

describe('the visitor card', () => {
  it('turns the start button off with the reason as its description', () => {
    card({ visitor: visitor(), blocker: 'Add your agent name and ID in the settings first.' });
    const button = startButton();
    expect(button.disabled).toBe(true);
    const described = document.getElementById(button.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Add your agent name and ID in the settings first.');
  });

  it('starts with one click when nothing blocks it, and says with whom', () => {
    const onStart = vi.fn();
    card({ visitor: visitor(), onStart });
    expect(startButton().textContent).toBe('Start co-browsing with Jane');
    startButton().click();
    expect(onStart).toHaveBeenCalledOnce();
  });

  it('names an email whole, since half of one names nobody', () => {
    card({ visitor: visitor({ name: null, email: 'j.doe@example.com', identities: [] }) });
    expect(startButton().textContent).toBe('Start co-browsing with j.doe@example.com');
  });

  it('says "Join" with the agent when the visitor is already in a session', () => {
    const onStart = vi.fn();
    card({
      visitor: visitor({
        is_in_session: true,
        sessions: [
          { id: 1, started_at: minutesAgo(2), ended_at: null, agents: [{ name: 'Ana Silva' }] },
        ],
      } as never),
      onStart,
    });
    const join = buttonNamed('Join Ana Silva’s session')!;
    join.click();
    expect(onStart).toHaveBeenCalledOnce();
    expect(startButton()).toBeUndefined();
  });

  it('after a start, goes to the session’s tab and says since when', () => {
    const onGoToSession = vi.fn();
    card({ visitor: visitor(), started: Date.parse('2025-06-02T12:04:00'), onGoToSession });
    expect(startButton()).toBeUndefined();
    buttonNamed('Go to the co-browsing tab')!.click();
    expect(onGoToSession).toHaveBeenCalledOnce();
    expect(root.querySelector('[data-testid="started"]')?.textContent).toMatch(
      /^Co-browsing with Jane Doe since 12:04/,
    );
  });

  it('offline: no Start, the next steps instead, the last-seen time said once', () => {
    card({
      visitor: visitor({ is_online: false, last_seen_at: minutesAgo(180) }),
      blocker: 'Jane Doe is not on your website now (last seen 3h ago).',
      children: <button type="button">Notify me when they’re online</button>,
    });
    expect(startButton()).toBeUndefined();
    expect(buttonNamed('Notify me when they’re online')).toBeDefined();
    expect(buttonNamed('Copy an invite')).toBeDefined();
    expect(root.textContent!.split(' ago').length - 1).toBe(1);
  });

  it('a browser that cannot be co-browsed: says which browsers can, once', () => {
    card({
      visitor: visitor({ is_supported: false, browser_name: 'Internet Explorer 11' }),
      blocker: 'Internet Explorer 11 does not support co-browsing.',
    });
    expect(startButton()).toBeUndefined();
    expect(root.querySelector('.card-actions')?.textContent).toContain(
      'Co-browsing works in current Chrome, Edge, Firefox and Safari',
    );
    expect(root.textContent!.split('not supported').length - 1).toBe(1);
  });

  it('folds many tags into "+N more", which shows them all', async () => {
    const tags = Array.from({ length: 15 }, (_, i) => `#t${i + 1}`);
    await act(() => card({ visitor: visitor({ tags }) }));
    const tagChips = () =>
      [...root.querySelectorAll('.chip')].filter((c) => c.textContent!.startsWith('#t'));
    expect(tagChips()).toHaveLength(3);
    await act(() => buttonNamed('+12 more')!.click());
    expect(tagChips()).toHaveLength(15);
    expect(buttonNamed('+12 more')).toBeUndefined();
  });

  it('keeps Forget and End session in a menu, not under Start; Escape closes it', async () => {
    const onForget = vi.fn();
    const onEnd = vi.fn();
    await act(() => card({ visitor: visitor({ is_in_session: true }), onForget, onEnd }));
    expect(buttonNamed('Forget this visitor…')).toBeUndefined();
    const more = root.querySelector<HTMLButtonElement>('[aria-label="More actions"]')!;
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    await act(() => more.click());
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const items = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent)).toEqual(['End session', 'Forget this visitor…']);
    expect(document.activeElement).toBe(items[0]);
    const key = (k: string) =>
      act(() => {
        document.activeElement!.dispatchEvent(
          new KeyboardEvent('keydown', { key: k, bubbles: true }),
        );
      });
    await key('ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    await key('ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    await key('Escape');
    expect(root.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(more);
    await act(() => more.click());
    await act(() => root.querySelectorAll<HTMLElement>('[role="menuitem"]')[1]!.click());
    expect(onForget).toHaveBeenCalledOnce();
    expect(onEnd).not.toHaveBeenCalled();
    expect(root.querySelector('[role="menu"]')).toBeNull();
  });

  it('makes a waiting visitor stand out, in words', () => {
    card({ visitor: visitor({ is_waiting_for_call: true }) });
    expect(root.querySelector('.callout')?.textContent).toContain('Waiting for a call');
    expect(root.querySelector('[data-testid="visitor"]')?.className).toContain('card-waiting');
  });

  it('shows hostile data as text and never links a non-https address', () => {
    const payload = '<img src=x onerror=alert(1)>';
    card({
      visitor: visitor({
        name: payload,
        tags: [`#${payload}`],
        last_url: 'javascript:alert(1)',
        location_city: '<b>Evil</b>',
      }),
    });
    expect(root.querySelector('h3')?.textContent).toBe(payload);
    expect(root.querySelectorAll('img, b, script')).toHaveLength(0);
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).toContain('javascript:alert(1)');
  });

  it('links an https last page in a new tab without opener or referrer', () => {
    card({ visitor: visitor({ last_url: 'https://shop.example.com/cart' }) });
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://shop.example.com/cart');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('asks before forgetting, naming the visitor, with Cancel focused', async () => {
    const onConfirmForget = vi.fn();
    await act(() => card({ visitor: visitor(), confirmingForget: true, onConfirmForget }));
    const group = root.querySelector('[role="group"]')!;
    expect(group.querySelector('.question')?.textContent).toBe('Forget Jane Doe?');
    expect(document.activeElement?.textContent).toBe('Cancel');
    [...group.querySelectorAll('button')].find((b) => b.textContent === 'Forget Jane Doe')!.click();
    expect(onConfirmForget).toHaveBeenCalledOnce();
  });
});

describe('the ranked list', () => {
  it('says "found by" once when every row was found the same way; names people apart', () => {
    const entries = entriesOf(
      [
        visitor({ short_id: 'A', name: 'Sam Lee', email: 'sam@example.com' }),
        visitor({ short_id: 'B', name: 'Sam Leeds', email: 'leeds@example.com' }),
      ],
      [
        { shortId: 'A', state: 'online', matchedBy: { kind: 'name' } },
        { shortId: 'B', state: 'online', matchedBy: { kind: 'name' } },
      ],
    );
    render(<VisitorList entries={entries} selected="A" label="Pick one" onPick={() => {}} />, root);
    // Each person a group named by a heading with their email; the heading is not a choice.
    const groups = [...root.querySelectorAll('[role="listbox"] > [role="group"]')];
    const names = groups.map(
      (g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent,
    );
    expect(names).toEqual(['Sam Lee · sam@example.com', 'Sam Leeds · leeds@example.com']);
    expect(groups.map((g) => g.querySelectorAll('[role="option"]').length)).toEqual([1, 1]);
    expect(root.querySelectorAll('[role="option"] .person-head')).toHaveLength(0);
    expect(root.querySelector('.list-person')?.textContent).toMatch(/^found by /);
    expect(root.querySelector('.options')?.textContent).not.toContain('found by');
  });

  it('groups a search by person, option ids in the order on screen', () => {
    const entries = entriesOf(
      [
        visitor({
          short_id: 'P1',
          name: 'Sam Lee',
          email: 'sam@example.com',
          device_name: 'iPhone',
        }),
        visitor({ short_id: 'O1', name: 'Sam Lee', email: 'sam@other.example' }),
        visitor({ short_id: 'P2', name: 'Sam Lee', email: 'sam@example.com', is_online: false }),
      ],
      [],
    );
    render(
      <VisitorList entries={entries} selected="P2" label="Pick one" onPick={() => {}} />,
      root,
    );
    const options = [...root.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.id)).toEqual([
      'visitor-option-0',
      'visitor-option-1',
      'visitor-option-2',
    ]);
    // Sam's two devices together under his heading, then the other Sam: rows say the device.
    expect(options.map((o) => o.closest('[role="group"]')?.textContent)).toEqual([
      expect.stringContaining('sam@example.com'),
      expect.stringContaining('sam@example.com'),
      expect.stringContaining('sam@other.example'),
    ]);
    expect(options.map((o) => o.querySelector('.option-name')?.textContent)).toEqual([
      'iPhone (desktop) · Chrome 126',
      'Desktop · Chrome 126',
      'Desktop · Chrome 126',
    ]);
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    expect(options[1]!.textContent).toContain('Offline');
  });

  it('marks the chosen visitor and gives each a reason and how it was found', () => {
    const entries = entriesOf(
      [
        visitor({ short_id: 'A', device_name: 'iPhone' }),
        visitor({ short_id: 'B', is_online: false, last_seen_at: null }),
      ],
      [{ shortId: 'A', state: 'online', matchedBy: { kind: 'email' } }],
    );
    const onPick = vi.fn();
    render(<VisitorList entries={entries} selected="A" label="Pick one" onPick={onPick} />, root);
    const options = [...root.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    // One person: the name once above, each row its device and browser, "found by" where it differs.
    expect(root.querySelector('.list-person')?.textContent).toBe('Jane Doe');
    expect(options[0]!.querySelector('.option-name')?.textContent).toBe(
      'iPhone (desktop) · Chrome 126',
    );
    expect(options[0]!.textContent).toContain('Online · found by email');
    expect(options[1]!.textContent).toContain('Offline');
    expect(options[1]!.textContent).not.toContain('found by');
    (options[1] as HTMLElement).click();
    expect(onPick).toHaveBeenCalledWith('B');
  });
});
