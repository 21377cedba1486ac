import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { contract } from '../../shared/contract';
import { checkOutput, OutputMismatch, settled } from './outputCheck';

const listOutput = contract['complaints.list'].output;
const row = {
  id: 7,
  registerNo: '0007/PGD/2026',
  receivedAt: '2026-11-19T03:00:00.000Z',
  kind: 'pengaduan',
  channel: 'langsung',
  category: 'lainnya',
  reporterName: 'Budi',
  subject: 'Jalan rusak',
  status: 'diterima',
  stepRisk: 'aman',
  standardRisk: null,
};

// Each case is also parsed by zod: the check must give zod's answer (value or refusal).
function both(schema: z.ZodType, value: unknown) {
  let zods: unknown;
  let zodRefused = false;
  try {
    zods = schema.parse(value);
  } catch {
    zodRefused = true;
  }
  return { zods, zodRefused, run: () => checkOutput(schema, value) };
}

describe('checkOutput', () => {
  it('lets out only the listed fields, as zod does', () => {
    const value = { rows: [{ ...row, reporterNik: '3514010101010001', reporterPhone: '0812' }], total: 1, years: [2026], sql: 'SELECT' };
    const { zods, run } = both(listOutput, value);
    const out = run() as { rows: Record<string, unknown>[] };
    expect(out).toEqual(zods);
    expect(Object.keys(out)).toEqual(['rows', 'total', 'years']);
    expect(out.rows[0]).not.toHaveProperty('reporterNik');
    expect(out.rows[0]).not.toHaveProperty('reporterPhone');
  });

  it.each([
    ['a missing field', { ...row, subject: undefined }],
    ['a number as text', { ...row, registerNo: 7 }],
    ['a value outside the enum', { ...row, status: 'hilang' }],
    ['a fractional id', { ...row, id: 1.5 }],
    ['id zero', { ...row, id: 0 }],
    ['NaN', { ...row, id: Number.NaN }],
    ['null where not nullable', { ...row, kind: null }],
  ])('refuses %s, as zod does', (_what, bad) => {
    const { zodRefused, run } = both(listOutput, { rows: [bad], total: 1, years: [] });
    expect(zodRefused).toBe(true);
    expect(run).toThrow(OutputMismatch);
  });

  it('keeps an absent optional field absent and a present one present', () => {
    const schema = z.object({ a: z.string(), b: z.number().optional(), c: z.array(z.boolean()).nullable() });
    for (const value of [{ a: 'x', c: null }, { a: 'x', b: 2, c: [true] }, { a: 'x', b: undefined, c: [] }]) {
      const { zods, run } = both(schema, value);
      const out = run();
      expect(out).toEqual(zods);
      expect(Object.keys(out as object)).toEqual(Object.keys(zods as object));
    }
  });

  it('leaves what it does not check itself to zod: formats, trims, defaults, unions', () => {
    const schema = z.object({
      email: z.email(),
      name: z.string().trim(),
      n: z.number().default(3),
      either: z.union([z.string(), z.number()]),
    });
    const { zods, run } = both(schema, { email: 'a@b.id', name: '  Ani  ', either: 4 });
    expect(run()).toEqual(zods);
    expect(run()).toEqual({ email: 'a@b.id', name: 'Ani', n: 3, either: 4 });
    expect(() => checkOutput(schema, { email: 'bukan-surel', name: 'x', either: 1 })).toThrow();
  });

  it('returns new objects and lists, not the handler\'s own', () => {
    const value = { rows: [row], total: 1, years: [2026] };
    const out = checkOutput(listOutput, value) as typeof value;
    expect(out).not.toBe(value);
    expect(out.rows).not.toBe(value.rows);
    expect(out.rows[0]).not.toBe(row);
  });
});

describe('checkOutput of a settled answer', () => {
  it('checks a settled answer once and gives its checked form, frozen, again', () => {
    const value = settled({ rows: [{ ...row, reporterNik: '3514010101010001' }], total: 1, years: [2026] });
    expect(Object.isFrozen(value.rows[0])).toBe(true);
    const out = checkOutput(listOutput, value) as typeof value;
    expect(out.rows[0]).not.toHaveProperty('reporterNik');
    expect(Object.isFrozen(out) && Object.isFrozen(out.rows) && Object.isFrozen(out.rows[0])).toBe(true);
    expect(checkOutput(listOutput, value)).toBe(out);
    // Against another schema it is checked again.
    const other = z.object({ total: z.number() });
    expect(checkOutput(other, value)).toEqual({ total: 1 });
    expect(checkOutput(listOutput, value)).not.toBe(checkOutput(other, value));
  });

  it("checks each element of a settled list once, when a new list holds it again", () => {
    const a = settled({ ...row, id: 1 });
    const b = settled({ ...row, id: 2, reporterNik: '3514010101010001' });
    const first = checkOutput(listOutput, settled({ rows: [a], total: 1, years: [2026] })) as { rows: object[] };
    const again = checkOutput(listOutput, settled({ rows: [b, a], total: 2, years: [2026] })) as { rows: object[] };
    expect(again.rows[1]).toBe(first.rows[0]);
    expect(again.rows[0]).toEqual({ ...row, id: 2 });
    // Not settled: checked afresh.
    expect((checkOutput(listOutput, { rows: [a], total: 1, years: [2026] }) as { rows: object[] }).rows[0]).not.toBe(first.rows[0]);
  });

  it('checks an answer not settled on every call', () => {
    const value = { rows: [row], total: 1, years: [2026] };
    const out = checkOutput(listOutput, value);
    expect(checkOutput(listOutput, value)).not.toBe(out);
    value.total = 1.5;
    expect(() => checkOutput(listOutput, value)).toThrow();
  });
});

describe('checkOutput on the kinds it leaves to zod', () => {
  it.each([
    ['an exact optional given undefined', z.object({ a: z.string().exactOptional() }), { a: undefined }],
    ['an exact optional left out', z.object({ a: z.string().exactOptional() }), {}],
    ['an optional default in a list', z.array(z.number().default(4).optional()), [1, undefined]],
    ['a coerced number', z.object({ n: z.coerce.number() }), { n: '5' }],
  ])('agrees with zod on %s', (_what, schema, value) => {
    const { zods, zodRefused, run } = both(schema, value);
    if (zodRefused) expect(run).toThrow();
    else expect(run()).toEqual(zods);
  });
});
