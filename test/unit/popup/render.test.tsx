// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { VisitorCard, type CardProps } from '../../../src/popup/card';
import { VisitorList } from '../../../src/popup/list';
import { entriesOf } from '../../../src/popup/model';
import { useEnglish, visitor } from './support';

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

const startButton = () =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Start co-browsing')!;

describe('the visitor card', () => {
  it('turns the start button off with the reason as its description', () => {
    card({ visitor: visitor({ is_online: false }), blocker: 'Jane is not on your website now.' });
    const button = startButton();
    expect(button.disabled).toBe(true);
    const described = document.getElementById(button.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Jane is not on your website now.');
  });

  it('starts with one click when nothing blocks it', () => {
    const onStart = vi.fn();
    card({ visitor: visitor(), onStart });
    startButton().click();
    expect(onStart).toHaveBeenCalledOnce();
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
    expect(options[0]!.textContent).toContain('online on iPhone · found by email');
    expect(options[1]!.textContent).toContain('offline');
    (options[1] as HTMLElement).click();
    expect(onPick).toHaveBeenCalledWith('B');
  });
});
