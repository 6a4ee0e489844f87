import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';

// Translators work from the English file: every entry needs a description, and every
// placeholder used must be declared (with an example) and every declared one used.

type Entry = {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
};
const entries = Object.entries(english as Record<string, Entry>);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : /\.tsx?$/.test(d.name)
        ? [readFileSync(join(dir, d.name), 'utf8')]
        : [],
  );
}

describe('the English messages', () => {
  it('describe every string for translators', () => {
    for (const [key, entry] of entries) {
      expect(entry.description, key).toBeTruthy();
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  it('declare exactly the placeholders they use, with an example, in order', () => {
    for (const [key, entry] of entries) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) =>
        m[1]!.toLowerCase(),
      );
      const declared = Object.keys(entry.placeholders ?? {});
      expect(new Set(used), key).toEqual(new Set(declared));
      declared.forEach((name, i) => {
        expect(entry.placeholders![name]!.content, key).toBe(`$${i + 1}`);
        expect(entry.placeholders![name]!.example, key).toBeTruthy();
      });
    }
  });

  it('have no entry the pages, worker, content script and manifest do not use', () => {
    const code = [
      'src/popup',
      'src/options',
      'src/ui',
      'src/wording',
      'src/shared',
      'src/background',
      'src/content',
    ]
      .flatMap(sources)
      .join('\n');
    const manifest = readFileSync('manifest.json', 'utf8');
    const unused = entries
      .map(([key]) => key)
      // Named as a string literal in code, or as a JSX attribute (label="optionsAllowConsole").
      .filter(
        (key) =>
          !code.includes(`'${key}'`) &&
          !code.includes(`"${key}"`) &&
          !manifest.includes(`__MSG_${key}__`),
      );
    expect(unused).toEqual([]);
  });
});
