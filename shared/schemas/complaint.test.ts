import { describe, expect, it } from 'vitest';
import { complaintInputSchema } from './complaint';

const problems = (input: unknown) => {
  const r = complaintInputSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('complaint input', () => {
  it('asks for the reporter name together with the other missing fields on the first save', () => {
    const p = problems({ reporter: { name: '' } });
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['kind', 'channel', 'category', 'subject', 'description', 'reporter.name']));
    expect(p['reporter.name']).toMatch(/Nama pelapor wajib diisi/);
  });

  it('accepts a nameless reporter who asked to stay anonymous', () => {
    expect(problems({ reporter: { name: '', anonymous: true } })['reporter.name']).toBeUndefined();
  });

  it('reports a malformed NIK and the missing name together', () => {
    const p = problems({ reporter: { name: '', nik: '123' } });
    expect(p['reporter.nik']).toMatch(/16 angka/);
    expect(p['reporter.name']).toMatch(/Nama pelapor wajib diisi/);
  });

  it('does not guess about a reporter that is not there at all', () => {
    const p = problems({});
    expect(p['reporter']).toBeDefined();
    expect(p['reporter.name']).toBeUndefined();
  });
});
