import { describe, expect, it, vi } from 'vitest';
import { createUpscopeClient, UPSCOPE_ERROR_KINDS, UpscopeApiError } from '../../../src/api';
import type { UpscopeClient, UpscopeErrorKind } from '../../../src/api';
import { fakeFetch, hangingFetch, json, raw, rejectionOf } from './fake-fetch';
import type { Step } from './fake-fetch';

const SENTINEL = 'SENTINEL-KEY-4f9c2e7a';
const echo = { status: 'error', error: SENTINEL, message: `bad key ${SENTINEL}` };

type Scenario = [
  kind: UpscopeErrorKind,
  answer: Step | 'hang',
  run: (client: UpscopeClient, signal: AbortSignal) => Promise<unknown>,
];

const usage = (client: UpscopeClient) => client.getUsage();
const vendorError = (status: number, code: string): Step =>
  json(status, { status: 'error', error: code, echo: SENTINEL });

// Every answer echoes the key wherever a server (or a proxy) plausibly could.
const scenarios: Scenario[] = [
  ['invalid_api_key', vendorError(401, 'invalid_api_key'), usage],
  ['subscription_expired', vendorError(401, 'subscription_expired'), usage],
  ['no_subscription', vendorError(401, 'no_subscription'), usage],
  ['api_not_enabled', vendorError(200, 'api_not_enabled'), usage],
  ['access_restricted', vendorError(401, 'please_contact_team'), usage],
  ['unauthorized', json(401, echo), usage],
  ['forbidden', json(403, echo), usage],
  ['error_answer', json(200, echo), usage],
  [
    'redirected',
    raw(302, null, { location: `https://${SENTINEL}.example.com/?key=${SENTINEL}` }),
    usage,
  ],
  [
    'over_plan_limits',
    json(402, echo),
    (c) => c.createWatchUrl('a', { agent: { id: '1', name: 'J' } }),
  ],
  ['not_found', raw(404, `<p>${SENTINEL}</p>`), (c) => c.getVisitor('a')],
  ['endpoint_not_found', raw(404, `<p>${SENTINEL}</p>`), usage],
  ['rate_limited', json(429, echo, { 'retry-after': '99999' }), usage],
  ['bad_request', json(400, echo), usage],
  ['server_error', json(500, echo), usage],
  ['timeout', 'hang', usage],
  ['network', new TypeError(`fetch failed for key ${SENTINEL}`), usage],
  ['malformed_response', raw(200, `not json ${SENTINEL}`), usage],
  [
    'unexpected_response',
    json(200, {
      status: 'ok',
      visitor: { short_id: [SENTINEL], email: 2, name: SENTINEL, api_key: [SENTINEL] },
    }),
    (c) => c.getVisitor('a'),
  ],
  ['aborted', 'hang', (c, signal) => c.getVisitor('a', { signal })],
];

describe('the API key never appears in an error', () => {
  it('covers every error kind', () => {
    expect(new Set(scenarios.map(([kind]) => kind))).toEqual(new Set(UPSCOPE_ERROR_KINDS));
  });

  it.each(scenarios)('%s', async (kind, answer, run) => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    const { fetch, calls } = answer === 'hang' ? hangingFetch() : fakeFetch(answer);
    const client = createUpscopeClient({
      apiKey: SENTINEL,
      fetch,
      timeoutMs: 20,
      maxAttempts: 1,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    const error = await rejectionOf(run(client, controller.signal));

    expect(error).toBeInstanceOf(UpscopeApiError);
    const apiError = error as UpscopeApiError;
    expect(apiError.kind).toBe(kind);
    // The key really was sent, so the assertions below are meaningful.
    expect((calls[0]?.init.headers as Record<string, string>)['X-Api-Key']).toBe(SENTINEL);
    for (const text of [
      apiError.message,
      String(apiError),
      JSON.stringify(apiError),
      apiError.stack ?? '',
      apiError.code ?? '',
    ]) {
      expect(text).not.toContain(SENTINEL);
      // A host name comes back lower-cased.
      expect(text.toLowerCase()).not.toContain(SENTINEL.toLowerCase());
    }
    expect(apiError.message.length).toBeGreaterThan(0);
    for (const log of logs) expect(log).not.toHaveBeenCalled();
  });

  it('does not echo a rejected key', () => {
    const error = (() => {
      try {
        createUpscopeClient({ apiKey: `${SENTINEL} ` });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a throw');
    })();
    expect(`${String(error)} ${JSON.stringify(error)} ${error.stack}`).not.toContain(SENTINEL);
  });
});
