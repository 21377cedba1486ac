import { describe, expect, it } from 'vitest';
import { nipLine, numberId } from './numbers';

// The pager's counts and the schemas' limits are written without Intl, as
// toLocaleString('id-ID') would write them.
describe('numberId', () => {
  it('group thousands with dots exactly as toLocaleString("id-ID") does', () => {
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10_000, 12_345, 99_999, 100_000, 123_456, 999_999, 1_000_000, 1_234_567, 10_000_000];
    for (let n = 0; n < 300_000; n += 997) samples.push(n);
    for (const n of samples) expect(numberId(n)).toBe(n.toLocaleString('id-ID'));
    expect(numberId(1_234_567)).toBe('1.234.567');
  });
});

describe('nipLine', () => {
  it('groups an 18-digit NIP as letters print it', () => {
    expect(nipLine('197104051993031006')).toBe('NIP 19710405 199303 1 006');
    expect(nipLine('')).toBe('');
    expect(nipLine('1971 0405')).toBe('NIP 19710405');
  });
});
