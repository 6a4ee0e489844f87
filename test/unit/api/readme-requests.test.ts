import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUpscopeClient, type UpscopeClient } from '../../../src/api';
import { listedAs, readmeRequests } from '../../fake-upscope/readme-requests';

// Every request the API client can send is either in the README's privacy list or never sent by
// the extension. A new client method fails here until its request is listed (or kept out).

type Calls = { [K in Exclude<keyof UpscopeClient, 'baseUrl'>]: (api: UpscopeClient) => unknown };

/** One call of every method; the record type makes a new method a compile error here. */
const CALLS: Calls = {
  getUsage: (api) => api.getUsage(),
  searchVisitors: (api) => api.searchVisitors('jane@example.com'),
  getVisitor: (api) => api.getVisitor('JD7K2P9Q', { withHistory: true }),
  deleteVisitor: (api) => api.deleteVisitor('JD7K2P9Q'),
  endSession: (api) => api.endSession('JD7K2P9Q'),
  deleteOfflineVisitors: (api) => api.deleteOfflineVisitors(),
  createWatchUrl: (api) => api.createWatchUrl('JD7K2P9Q', { agent: { id: 'a', name: 'A' } }),
};

/** Client methods the extension never calls: their requests are not the extension's. */
const NEVER_SENT = new Set<string>(['deleteOfflineVisitors']);

async function requestOf(call: (api: UpscopeClient) => unknown) {
  const sent: { method: string; path: string }[] = [];
  const api = createUpscopeClient({
    apiKey: 'readme-key',
    baseUrl: 'https://api.upscope.io/v1.1',
    maxAttempts: 1,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({
        method: init?.method ?? 'GET',
        path: new URL(String(input)).pathname.replace(/^\/v1\.1/, ''),
      });
      return new Response('{}', { status: 500 });
    }) as typeof fetch,
  });
  await Promise.resolve(call(api)).catch(() => undefined);
  return sent;
}

const SRC = resolve(import.meta.dirname, '../../../src');
const extensionSource = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && !file.startsWith('api'))
  .map((file) => readFileSync(join(SRC, file), 'utf8'))
  .join('\n');

describe('the README lists every request the extension can make to Upscope', () => {
  const listed = readmeRequests();

  it('covers every method of the client the extension calls, and names nothing else', async () => {
    expect(Object.keys(CALLS).sort()).toEqual(
      Object.keys(createUpscopeClient({ apiKey: 'k' }))
        .filter((key) => key !== 'baseUrl')
        .sort(),
    );
    const used = new Set<string>();
    for (const [name, call] of Object.entries(CALLS)) {
      const sent = await requestOf(call);
      expect(sent, name).toHaveLength(1);
      const { method, path } = sent[0]!;
      const entry = listedAs(listed, method, path);
      if (NEVER_SENT.has(name)) {
        expect(entry, `${name} is listed but never sent`).toBeUndefined();
        expect(extensionSource, `${name} is called by the extension`).not.toContain(`.${name}(`);
      } else {
        expect(entry, `${method} ${path} (${name}) is missing from the README`).toBeDefined();
        used.add(`${entry!.method} ${entry!.path}`);
      }
    }
    expect([...used].sort()).toEqual(listed.map((e) => `${e.method} ${e.path}`).sort());
  });

  it('reads the list as written', () => {
    const sample = [
      '**What is sent to Upscope, and why.** Everything',
      '- `GET {endpoint}/usage.json`: why',
      '- `DELETE {endpoint}/visitors/{id}.json`: why',
      'No analytics',
    ].join('\n');
    const parsed = readmeRequests(sample);
    expect(parsed.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /usage.json',
      'DELETE /visitors/{id}.json',
    ]);
    expect(listedAs(parsed, 'DELETE', '/visitors/AB12.json')).toBeDefined();
    expect(listedAs(parsed, 'DELETE', '/visitors.json')).toBeUndefined();
    expect(listedAs(parsed, 'GET', '/visitors/AB12.json')).toBeUndefined();
  });
});
