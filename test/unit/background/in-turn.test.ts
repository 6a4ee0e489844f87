import { describe, expect, it } from 'vitest';
import { inTurn } from '../../../src/background/in-turn';

const later = <T>(value: T, ms: number) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('inTurn: jobs for one tab run one after another, in the order asked', () => {
  it('a later job starts only when the one before it has finished, and sees what it did', async () => {
    const oneAtATime = inTurn<number>();
    const log: string[] = [];
    let state = 'old';
    const first = oneAtATime(1, async () => {
      log.push('first starts');
      state = await later('new', 30);
      log.push('first ends');
      return 1;
    });
    const second = oneAtATime(1, async () => {
      log.push(`second starts and reads ${state}`);
      return 2;
    });
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first starts', 'first ends', 'second starts and reads new']);
  });

  it('a failed job is its caller’s failure only: the next one still runs', async () => {
    const oneAtATime = inTurn<number>();
    const failed = oneAtATime(1, async () => {
      throw new Error('Upscope is down');
    });
    const next = oneAtATime(1, async () => 'ran');
    await expect(failed).rejects.toThrow('Upscope is down');
    expect(await next).toBe('ran');
  });

  it('different tabs do not wait for each other', async () => {
    const oneAtATime = inTurn<number>();
    const log: number[] = [];
    const slow = oneAtATime(1, async () => {
      await later(null, 40);
      log.push(1);
    });
    const quick = oneAtATime(2, async () => {
      log.push(2);
    });
    await Promise.all([slow, quick]);
    expect(log).toEqual([2, 1]);
  });

  it('a job asked after an earlier one finished still waits for the one queued behind it', async () => {
    const oneAtATime = inTurn<number>();
    const log: string[] = [];
    const first = oneAtATime(1, async () => {
      await later(null, 10);
      log.push('first ends');
    });
    const second = oneAtATime(1, async () => {
      log.push('second starts');
      await later(null, 40);
      log.push('second ends');
    });
    await first;
    // Let the first job's bookkeeping run before the third is asked for.
    await later(null, 5);
    const third = oneAtATime(1, async () => {
      log.push('third starts');
    });
    await Promise.all([second, third]);
    expect(log).toEqual(['first ends', 'second starts', 'second ends', 'third starts']);
  });
});
