import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import german from '../../../public/_locales/de/messages.json';
import {
  disabledView,
  viewForError,
  viewForLookup,
  viewForVisitor,
} from '../../../src/background/badge-view';
import type { LookupResult } from '../../../src/background/lookup';
import { PRESENCE_STATES } from '../../../src/shared/views';
import { setFallbackMessages } from '../../../src/wording/i18n';
import { STATES, TONE_COLOURS, stateColour } from '../../../src/wording/states';
import { minutesAgo, NOW, useEnglish, visitor } from '../popup/support';

// The badge is a button that says who and what: the customer's name and what one click does,
// and no verb when a click starts nothing.

const found = (fields: Parameters<typeof visitor>[0], more: Partial<LookupResult> = {}) =>
  ({
    visitors: [visitor(fields)],
    candidates: [],
    ambiguous: false,
    possible: false,
    ...more,
  }) as unknown as LookupResult;

describe('the badge’s words per state', () => {
  beforeAll(useEnglish);

  it('online: names the customer and the action, filled in the online colour', () => {
    expect(viewForVisitor(visitor(), false, NOW)).toEqual({
      state: 'online',
      label: 'Co-browse with Jane · Online',
      title: 'Jane Doe is on your website now. Start co-browsing.',
      canStart: true,
      color: '#116329',
    });
  });

  it('waiting: the same action, in the waiting colour', () => {
    const view = viewForVisitor(visitor({ is_waiting_for_call: true }), false, NOW);
    expect(view).toMatchObject({
      label: 'Co-browse with Jane · Waiting for a call',
      canStart: true,
      color: stateColour('waiting'),
    });
  });

  it('in a session: joins it', () => {
    const view = viewForVisitor(visitor({ name: 'Ana Silva', is_in_session: true }), false, NOW);
    expect(view).toMatchObject({ label: 'Join Ana’s session', canStart: true });
  });

  it('an email names the customer whole: half an address names nobody', () => {
    const view = viewForVisitor(visitor({ name: null, email: 'ana@example.com' }), false, NOW);
    expect(view.label).toBe('Co-browse with ana@example.com · Online');
  });

  it('offline: who and when, no verb, as a click starts nothing', () => {
    const view = viewForVisitor(
      visitor({ is_online: false, last_seen_at: minutesAgo(180) }),
      false,
      NOW,
    );
    expect(view).toMatchObject({ label: 'Jane · seen 3h ago', canStart: false });
    const never = viewForVisitor(visitor({ is_online: false, last_seen_at: null }), false, NOW);
    expect(never.label).toBe('Jane · Offline');
  });

  it('browser not supported: who and why, no verb', () => {
    const view = viewForVisitor(visitor({ is_supported: false }), false, NOW);
    expect(view).toMatchObject({ label: 'Jane · Browser not supported', canStart: false });
  });

  it('several visitors tie: a click opens the popup to choose', () => {
    const view = viewForVisitor(visitor(), true, NOW);
    expect(view).toMatchObject({
      label: 'Several match — choose',
      canStart: false,
      opens: 'popup',
    });
  });

  it('a possible match asks to be checked, and a click only opens the popup', () => {
    expect(viewForLookup(found({}, { possible: true }), NOW)).toMatchObject({
      label: 'Possible match — check',
      canStart: false,
      possible: true,
      opens: 'popup',
    });
  });

  it('nobody found: the one word the popup and the toolbar tooltip use too', () => {
    const view = viewForLookup(found({}, { visitors: [] }), NOW);
    expect(view).toMatchObject({ state: 'not_found', label: 'No visitor found' });
  });

  it('"Set up" opens the settings, in the one colour of that state', () => {
    const view = viewForError({ kind: 'no_key', message: 'Add your key.' });
    expect(view).toEqual({
      state: 'not_configured',
      label: 'Set up',
      title: 'Add your key.',
      canStart: false,
      color: '#b42318',
      opens: 'settings',
    });
  });

  it('a pause says when the extension looks again', () => {
    const at = new Date(2025, 5, 2, 12, 5).getTime();
    const view = viewForError({ kind: 'rate_limited', message: 'x', retryAfterMs: 30_000 }, at);
    expect(view.label).toBe('Paused');
    expect(view.title).toMatch(/^Upscope asked for a pause\. Retrying at 12:05\s?(PM)?\.$/);
  });

  it('a failure and a turned-off helpdesk have no action', () => {
    expect(viewForError({ kind: 'network', message: 'No network.' })).toMatchObject({
      label: 'Unavailable',
      canStart: false,
      color: stateColour('error'),
    });
    expect(disabledView()).toMatchObject({ label: 'Off', canStart: false });
    expect(disabledView().opens).toBeUndefined();
  });

  it('speaks German from the same table', () => {
    setFallbackMessages(german as Record<string, { message: string }>);
    try {
      expect(viewForVisitor(visitor(), false, NOW).label).toBe('Co-Browsing mit Jane · Online');
      expect(viewForLookup(found({}, { visitors: [] }), NOW).label).toBe('Kein Besucher gefunden');
    } finally {
      useEnglish();
    }
  });
});

describe('one table of states', () => {
  it('gives every state a word, a colour and a shape', () => {
    for (const state of PRESENCE_STATES) {
      expect(STATES[state].word).toBeTruthy();
      expect(stateColour(state)).toMatch(/^#[0-9a-f]{6}$/);
    }
    // A shape per state, none shared, so a state reads without its colour.
    expect(new Set(PRESENCE_STATES.map((s) => STATES[s].icon)).size).toBe(PRESENCE_STATES.length);
  });

  it('its colours are the popup’s own (light scheme), so all three places agree', () => {
    const css = readFileSync(new URL('../../../src/ui/base.css', import.meta.url), 'utf8');
    const light = css.slice(css.indexOf(':root {'), css.indexOf('@media'));
    const variable = (name: string) =>
      new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`).exec(light)?.[1] ?? null;
    expect(TONE_COLOURS.ok).toBe(variable('ok-fg'));
    expect(TONE_COLOURS.warn).toBe(variable('warn-fg'));
    expect(TONE_COLOURS.info).toBe(variable('info-fg'));
    expect(TONE_COLOURS.off).toBe(variable('off-fg'));
    expect(TONE_COLOURS.danger).toBe(variable('danger'));
  });

  it('each colour carries white text, and shows on white, at WCAG AA', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const colour of Object.values(TONE_COLOURS)) {
      expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
