import { describe, expect, it } from 'vitest';
import { VisitorSchema, type Visitor } from '../../../src/api';
import { rankVisitors } from '../../../src/background/ranking';
import { seedVisitors, SEED_IDS } from '../../fake-upscope';
import { serialiseVisitor } from '../../fake-upscope/visitors';

// Sam Lee's three devices as the fake API sends them (an iPhone online, a desktop in a session,
// a desktop last seen a day ago), read through the client's own schema.
const NOW = new Date('2025-06-02T12:00:00Z');
const SAM = [SEED_IDS.samMobile, SEED_IDS.samDesktopInSession, SEED_IDS.samDesktopOffline];

function samDevices(patch: Record<string, Partial<Visitor>> = {}): Visitor[] {
  return seedVisitors(NOW)
    .filter((record) => SAM.includes(record.short_id as (typeof SAM)[number]))
    .map((record) =>
      VisitorSchema.parse({
        ...(serialiseVisitor(record, false) as object),
        ...patch[record.short_id],
      }),
    );
}

describe('rankVisitors: who ties at the top', () => {
  it('counts only the visitors as available as the best one: two of three', () => {
    // The desktop's session ended: it is online like the iPhone, and only recency tells them apart.
    const ranking = rankVisitors(
      samDevices({ [SEED_IDS.samDesktopInSession]: { is_in_session: false } }),
      { kind: 'email' },
    );
    expect(ranking.visitors.map((v) => v.short_id)).toEqual([
      SEED_IDS.samDesktopInSession, // seen 3 s ago
      SEED_IDS.samMobile, // seen 40 s ago
      SEED_IDS.samDesktopOffline,
    ]);
    expect(ranking.ambiguous).toBe(true);
    expect(ranking.tied).toBe(2);
  });

  it('counts all of them when all are equally available', () => {
    const ranking = rankVisitors(
      samDevices({
        [SEED_IDS.samDesktopInSession]: { is_in_session: false },
        [SEED_IDS.samDesktopOffline]: { is_online: true },
      }),
      { kind: 'email' },
    );
    expect(ranking.ambiguous).toBe(true);
    expect(ranking.tied).toBe(3);
  });

  it('no tie when the best one is plainly better (one online, one in a session, one offline)', () => {
    const ranking = rankVisitors(samDevices(), { kind: 'email' });
    expect(ranking.visitors[0]!.short_id).toBe(SEED_IDS.samMobile);
    expect(ranking.ambiguous).toBe(false);
    expect(ranking.tied).toBe(0);
  });

  it('offline visitors never tie: the most recently seen is simply the best guess', () => {
    const ranking = rankVisitors(
      samDevices({
        [SEED_IDS.samMobile]: { is_online: false },
        [SEED_IDS.samDesktopInSession]: { is_online: false, is_in_session: false },
      }),
      { kind: 'email' },
    );
    expect(ranking.ambiguous).toBe(false);
    expect(ranking.tied).toBe(0);
  });
});

describe('rankVisitors: order among equally available visitors', () => {
  it('one never seen (no last_seen_at) comes after one seen, whichever came first', () => {
    const [mobile, desktop] = samDevices({
      [SEED_IDS.samDesktopInSession]: { is_in_session: false, last_seen_at: null },
    }).filter((v) => v.short_id !== SEED_IDS.samDesktopOffline);
    for (const order of [
      [mobile!, desktop!],
      [desktop!, mobile!],
    ]) {
      const ranking = rankVisitors(order, { kind: 'email' });
      expect(ranking.visitors.map((v) => v.short_id)).toEqual([
        SEED_IDS.samMobile,
        SEED_IDS.samDesktopInSession,
      ]);
      expect(ranking.tied).toBe(2);
    }
  });

  it('a browser co-browsing does not support comes after one it does, and does not tie with it', () => {
    const visitors = samDevices({
      // The desktop is seen more recently, but its browser cannot be co-browsed.
      [SEED_IDS.samDesktopInSession]: { is_in_session: false, is_supported: false },
    });
    const ranking = rankVisitors(visitors, { kind: 'email' });
    expect(ranking.visitors.map((v) => v.short_id)).toEqual([
      SEED_IDS.samMobile,
      SEED_IDS.samDesktopInSession,
      SEED_IDS.samDesktopOffline,
    ]);
    expect(ranking.ambiguous).toBe(false);
  });

  it('a browser whose support is not said counts as supported', () => {
    const ranking = rankVisitors(
      samDevices({
        [SEED_IDS.samDesktopInSession]: { is_in_session: false, is_supported: null },
      }),
      { kind: 'email' },
    );
    expect(ranking.visitors[0]!.short_id).toBe(SEED_IDS.samDesktopInSession);
    expect(ranking.tied).toBe(2);
  });

  it('nobody found: nothing to rank, no tie', () => {
    expect(rankVisitors([], { kind: 'email' })).toEqual({
      visitors: [],
      candidates: [],
      ambiguous: false,
      tied: 0,
    });
  });
});
