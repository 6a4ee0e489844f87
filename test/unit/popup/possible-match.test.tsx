// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { VisitorCard } from '../../../src/popup/card';
import { entriesOf } from '../../../src/popup/model';
import { matchNote } from '../../../src/popup/ticket-panel';
import type { TabState } from '../../../src/shared/page-send';
import type { MatchedBy } from '../../../src/shared/views';
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

function entry(matchedBy: MatchedBy) {
  const v = visitor();
  return entriesOf([v], [{ shortId: v.short_id, state: 'online', matchedBy }])[0]!;
}

const tab = {
  helpdesk: 'zendesk',
  identities: { email: 'sam@example.net', lookupCode: '4821', name: 'id:user-1001  Sam #vip' },
} as unknown as TabState;

describe('why a visitor matched, in the popup', () => {
  it('names the code written in the ticket', () => {
    expect(matchNote(tab, entry({ kind: 'lookup_code' }))).toMatch(
      /^Matched the code 4821 written in the ticket\./,
    );
  });

  it('names the plain words of the name that were searched, nothing of its operators', () => {
    expect(matchNote(tab, entry({ kind: 'name' }))).toMatch(/^Matched the name Sam only\./);
  });

  it.each<MatchedBy>([
    { kind: 'user_id' },
    { kind: 'email' },
    { kind: 'helpdesk_user_id', helpdesk: 'zendesk' },
    { kind: 'search' },
  ])('says nothing for a match by %o', (matchedBy) => {
    expect(matchNote(tab, entry(matchedBy))).toBeNull();
  });

  it('shows the note above the Start button, which stays one click', () => {
    const onStart = vi.fn();
    const noop = () => {};
    render(
      <VisitorCard
        visitor={visitor()}
        blocker={null}
        matchNote="Matched the code 4821 written in the ticket."
        starting={false}
        startError={null}
        confirmingForget={false}
        forgetting={false}
        forgetError={null}
        detailsButton={{ current: null }}
        onStart={onStart}
        onDetails={noop}
        onForget={noop}
        onConfirmForget={noop}
        onCancelForget={noop}
        onOpenSettings={noop}
      />,
      root,
    );
    const note = root.querySelector('[data-testid="possible-match"]')!;
    const button = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Start co-browsing with '),
    )!;
    expect(note.textContent).toBe('Matched the code 4821 written in the ticket.');
    expect(note.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    button.click();
    expect(onStart).toHaveBeenCalledOnce();
  });
});
