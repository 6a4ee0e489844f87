import { describe, expect, it } from 'vitest';
import type { UpscopeApiError } from '../../../src/api';
import { fakeFetch, json, makeClient, raw, rejectionOf } from './fake-fetch';
import type { Step } from './fake-fetch';

// Answers a real server (or what stands in front of it) sends besides the documented JSON:
// redirects, no content, and the plain-text `ok` of the DELETE endpoints.

/**
 * What a service worker's fetch gives for `redirect: 'manual'`: an opaque redirect, status 0,
 * no headers. The Response constructor cannot make one, so its getters are shadowed.
 */
const opaqueRedirect: Step = () => {
  const response = new Response(null);
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  return response;
};

describe('a redirect', () => {
  it('names the host it leads to, and is tried once only', async () => {
    const { fetch, calls } = fakeFetch(
      raw(302, null, { location: 'https://sso.example.com/login?next=/v1.1/usage.json' }),
    );
    const { client, sleep } = makeClient(fetch, { maxAttempts: 3 });
    const error = (await rejectionOf(client.getUsage())) as UpscopeApiError;
    expect(error).toMatchObject({
      kind: 'redirected',
      status: 302,
      redirectHost: 'sso.example.com',
      retryable: false,
    });
    expect(error.message).toContain('redirects to sso.example.com');
    expect(calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('reads a relative Location against the request', async () => {
    const { fetch } = fakeFetch(raw(301, null, { location: '/v2/usage' }));
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({
      kind: 'redirected',
      redirectHost: 'api.upscope.io',
    });
  });

  it('in a service worker (an opaque redirect) says it redirects, without naming where', async () => {
    const { fetch, calls } = fakeFetch(opaqueRedirect);
    const { client } = makeClient(fetch, { maxAttempts: 3 });
    const error = (await rejectionOf(client.searchVisitors('jane@example.com'))) as UpscopeApiError;
    expect(error).toMatchObject({ kind: 'redirected', status: null, redirectHost: null });
    expect(error.message).toMatch(/redirects somewhere else/);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['not a URL', 'http://[nope'],
    ['not http(s)', 'javascript:alert(1)'],
  ])('with a Location that is %s names no host', async (_label, location) => {
    const { fetch } = fakeFetch(raw(307, null, { location }));
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.getUsage())).toMatchObject({
      kind: 'redirected',
      redirectHost: null,
    });
  });

  it('is not followed even for a POST: one call, no session started elsewhere', async () => {
    const { fetch, calls } = fakeFetch(raw(308, null, { location: 'https://elsewhere.example/' }));
    const { client } = makeClient(fetch);
    const error = await rejectionOf(
      client.createWatchUrl('ABCD1234', { agent: { id: '1', name: 'Joe' } }),
    );
    expect(error).toMatchObject({ kind: 'redirected', redirectHost: 'elsewhere.example' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.redirect).toBe('manual');
  });
});

describe('no content', () => {
  it('a 204 for a search is a list with nobody in it', async () => {
    const { fetch } = fakeFetch(raw(204, null));
    const { client } = makeClient(fetch);
    expect(await client.searchVisitors('jane@example.com')).toEqual([]);
  });

  it('an empty 200 for a search is a list with nobody in it', async () => {
    const { fetch } = fakeFetch(raw(200, ''));
    const { client } = makeClient(fetch);
    expect(await client.searchVisitors('')).toEqual([]);
  });

  it.each([
    ['usage', (c: ReturnType<typeof makeClient>['client']) => c.getUsage()],
    ['a visitor', (c: ReturnType<typeof makeClient>['client']) => c.getVisitor('ABCD1234')],
  ])(
    'a 204 where %s was asked for is reported as an empty answer, not as malformed',
    async (_l, run) => {
      const { fetch } = fakeFetch(raw(204, null));
      const { client } = makeClient(fetch);
      const error = (await rejectionOf(run(client))) as UpscopeApiError;
      expect(error).toMatchObject({ kind: 'unexpected_response', status: 204 });
      expect(error.message).toMatch(/no content/);
    },
  );
});

describe('DELETE answers', () => {
  it.each([
    ['plain text ok', raw(200, 'ok', { 'content-type': 'text/plain' })],
    ['ok with a newline, upper case', raw(200, 'OK\n')],
    ['204', raw(204, null)],
    ['JSON', json(200, { status: 'ok' })],
  ])('%s is success', async (_label, step) => {
    const { fetch } = fakeFetch(step);
    const { client } = makeClient(fetch);
    await expect(client.deleteVisitor('ABCD1234')).resolves.toBeUndefined();
    await expect(client.deleteOfflineVisitors()).resolves.toBeUndefined();
  });

  it('other text is still malformed', async () => {
    const { fetch } = fakeFetch(raw(200, 'okay then'));
    const { client } = makeClient(fetch);
    expect(await rejectionOf(client.deleteVisitor('ABCD1234'))).toMatchObject({
      kind: 'malformed_response',
    });
  });
});
