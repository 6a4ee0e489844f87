import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeUpscope, type FakeUpscopeOptions } from '../../fake-upscope/server';
import { startFakeUpscopeServer, type FakeUpscopeServer } from '../../fake-upscope/node-server';

export interface Harness {
  fake: FakeUpscope;
  server: FakeUpscopeServer;
  /** fetch against the base URL with the demo key unless the caller sets its own headers. */
  api(path: string, init?: RequestInit & { key?: string | null }): Promise<Response>;
}

/**
 * One real HTTP server per test file, state reset before each test, so every
 * test starts from the seed and the suite stays fast.
 */
export function useFakeServer(options?: FakeUpscopeOptions): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.fake = new FakeUpscope(options);
    h.server = await startFakeUpscopeServer(h.fake);
    h.api = (path, init = {}) => {
      const { key = 'demo-key', headers, ...rest } = init;
      const merged = new Headers(headers);
      if (key !== null && !merged.has('x-api-key')) merged.set('x-api-key', key);
      return fetch(h.server.baseUrl + path, { ...rest, headers: merged });
    };
  });
  beforeEach(() => {
    h.fake.reset();
  });
  afterAll(async () => {
    await h.server.close();
  });
  return h;
}

export async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

export function shortIds(body: Record<string, unknown>): string[] {
  const visitors = body.visitors as { short_id: string }[];
  return visitors.map((v) => v.short_id).sort();
}
