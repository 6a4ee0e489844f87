// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getter } from '../../../src/content/read';
import { loadPage } from './support';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('same-origin helpdesk JSON', () => {
  it('GETs on the page’s origin with the session, and parses JSON', async () => {
    loadPage('https://acme.zendesk.com/agent/tickets/1');
    const fetch = vi.fn(async () => Response.json({ ok: 1 }));
    vi.stubGlobal('fetch', fetch);
    const get = getter(new AbortController().signal);
    expect(await get('/api/v2/tickets/1.json', { 'X-Test': '1' })).toEqual({ ok: 1 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://acme.zendesk.com/api/v2/tickets/1.json');
    expect(init.credentials).toBe('include');
    expect(init.headers).toEqual({ accept: 'application/json', 'X-Test': '1' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('never leaves the origin, whatever the path says', async () => {
    loadPage('https://acme.zendesk.com/agent/tickets/1');
    const fetch = vi.fn(async () => Response.json({}));
    vi.stubGlobal('fetch', fetch);
    const get = getter(new AbortController().signal);
    for (const path of [
      '//evil.example/x',
      'https://evil.example/x',
      'http://acme.zendesk.com/x',
    ]) {
      expect(await get(path)).toBeUndefined();
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('errors, non-2xx and bad JSON read as no answer', async () => {
    loadPage('https://acme.zendesk.com/agent/tickets/1');
    const get = getter(new AbortController().signal);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('nope', { status: 403 })),
    );
    expect(await get('/a')).toBeUndefined();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 200 })),
    );
    expect(await get('/a')).toBeUndefined();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    expect(await get('/a')).toBeUndefined();
  });

  it('gives up after 3 s, and at once when the ticket is left', async () => {
    loadPage('https://acme.zendesk.com/agent/tickets/1');
    const hang = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_, reject) =>
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
        ),
    );
    vi.stubGlobal('fetch', hang);
    const started = Date.now();
    expect(await getter(new AbortController().signal)('/slow')).toBeUndefined();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(2900);
    expect(took).toBeLessThan(4500);

    const leave = new AbortController();
    const pending = getter(leave.signal)('/slow');
    leave.abort();
    expect(await pending).toBeUndefined();
  }, 10_000);

  it('on Firefox uses the page’s content.fetch, so the helpdesk session goes with it', async () => {
    loadPage('https://acme.zammad.com/');
    const pageFetch = vi.fn(async () => Response.json({ from: 'page' }));
    const ownFetch = vi.fn(async () => Response.json({ from: 'extension' }));
    vi.stubGlobal('fetch', ownFetch);
    vi.stubGlobal('content', { fetch: pageFetch });
    expect(await getter(new AbortController().signal)('/api/v1/tickets/1?all=true')).toEqual({
      from: 'page',
    });
    expect(ownFetch).not.toHaveBeenCalled();
  });

  it('an element named "content" (Chrome exposes ids on window) is not mistaken for it', async () => {
    loadPage('https://acme.zammad.com/');
    vi.stubGlobal('content', document.createElement('div'));
    const ownFetch = vi.fn(async () => Response.json({ from: 'extension' }));
    vi.stubGlobal('fetch', ownFetch);
    expect(await getter(new AbortController().signal)('/x')).toEqual({ from: 'extension' });
  });
});
