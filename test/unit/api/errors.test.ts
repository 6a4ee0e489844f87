import { describe, expect, it } from 'vitest';
import {
  isAuthErrorKind,
  isUpscopeApiError,
  parseRetryAfter,
  UpscopeApiError,
} from '../../../src/api';
import type { UpscopeErrorKind } from '../../../src/api';
import { fakeFetch, json, makeClient, raw, rejectionOf } from './fake-fetch';
import type { Step } from './fake-fetch';

describe('HTTP status and vendor code mapping', () => {
  const vendorError = (status: number, code: string): Step =>
    json(status, { status: 'error', error: code });
  const html = { 'content-type': 'text/html' };

  // prettier-ignore
  const cases: [label: string, answer: Step, kind: UpscopeErrorKind, status: number, code: string | null, retryable: boolean][] = [
    ['401 invalid_api_key', vendorError(401, 'invalid_api_key'), 'invalid_api_key', 401, 'invalid_api_key', false],
    ['401 subscription_expired', vendorError(401, 'subscription_expired'), 'subscription_expired', 401, 'subscription_expired', false],
    ['401 no_subscription', vendorError(401, 'no_subscription'), 'no_subscription', 401, 'no_subscription', false],
    ['401 api_not_enabled', vendorError(401, 'api_not_enabled'), 'api_not_enabled', 401, 'api_not_enabled', false],
    ['401 please_contact_team', vendorError(401, 'please_contact_team'), 'access_restricted', 401, 'please_contact_team', false],
    ['401 with another code', vendorError(401, 'session_revoked'), 'unauthorized', 401, 'session_revoked', false],
    ['401 without a body', raw(401, null), 'unauthorized', 401, null, false],
    ['401 with a proxy’s sign-in page', raw(401, '<html><body>Sign in</body></html>', html), 'unauthorized', 401, null, false],
    ['401 with a code named like an Object method', vendorError(401, 'constructor'), 'unauthorized', 401, 'constructor', false],
    ['402', vendorError(402, 'over_limits'), 'over_plan_limits', 402, 'over_limits', false],
    ['404 with HTML', raw(404, '<html>Not Found</html>', html), 'not_found', 404, null, false],
    ['404 empty', raw(404, null), 'not_found', 404, null, false],
    ['404 whatever the code', vendorError(404, 'invalid_api_key'), 'not_found', 404, 'invalid_api_key', false],
    ['429', vendorError(429, 'rate_limited'), 'rate_limited', 429, 'rate_limited', true],
    ['400', vendorError(400, 'invalid_params'), 'bad_request', 400, 'invalid_params', false],
    ['403', raw(403, 'Forbidden'), 'forbidden', 403, null, false],
    ['403 with a JSON error', vendorError(403, 'forbidden'), 'forbidden', 403, 'forbidden', false],
    ['403 with a documented key error', vendorError(403, 'api_not_enabled'), 'api_not_enabled', 403, 'api_not_enabled', false],
    ['422 without a status field', json(422, { error: 'unprocessable' }), 'bad_request', 422, 'unprocessable', false],
    ['408', raw(408, null), 'timeout', 408, null, true],
    ['500', raw(500, 'oops'), 'server_error', 500, null, true],
    ['503', vendorError(503, 'maintenance'), 'server_error', 503, 'maintenance', true],
    ['200 with an error body', vendorError(200, 'api_not_enabled'), 'api_not_enabled', 200, 'api_not_enabled', false],
    ['200 with an unknown error code', vendorError(200, 'weird'), 'error_answer', 200, 'weird', false],
    ['200 with an error status and no code', json(200, { status: 'error' }), 'error_answer', 200, null, false],
    ['200 that is not JSON', raw(200, '<html>hello</html>', html), 'malformed_response', 200, null, false],
    ['200 of the wrong shape', json(200, { status: 'ok', visitor: { short_id: 5.5 } }), 'unexpected_response', 200, null, false],
    ['302', raw(302, null), 'redirected', 302, null, false],
    ['301 with a Location', raw(301, null, { location: 'https://api.example.com/' }), 'redirected', 301, null, false],
  ];

  it.each(cases)('%s', async (_label, step, kind, status, code, retryable) => {
    const { fetch } = fakeFetch(step);
    const { client } = makeClient(fetch, { maxAttempts: 1 });
    const error = await rejectionOf(client.getVisitor('ABCD1234'));
    expect(error).toBeInstanceOf(UpscopeApiError);
    expect(error).toMatchObject({ kind, status, code, retryable });
  });

  it('keeps only code-like vendor codes', async () => {
    const { fetch } = fakeFetch(json(401, { status: 'error', error: '<b>bad</b> thing' }));
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({
      kind: 'unauthorized',
      code: null,
    });
  });

  it('says what was wrong with an unexpected response, without the values', async () => {
    const { fetch } = fakeFetch(
      json(200, { status: 'ok', visitor: { short_id: 'private value 42', is_online: true } }),
    );
    const { client } = makeClient(fetch);
    const error = (await rejectionOf(client.getVisitor('abc'))) as UpscopeApiError;
    expect(error.kind).toBe('unexpected_response');
    expect(error.message).toContain('visitor.short_id:');
    expect(error.message).not.toContain('private');
    expect(error.message).not.toContain('42');
  });

  it.each([
    ['a 500', raw(500, 'oops')],
    ['a 401 with an unknown code', vendorError(401, 'session_revoked')],
    ['a 400', vendorError(400, 'invalid_params')],
    ['a 403', raw(403, 'Forbidden')],
  ])('words %s for an agent: no HTTP status, no vendor code', async (_label, step) => {
    const { fetch } = fakeFetch(step);
    const { client } = makeClient(fetch, { maxAttempts: 1 });
    const error = (await rejectionOf(client.getUsage())) as UpscopeApiError;
    expect(error.message).not.toMatch(/HTTP|\b\d{3}\b|session_revoked|invalid_params/);
  });

  it('mentions the wait in a rate-limit message', async () => {
    const { fetch } = fakeFetch(raw(429, null, { 'retry-after': '90' }));
    const { client } = makeClient(fetch);
    const error = (await rejectionOf(client.getUsage())) as UpscopeApiError;
    expect(error.message).toBe('Too many requests to Upscope. Please try again in 90 seconds.');
  });
});

describe('UpscopeApiError', () => {
  it('is recognised by the type guard and names itself', () => {
    const error = new UpscopeApiError('not_found', { status: 404 });
    expect(isUpscopeApiError(error)).toBe(true);
    expect(isUpscopeApiError(new Error('x'))).toBe(false);
    expect(isUpscopeApiError({ kind: 'not_found' })).toBe(false);
    expect(String(error)).toMatch(/^UpscopeApiError: /);
    expect(error.stack).toMatch(/^UpscopeApiError: /);
  });

  it('serialises to a plain record', () => {
    const error = new UpscopeApiError('rate_limited', { status: 429, retryAfterMs: 5000 });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'UpscopeApiError',
      kind: 'rate_limited',
      message: error.message,
      status: 429,
      code: null,
      retryAfterMs: 5000,
      retryable: true,
      redirectHost: null,
    });
  });

  it('flags the kinds that need a new key or plan', () => {
    expect(isAuthErrorKind('invalid_api_key')).toBe(true);
    expect(isAuthErrorKind('access_restricted')).toBe(true);
    expect(isAuthErrorKind('no_subscription')).toBe(true);
    expect(isAuthErrorKind('subscription_expired')).toBe(true);
    expect(isAuthErrorKind('api_not_enabled')).toBe(true);
    // A 401 without a documented code, a 403, an error in a 200: none says the key is bad.
    expect(isAuthErrorKind('unauthorized')).toBe(false);
    expect(isAuthErrorKind('forbidden')).toBe(false);
    expect(isAuthErrorKind('error_answer')).toBe(false);
    expect(isAuthErrorKind('redirected')).toBe(false);
    expect(isAuthErrorKind('over_plan_limits')).toBe(false);
    expect(isAuthErrorKind('not_found')).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-01T00:00:00Z');

  it.each([
    ['2', 2000],
    ['0', 0],
    [' 120 ', 120_000],
    ['1.5', 1500],
    ['Mon, 01 Jan 2024 00:00:10 GMT', 10_000],
    ['Monday, 01-Jan-24 00:00:30 GMT', 30_000],
    ['Sun, 31 Dec 2023 23:00:00 GMT', 0],
  ])('reads %j as %d ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it.each([null, undefined, '', 'soon', '-5', '2024-01-01', '1e3'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
});
