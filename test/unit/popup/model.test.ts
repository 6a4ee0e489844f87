import { beforeAll, describe, expect, it } from 'vitest';
import {
  entriesOf,
  moveSelection,
  selectedId,
  setupProblem,
  startBlocker,
  ticketProblem,
} from '../../../src/popup/model';
import type { Setup, TabState } from '../../../src/shared/protocol';
import { minutesAgo, NOW, useEnglish, visitor } from './support';

beforeAll(useEnglish);

const okSetup: Setup = {
  key: { present: true, hint: 'abcd', rejected: null, savedFor: null },
  agentMissing: false,
};

describe('choosing the visitor shown', () => {
  const entries = entriesOf(
    [visitor({ short_id: 'A' }), visitor({ short_id: 'B' }), visitor({ short_id: 'C' })],
    [
      { shortId: 'B', state: 'online', matchedBy: { kind: 'email' } },
      { shortId: 'A', state: 'online', matchedBy: { kind: 'name' } },
    ],
  );

  it('joins each visitor with what the worker said about it, keeping the ranked order', () => {
    expect(entries.map((e) => [e.visitor.short_id, e.candidate?.matchedBy.kind ?? null])).toEqual([
      ['A', 'name'],
      ['B', 'email'],
      ['C', null],
    ]);
  });

  it('shows the best one, unless the worker could not tell the top ones apart', () => {
    expect(selectedId(entries, false, null)).toBe('A');
    expect(selectedId(entries, true, null)).toBeNull();
    expect(selectedId(entries.slice(0, 1), true, null)).toBe('A');
    expect(selectedId([], false, null)).toBeNull();
  });

  it('keeps the agent’s pick while it is listed', () => {
    expect(selectedId(entries, true, 'C')).toBe('C');
    expect(selectedId(entries, false, 'gone')).toBe('A');
  });

  it('moves with the arrows and stops at the ends', () => {
    expect(moveSelection(entries, null, 1)).toBe('A');
    expect(moveSelection(entries, null, -1)).toBe('C');
    expect(moveSelection(entries, 'A', 1)).toBe('B');
    expect(moveSelection(entries, 'C', 1)).toBe('C');
    expect(moveSelection(entries, 'A', -1)).toBe('A');
    expect(moveSelection([], 'A', 1)).toBeNull();
  });
});

describe('setup problems', () => {
  it('no key yet is calm and says what to do', () => {
    expect(
      setupProblem({
        key: { present: false, hint: null, rejected: null, savedFor: null },
        agentMissing: false,
      }),
    ).toMatchObject({ tone: 'info', title: 'Add your Upscope API key' });
  });

  it('a refused key says which refusal', () => {
    const problem = setupProblem({
      key: { present: true, hint: 'abcd', rejected: 'subscription_expired', savedFor: null },
      agentMissing: false,
    });
    expect(problem).toMatchObject({ tone: 'error', title: 'Upscope refused the API key' });
    expect(problem!.text).toMatch(/subscription has expired/);
    expect(
      setupProblem({
        key: { present: true, hint: 'abcd', rejected: 'api_not_enabled', savedFor: null },
        agentMissing: false,
      })!.text,
    ).toMatch(/does not include REST API access/);
  });

  it('nothing to say when the key works', () => {
    expect(setupProblem(okSetup)).toBeNull();
    expect(setupProblem(null)).toBeNull();
  });
});

describe('why the start button is off', () => {
  it('offline, with when they were last seen', () => {
    const tom = visitor({ name: 'Tom', is_online: false, last_seen_at: minutesAgo(185) });
    expect(startBlocker(tom, okSetup, NOW)).toBe(
      'Tom is not on your website now (last seen 3h ago).',
    );
    expect(startBlocker({ ...tom, last_seen_at: null }, okSetup, NOW)).toBe(
      'Tom is not on your website now.',
    );
  });

  it('an unsupported browser, named when known', () => {
    const legacy = visitor({ is_supported: false, browser_name: 'Internet Explorer 11' });
    expect(startBlocker(legacy, okSetup, NOW)).toBe(
      'Internet Explorer 11 does not support co-browsing.',
    );
    expect(startBlocker({ ...legacy, browser_name: null }, okSetup, NOW)).toBe(
      'Their browser does not support co-browsing.',
    );
  });

  it('settings that are missing', () => {
    const jane = visitor();
    expect(
      startBlocker(jane, {
        ...okSetup,
        key: { present: false, hint: null, rejected: null, savedFor: null },
      }),
    ).toBe('Add your API key in the settings first.');
    expect(
      startBlocker(jane, {
        ...okSetup,
        key: { present: true, hint: 'x', rejected: 'invalid', savedFor: null },
      }),
    ).toMatch(/refused the API key/);
    expect(startBlocker(jane, { ...okSetup, agentMissing: true })).toBe(
      'Add your agent name and ID in the settings first.',
    );
  });

  it('none for an online visitor with everything set, in a session or waiting too', () => {
    expect(startBlocker(visitor(), okSetup)).toBeNull();
    expect(startBlocker(visitor({ is_in_session: true }), okSetup)).toBeNull();
    expect(startBlocker(visitor({ is_waiting_for_call: true }), okSetup)).toBeNull();
  });
});

describe('what a ticket’s last lookup says', () => {
  const state = (view: Partial<TabState['view']>): TabState =>
    ({
      view: { state: 'online', label: '', title: 'From the worker.', canStart: true, ...view },
    }) as TabState;

  it('errors can be retried, a pause cannot, setup needs the settings', () => {
    expect(ticketProblem(state({ state: 'error' }))).toEqual({
      tone: 'error',
      text: 'From the worker.',
      retry: true,
      settings: false,
    });
    // The worker's sentence says when it looks again, not that an answer is shown.
    const paused = 'Upscope asked for a pause. Retrying at 12:05.';
    expect(ticketProblem(state({ state: 'rate_limited', title: paused }))).toEqual({
      tone: 'warn',
      retry: false,
      settings: false,
      text: paused,
    });
    expect(ticketProblem(state({ state: 'not_configured' }))).toMatchObject({ settings: true });
    expect(ticketProblem(state({ state: 'disabled' }))).toMatchObject({
      tone: 'info',
      text: 'Co-browse is turned off for this helpdesk in the settings.',
    });
  });

  it('no problem when a visitor state came back', () => {
    for (const s of ['online', 'waiting', 'in_session', 'offline', 'not_found'] as const) {
      expect(ticketProblem(state({ state: s }))).toBeNull();
    }
  });
});
