import { describe, expect, it } from 'vitest';
import { attachmentUploadSchema, cleanFileName, complaintInputSchema } from './complaint';

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

  it('keeps a NIK typed in the groups of the KTP as its 16 digits, and phones as offices write them', () => {
    const reporter = (over: object) => ({ kind: 'pengaduan', channel: 'langsung', category: 'lainnya', subject: 'Jalan rusak', description: 'Jalan rusak sejak Oktober.', reporter: { name: 'Siti', ...over } });
    const parsed = complaintInputSchema.parse(reporter({ nik: '3528 0154 0378 0001', phone: '(0324) 771-0982' }));
    expect(parsed.reporter.nik).toBe('3528015403780001');
    expect(parsed.reporter.phone).toBe('(0324) 771-0982');
    expect(complaintInputSchema.parse(reporter({ nik: '3528.0154.0378.0001' })).reporter.nik).toBe('3528015403780001');
    for (const phone of ['0812-3456-7890', '+62 823 3145 6789', '0324.771.0982']) expect(problems(reporter({ phone }))['reporter.phone']).toBeUndefined();
    for (const phone of ['08123abc456', '((((((((', '12-3']) expect(problems(reporter({ phone }))['reporter.phone']).toMatch(/berisi angka/);
    expect(problems(reporter({ nik: '3528 0154 0378 000' }))['reporter.nik']).toMatch(/16 angka/);
  });

  it('refuses an incident or a letter dated before 1900, and a day the calendar lacks', () => {
    const base = { kind: 'pengaduan', category: 'lainnya', subject: 'Jalan rusak', description: 'Jalan rusak sejak Oktober.', reporter: { name: 'Siti' } };
    expect(problems({ ...base, channel: 'langsung', incidentDate: '0100-01-01' })['incidentDate']).toBe('Tanggal kejadian terlalu lama; tahun paling awal 1900. Periksa tahunnya.');
    expect(problems({ ...base, channel: 'langsung', incidentDate: '2026-02-30' })['incidentDate']).toBe('Tanggal kejadian tidak valid; tulis sebagai HH/BB/TTTT.');
    expect(problems({ ...base, channel: 'langsung', incidentDate: '1998-05-01' })['incidentDate']).toBeUndefined();
    expect(problems({ ...base, channel: 'surat', letterNo: '12/2026', letterDate: '1899-12-31' })['letterDate']).toBe('Tanggal surat terlalu lama; tahun paling awal 1900. Periksa tahunnya.');
  });

  it('does not guess about a reporter that is not there at all', () => {
    const p = problems({});
    expect(p['reporter']).toBeDefined();
    expect(p['reporter.name']).toBeUndefined();
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment and drops control and bidi characters', () => {
    expect(cleanFileName('C:\\Users\\siti\\ktp.jpg')).toBe('ktp.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('foto\u202Egpj.exe')).toBe('fotogpj.exe');
    expect(cleanFileName('surat\u0000\n.pdf')).toBe('surat.pdf');
    expect(cleanFileName('.htaccess')).toBe('htaccess');
    expect(cleanFileName('///')).toBe('berkas');
    expect(attachmentUploadSchema.parse({ fileName: 'a/b/\u2066bukti.png', mime: 'image/png', dataBase64: 'AAAA' }).fileName).toBe('bukti.png');
  });
});
