import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The README's privacy section lists every request the extension can make to Upscope, one line
// each: "- `GET {endpoint}/visitors/{id}.json`: why". Tests hold the product to that list.

export interface ListedRequest {
  method: string;
  /** As written, e.g. `/visitors/{id}.json`, relative to the endpoint. */
  path: string;
  pattern: RegExp;
}

const README = resolve(import.meta.dirname, '../../README.md');
const LINE = /^- `(GET|POST|DELETE|PUT|PATCH) \{endpoint\}(\/[^`?\s]+)/;

/** The requests the README's "What is sent to Upscope" list names. */
export function readmeRequests(text = readFileSync(README, 'utf8')): ListedRequest[] {
  const start = text.indexOf('**What is sent to Upscope, and why.**');
  const end = text.indexOf('No analytics', start);
  if (start < 0 || end < 0) throw new Error('README: the "What is sent to Upscope" list is gone');
  return text
    .slice(start, end)
    .split('\n')
    .flatMap((line) => {
      const match = LINE.exec(line);
      if (!match) return [];
      const [, method, path] = match as unknown as [string, string, string];
      const segments = path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      return [{ method, path, pattern: new RegExp(`^${segments}$`) }];
    });
}

/** The listed request a (method, path under the endpoint) is, or undefined when none is. */
export function listedAs(
  listed: readonly ListedRequest[],
  method: string,
  path: string,
): ListedRequest | undefined {
  return listed.find((entry) => entry.method === method && entry.pattern.test(path));
}
