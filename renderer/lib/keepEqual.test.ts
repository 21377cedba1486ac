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

  it('matches rows by their id, so a row added or gone above keeps those below', () => {
    const before = [task(1, 30), task(2, 60), task(3, 90)];
    const added = [task(9, 10), ...(JSON.parse(JSON.stringify(before)) as typeof before)];
    const kept = keepEqual(before, added);
    expect(kept).toEqual(added);
    expect(kept.slice(1)).toEqual(before);
    for (let i = 0; i < 3; i++) expect(kept[i + 1]).toBe(before[i]);
    const gone = keepEqual(before, JSON.parse(JSON.stringify(before.slice(1))) as typeof before);
    expect(gone[0]).toBe(before[1]);
    expect(gone[1]).toBe(before[2]);
    // Rows by their own id too; a list of plain values by place.
    const rows = [{ id: 5, n: 1 }, { id: 6, n: 2 }];
    expect(keepEqual(rows, [{ id: 4, n: 0 }, { id: 5, n: 1 }, { id: 6, n: 2 }])[2]).toBe(rows[1]);
    expect(keepEqual([1, 2, 3], [1, 2, 3])).toEqual([1, 2, 3]);
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
