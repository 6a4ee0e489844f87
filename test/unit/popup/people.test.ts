import { beforeAll, describe, expect, it } from 'vitest';
import { entriesOf } from '../../../src/popup/model';
import { groupByPerson } from '../../../src/popup/people';
import { SEED_IDS } from '../../fake-upscope';
import { seedVisitor, useEnglish } from './support';

beforeAll(useEnglish);

// Visitors as the fake API sends them: Sam Lee on an iPhone and on a desktop (same name, same
// email), Lee Gacy, and a visitor known only by a lookup code (no name, no email).
const samPhone = seedVisitor(SEED_IDS.samMobile);
const samDesktop = seedVisitor(SEED_IDS.samDesktopInSession);
const lee = seedVisitor(SEED_IDS.unsupported);
const coded = seedVisitor(SEED_IDS.lookupCode);

const ids = (people: ReturnType<typeof groupByPerson>) =>
  people.map((p) => p.entries.map((e) => e.visitor.short_id));

describe('a list grouped by person', () => {
  it('puts one person’s devices together, people in the order of their best visitor', () => {
    // Ranked best first by the worker: Sam's phone, Lee, the coded visitor, Sam's desktop.
    const entries = entriesOf([samPhone, lee, coded, samDesktop], []);
    const people = groupByPerson(entries);
    expect(ids(people)).toEqual([
      [SEED_IDS.samMobile, SEED_IDS.samDesktopInSession],
      [SEED_IDS.unsupported],
      [SEED_IDS.lookupCode],
    ]);
    expect(people.map((p) => [p.name, p.email])).toEqual([
      ['Sam Lee', 'sam.lee@example.com'],
      ['Lee Gacy', 'legacy.user@example.com'],
      [SEED_IDS.lookupCode, null],
    ]);
    // The list the arrow keys walk is the order on screen.
    expect(entries.map((e) => e.visitor.short_id)).toEqual(ids(people).flat());
  });

  it('tells two people of one name apart by their email', () => {
    const otherSam = seedVisitor(SEED_IDS.samDesktopOffline, {
      short_id: 'SL9OTHER',
      email: 'sam.lee@othermail.example',
      identities: ['Sam Lee', 'sam.lee@othermail.example'],
    });
    const people = groupByPerson(entriesOf([samPhone, otherSam, samDesktop], []));
    expect(ids(people)).toEqual([[SEED_IDS.samMobile, SEED_IDS.samDesktopInSession], ['SL9OTHER']]);
    expect(people.map((p) => p.email)).toEqual([
      'sam.lee@example.com',
      'sam.lee@othermail.example',
    ]);
  });

  it('never joins visitors with neither a name nor an email', () => {
    const alsoCoded = seedVisitor(SEED_IDS.lookupCode, {
      short_id: 'LC8CODE2',
      nickname: 'LC8CODE2',
    });
    expect(ids(groupByPerson(entriesOf([coded, alsoCoded], [])))).toEqual([
      [SEED_IDS.lookupCode],
      ['LC8CODE2'],
    ]);
  });

  it('keeps an order it already made', () => {
    const once = entriesOf([samPhone, lee, samDesktop], []);
    expect(
      entriesOf(
        once.map((e) => e.visitor),
        [],
      ),
    ).toEqual(once);
  });
});
