import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELPDESK_MATCHES, chromeManifest, extensionManifest } from '../../../scripts/manifest';
import { ADAPTERS, byId } from '../../../src/content/registry';
import { HELPDESK_NAMES } from '../../../src/shared/helpdesk-names';
import { HELPDESKS, HELPDESK_IDS, type HelpdeskId } from '../../../src/shared/helpdesks';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const rows = Object.entries(HELPDESKS);
const vendorHosted = rows
  .filter(([, h]) => h.matches.length)
  .map(([id]) => HELPDESK_NAMES[id as HelpdeskId]);
const selfHosted = rows
  .filter(([, h]) => !h.matches.length)
  .map(([id]) => HELPDESK_NAMES[id as HelpdeskId]);

/** "A, B and C" as a list of names. */
const names = (list: string) => list.split(/, | and /).map((name) => name.trim());

describe('the helpdesk table', () => {
  it('has one adapter per row, under its own id', () => {
    expect(Object.keys(ADAPTERS)).toEqual(HELPDESK_IDS);
    for (const id of HELPDESK_IDS) expect(byId(id)?.id).toBe(id);
  });

  it('is where the manifest gets its content-script hosts, for Chrome and Firefox alike', () => {
    expect(HELPDESK_MATCHES).toEqual(rows.flatMap(([, h]) => h.matches));
    expect(chromeManifest().content_scripts[0]!.matches).toEqual(HELPDESK_MATCHES);
    const firefox = extensionManifest('firefox') as { content_scripts: { matches: string[] }[] };
    expect(firefox.content_scripts[0]!.matches).toEqual(HELPDESK_MATCHES);
  });

  it('names vendors and mail domains plainly (they become patterns and a regex)', () => {
    for (const [id, h] of rows) {
      for (const pattern of h.matches) expect(pattern, id).toMatch(/^https:\/\/[\w*.-]+\/.*$/);
      for (const domain of h.mail) expect(domain, id).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('is the list the README gives, in the permission table and in the features', () => {
    const permission =
      /\| content scripts on helpdesk hosts +\| to read the customer on ticket pages of (.+?); nowhere else/.exec(
        README,
      );
    expect(names(permission![1]!)).toEqual(vendorHosted);
    const features = /- \*\*Helpdesks\*\*: ([^]+?) at\s+their vendors' addresses\./.exec(README);
    expect(names(features![1]!.replace(/\s+/g, ' '))).toEqual(vendorHosted);
  });

  it('says in the README how self-hosted helpdesks are reached', () => {
    expect(selfHosted).toEqual(['FreeScout', 'osTicket']);
    const sentence = README.replace(/\s+/g, ' ');
    expect(sentence).toContain(
      `${selfHosted.join(' and ')} are self-hosted: they run on your own domain and have no fixed hosts, so they are reached through a custom domain`,
    );
  });
});
