import { describe, expect, it } from 'vitest';
import { pauseEnd } from '../../../src/options/pause';

const noon = new Date(2025, 5, 2, 12, 3, 0).getTime();

describe('when Upscope’s pause ends, as the settings page says it', () => {
  it('is the local time the pause ends, in the agent’s language', () => {
    const error = { kind: 'rate_limited', message: '', retryAfterMs: 120_000 };
    expect(pauseEnd(error, noon, 'en-US')).toMatch(/^12:05\sPM$/);
    expect(pauseEnd(error, noon, 'de')).toBe('12:05');
  });

  it('names the second when the pause ends within the minute', () => {
    const error = { kind: 'rate_limited', message: '', retryAfterMs: 30_000 };
    expect(pauseEnd(error, noon, 'de')).toBe('12:03:30');
  });

  it('is nothing for another error, or a 429 that gave no time', () => {
    expect(pauseEnd({ kind: 'network', message: '', retryAfterMs: 5_000 }, noon)).toBeNull();
    expect(pauseEnd({ kind: 'rate_limited', message: '', retryAfterMs: null }, noon)).toBeNull();
  });
});
