import { describe, expect, it } from 'vitest';
import { slidingWindow } from './rateLimit';

describe('slidingWindow', () => {
  it('allows max hits per window per key, then again as old hits slide out', () => {
    let t = 0;
    const limit = slidingWindow({ max: 3, windowMs: 60_000 }, () => t);
    expect([1, 2, 3, 4].map(() => limit.allow('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limit.allow('10.0.0.2')).toBe(true);
    t = 59_999;
    expect(limit.allow('10.0.0.1')).toBe(false);
    t = 60_000;
    expect(limit.allow('10.0.0.1')).toBe(true);
  });
});
