import { describe, expect, it } from 'vitest';
import { ODD_IDS, oddVisitors } from '../../fake-upscope/odd';
import { SEED_IDS } from '../../fake-upscope/seed';
import { json, useFakeServer } from './harness';

type Wire = Record<string, unknown>;

describe('fake Upscope over HTTP: odd shapes a real server may send', () => {
  const h = useFakeServer();
  const addOdd = () => oddVisitors(new Date()).forEach((v) => h.fake.upsertVisitor(v));

  it('sends the odd fields of the list verbatim and keeps the records sane', async () => {
    addOdd();
    const body = await json(await h.api('/list.json?search=oddity'));
    const visitors = body.visitors as Wire[];
    expect(visitors).toHaveLength(7);
    const byName = (name: string) => visitors.find((v) => v.name === `Oddity ${name}`);
    expect(byName('Identities')?.identities).toBe('odd.identity@example.com');
    expect(byName('Country')?.location_country).toBe(840);
    expect(byName('Numeric Id')?.short_id).toBe(4711);
    expect(byName('Strings')).toMatchObject({ is_online: 'true', unique_id: 90210, tags: '#odd' });
    expect(byName('Bad Id')?.short_id).toBe('odd id/../usage');
    expect(byName('No Id')).not.toHaveProperty('short_id');
    // The list never carries history, odd or not; nor the fake's bookkeeping.
    expect(byName('Sessions')).not.toHaveProperty('history');
    expect(visitors.every((v) => !('_sendAs' in v))).toBe(true);
    expect(h.fake.getVisitor(ODD_IDS.numericShortId)?.short_id).toBe('4711');
    expect(h.fake.getVisitor(ODD_IDS.identitiesString)?.identities).toEqual([
      'odd.identity@example.com',
    ]);
  });

  it('serves a visitor by the path of its numeric short_id, odd history only when asked', async () => {
    addOdd();
    const plain = await json(await h.api(`/visitors/${ODD_IDS.numericShortId}.json`));
    expect((plain.visitor as Wire).short_id).toBe(4711);

    const bare = (await json(await h.api(`/visitors/${ODD_IDS.oddSessions}.json`))).visitor as Wire;
    expect(bare).not.toHaveProperty('history');
    expect((bare.sessions as unknown[])[0]).toBe('not a session');
    const full = (
      await json(await h.api(`/visitors/${ODD_IDS.oddSessions}.json?with_history=true`))
    ).visitor as Wire;
    expect((full.history as unknown[])[0]).toBe('not a pageview');
  });

  it('can write usage counters as strings, until reset', async () => {
    const numbers = (await json(await h.api('/usage.json'))).usage as Record<string, Wire>;
    h.fake.setUsageCounters('string');
    const strings = (await json(await h.api('/usage.json'))).usage as Record<string, Wire>;
    expect(strings.visitors?.online_now).toBe(String(numbers.visitors?.online_now));
    expect(strings.session_counts?.now).toBe('2');
    for (const group of Object.values(strings)) {
      for (const value of Object.values(group)) expect(typeof value).toBe('string');
    }
    h.fake.reset();
    const again = (await json(await h.api('/usage.json'))).usage as Record<string, Wire>;
    expect(again.session_counts?.now).toBe(2);
    expect(() => h.fake.setUsageCounters('text' as 'string')).toThrow();
  });

  it('leaves the default seed as documented', async () => {
    const body = await json(await h.api(`/visitors/${SEED_IDS.jane}.json`));
    expect((body.visitor as Wire).short_id).toBe(SEED_IDS.jane);
    expect(Array.isArray((body.visitor as Wire).identities)).toBe(true);
  });
});

describe('fake Upscope over HTTP: string counters from the start', () => {
  const h = useFakeServer({ usageCounters: 'string' });

  it('keeps writing strings after a reset', async () => {
    const usage = (await json(await h.api('/usage.json'))).usage as Record<string, Wire>;
    expect(usage.session_counts?.now).toBe('2');
  });
});
