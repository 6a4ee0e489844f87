import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storageFamily, storageItem } from '../../../src/background/storage-item';

beforeEach(() => fakeBrowser.reset());

const Entry = z.object({ n: z.number() });

describe('one stored item', () => {
  const item = storageItem('session', 'count', Entry, () => ({ n: 0 }));

  it('reads the fallback when nothing or something unreadable is stored', async () => {
    expect(await item.get()).toEqual({ n: 0 });
    await fakeBrowser.storage.session.set({ count: { n: 'three' } });
    expect(await item.get()).toEqual({ n: 0 });
  });

  it('keeps, reads and removes a value under its key', async () => {
    await item.set({ n: 3 });
    expect(await fakeBrowser.storage.session.get('count')).toEqual({ count: { n: 3 } });
    expect(await item.get()).toEqual({ n: 3 });
    await item.remove();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('reads the fallback when the schema itself throws', async () => {
    const throwing = z.unknown().transform(() => {
      throw new Error('unreadable');
    });
    await fakeBrowser.storage.local.set({ odd: 1 });
    expect(await storageItem('local', 'odd', throwing, () => 'fallback').get()).toBe('fallback');
  });
});

describe('a family of stored values under one prefix', () => {
  const family = storageFamily('session', 'entry:', Entry);

  it('keeps each member under the prefix and its id', async () => {
    await family.set(7, { n: 1 });
    await family.set('b', { n: 2 });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      'entry:7': { n: 1 },
      'entry:b': { n: 2 },
    });
    expect(family.key(7)).toBe('entry:7');
    expect(await family.get(7)).toEqual({ n: 1 });
    expect(await family.get('missing')).toBeNull();
  });

  it('lists, reads and clears only its own members, skipping unreadable ones', async () => {
    await fakeBrowser.storage.session.set({
      'entry:1': { n: 1 },
      'entry:2': { n: 'two' },
      'other:1': { n: 9 },
    });
    expect((await family.ids()).sort()).toEqual(['1', '2']);
    expect(await family.get(2)).toBeNull();
    expect(await family.entries()).toEqual(new Map([['1', { n: 1 }]]));
    await family.clear();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'other:1': { n: 9 } });
  });

  it('removes one member', async () => {
    await family.set(1, { n: 1 });
    await family.set(2, { n: 2 });
    await family.remove(1);
    expect(await family.ids()).toEqual(['2']);
  });
});
