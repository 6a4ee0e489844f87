import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../fake-upscope/seed';
import { json, shortIds, useFakeServer } from './harness';

describe('fake Upscope over HTTP: list.json search syntax', () => {
  const h = useFakeServer();
  const search = async (q: string): Promise<string[]> => {
    const res = await h.api(`/list.json?search=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return shortIds(await json(res));
  };
  const sorted = (...ids: string[]): string[] => [...ids].sort();
  const sam = sorted(SEED_IDS.samMobile, SEED_IDS.samDesktopOffline, SEED_IDS.samDesktopInSession);

  it.each([
    ['an email, any case', 'Jane.Doe@Example.com', [SEED_IDS.jane]],
    ['an email in identities only (Upscope shape)', 'tom.baker@example.com', [SEED_IDS.tom]],
    ['an email shared by several devices', 'sam.lee@example.com', sam],
    ['a partial email is not an email match', 'sam.lee@example', []],
    ['plain text on the name', 'garcia', [SEED_IDS.maria]],
    ['plain text on several words', 'Sam Lee', sam],
    ['plain text on unique_id', 'user-1001', [SEED_IDS.jane]],
    ['a short_id', SEED_IDS.priya.toLowerCase(), [SEED_IDS.priya]],
    ['id:<unique_id>', 'id:user-3300', sam],
    ['id: is exact', 'id:user-33', []],
    ['a 4-digit lookup code', '4821', [SEED_IDS.lookupCode]],
    ['an unknown lookup code', '0000', []],
    ['#tag', '#vip', sorted(SEED_IDS.jane, SEED_IDS.integration)],
    ['#tag, any case', '#TRIAL', [SEED_IDS.maria]],
    ['ip:', 'ip:203.0.113.10', [SEED_IDS.jane]],
    ['integration_id:zendesk', 'integration_id:zendesk:3901', [SEED_IDS.integration]],
    ['integration_id:intercom', 'integration_id:intercom:abc', [SEED_IDS.integration]],
    ['integration_id with a wrong id', 'integration_id:zendesk:abc', []],
    ['-online', '-online', sorted(SEED_IDS.tom, SEED_IDS.samDesktopOffline)],
    [
      'terms combine',
      'sam.lee@example.com online',
      sorted(SEED_IDS.samMobile, SEED_IDS.samDesktopInSession),
    ],
    ['nothing matches', 'nobody-at-all', []],
  ])('%s: %s', async (_label, q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it('online returns exactly the online visitors', async () => {
    const online = await search('online');
    expect(online).toHaveLength(9);
    expect(online).not.toContain(SEED_IDS.tom);
  });

  it('no search, or an empty one, lists everyone', async () => {
    expect(await search('')).toHaveLength(11);
    expect(shortIds(await json(await h.api('/list.json')))).toHaveLength(11);
  });

  it('lists one person on several devices newest first, leaving ranking to the client', async () => {
    const body = await json(
      await h.api(`/list.json?search=${encodeURIComponent('sam.lee@example.com')}`),
    );
    const visitors = body.visitors as {
      short_id: string;
      is_online: boolean;
      is_in_session: boolean;
      device_type: string;
    }[];
    expect(visitors.map((v) => v.short_id)).toEqual([
      SEED_IDS.samDesktopInSession,
      SEED_IDS.samMobile,
      SEED_IDS.samDesktopOffline,
    ]);
    expect(visitors.map((v) => [v.device_type, v.is_online, v.is_in_session])).toEqual([
      ['desktop', true, true],
      ['mobile', true, false],
      ['desktop', false, false],
    ]);
  });

  it('finds visitors the test adds at run time', async () => {
    h.fake.upsertVisitor({
      short_id: 'NEW00001',
      email: 'new.person@example.com',
      is_online: true,
      last_seen_at: new Date().toISOString(),
      _integrationIds: { zendesk: '777' },
    });
    expect(await search('integration_id:zendesk:777')).toEqual(['NEW00001']);
    const body = await json(await h.api('/visitors/NEW00001.json'));
    expect(body.visitor).toEqual({
      short_id: 'NEW00001',
      email: 'new.person@example.com',
      is_online: true,
      last_seen_at: expect.any(String),
    });
  });
});
