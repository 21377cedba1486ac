import { describe, expect, it } from 'vitest';
import { keepEqual } from './keepEqual';

const task = (id: number, minutes: number) => ({ complaintId: id, subject: `Perihal ${id}`, remainingMinutes: minutes, disposition: { id, sifat: 'biasa', opened: true }, pause: null });

describe('keepEqual', () => {
  it('gives back the answer before when the new one equals it', () => {
    const before = [task(1, 30), task(2, 60)];
    const after = JSON.parse(JSON.stringify(before)) as typeof before;
    expect(keepEqual(before, after)).toBe(before);
  });

  it('keeps the unchanged rows and nested parts, and takes the changed row', () => {
    const before = { total: 3, rows: [task(1, 30), task(2, 60), task(3, 90)] };
    const after = JSON.parse(JSON.stringify(before)) as typeof before;
    after.rows[1]!.remainingMinutes = 59;
    const kept = keepEqual(before, after);
    expect(kept).not.toBe(before);
    expect(kept).toEqual(after);
    expect(kept.rows[0]).toBe(before.rows[0]);
    expect(kept.rows[2]).toBe(before.rows[2]);
    expect(kept.rows[1]).not.toBe(before.rows[1]);
    // The changed row's unchanged parts are the earlier ones too.
    expect(kept.rows[1]!.disposition).toBe(before.rows[1]!.disposition);
  });

  it('takes the new shape where lengths, keys or kinds differ', () => {
    const before = [task(1, 30), task(2, 60)];
    const longer = [...(JSON.parse(JSON.stringify(before)) as typeof before), task(3, 90)];
    const kept = keepEqual(before, longer);
    expect(kept).toHaveLength(3);
    expect(kept[0]).toBe(before[0]);
    expect(kept[2]).toBe(longer[2]);
    expect(keepEqual(before, before.slice(0, 1))).toEqual([before[0]]);
    expect(keepEqual(before, before.slice(0, 1))).not.toBe(before);

    const extraKey = { ...before[0]!, escalated: true };
    const withExtra = keepEqual(before[0], extraKey);
    expect(withExtra).toEqual(extraKey);
    expect(withExtra).not.toBe(before[0]);
    expect(withExtra.disposition).toBe(before[0]!.disposition);
    const fewerKeys = { complaintId: 1 };
    expect(keepEqual({ complaintId: 1, subject: 'x' }, fewerKeys)).toEqual(fewerKeys);
    expect(keepEqual({ pause: null }, { pause: { since: 'a' } })).toEqual({ pause: { since: 'a' } });
    expect(keepEqual({ pause: { since: 'a' } }, { pause: null })).toEqual({ pause: null });
    expect(keepEqual([1, 2], { 0: 1, 1: 2 })).toEqual({ 0: 1, 1: 2 });
    expect(keepEqual(undefined, [task(1, 30)])).toEqual([task(1, 30)]);
  });

  it('keeps no object that is not plain data', () => {
    const before = { at: new Date(0) };
    const after = { at: new Date(0) };
    expect(keepEqual(before, after).at).toBe(after.at);
  });
});
