import browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import german from '../../../public/_locales/de/messages.json';
import { UpscopeApiError } from '../../../src/api';
import { viewForError } from '../../../src/background/badge-view';
import { Problem, toErrorInfo } from '../../../src/background/problems';
import { setFallbackMessages } from '../../../src/wording/i18n';

type Messages = Record<string, { message: string }>;

/** The browser's i18n API answering from one messages file (no substitutions needed here). */
function speak(messages: Messages): void {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(
    (key: string) => messages[key]?.message ?? '',
  );
}

const timeout = () =>
  new UpscopeApiError('timeout', { message: 'Upscope did not answer within 8 seconds.' });
const revoked = () => new UpscopeApiError('invalid_api_key', { status: 401 });

describe('failures are told in the agent’s language: badge, toolbar, popup and replies', () => {
  beforeEach(() => setFallbackMessages(english as Messages));
  afterEach(() => setFallbackMessages({}));

  it('in English, an API error is worded from _locales by its kind, not by the client', () => {
    speak(english as Messages);
    expect(viewForError(toErrorInfo(timeout()))).toMatchObject({
      state: 'error',
      label: 'Unavailable',
      title: (english as Messages).errorTimeout!.message,
    });
    expect(timeout().message).not.toBe((english as Messages).errorTimeout!.message);
  });

  it('in English, a refusal of the extension’s own is worded from _locales too', () => {
    speak(english as Messages);
    expect(toErrorInfo(new Problem('no_visitor', 'problemNoVisitor')).message).toBe(
      'No visitor is known for this ticket’s customer yet.',
    );
  });

  it('in German, says it in German by the error’s kind', () => {
    speak(german as Messages);
    const view = viewForError(toErrorInfo(timeout()));
    expect(view.title).toBe((german as Messages).errorTimeout!.message);
    expect(view.label).toBe((german as Messages).badgeUnavailable!.message);
    const setUp = viewForError(toErrorInfo(revoked()));
    expect(setUp.state).toBe('not_configured');
    expect(setUp.title).toBe((german as Messages).keyProblemInvalid!.message);
    expect(setUp.title).not.toBe(revoked().message);
    const noVisitor = toErrorInfo(new Problem('no_visitor', 'problemNoVisitor'));
    expect(noVisitor.message).toBe((german as Messages).problemNoVisitor!.message);
    // A fault inside the extension says so in German too, and still gives nothing away.
    expect(toErrorInfo(new Error('secret detail'))).toEqual({
      kind: 'internal',
      message: (german as Messages).errorInternal!.message,
    });
  });

  it('in German, a pause says for how long', () => {
    speak(german as Messages);
    vi.mocked(browser.i18n.getMessage).mockImplementation((key: string, subs?: string | string[]) =>
      ((german as Messages)[key]?.message ?? '').replace('$SECONDS$', String([subs].flat()[0])),
    );
    const view = viewForError(
      toErrorInfo(new Problem('rate_limited', ['problemPaused', 30], { retryAfterMs: 30_000 })),
    );
    expect(view.state).toBe('rate_limited');
    expect(view.title).toBe('Upscope hat um eine Pause gebeten. Neuer Versuch in 30 Sek.');
  });
});
