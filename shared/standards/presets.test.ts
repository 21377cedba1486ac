import { describe, expect, it } from 'vitest';
import { officeDraftSchema, officeProfileSchema } from '../schemas/office';
import { BLANK_OFFICE, blankStandard, OFFICE_PRESETS, type PresetId } from './presets';
import { serviceStandardSchema, STAGES, validateStandard, type ServiceStandard, type Step } from './schema';
import { EXECUTORS } from '../domain';

const preset = (id: PresetId) => {
  const p = OFFICE_PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};
const standard = (id: PresetId) => preset(id).standard;
const stepOf = (s: ServiceStandard, no: number): Step => {
  const st = s.steps[no - 1];
  if (!st) throw new Error(`no step ${no}`);
  return st;
};
// A deep copy to break on purpose.
const copy = (s: ServiceStandard): ServiceStandard => structuredClone(s);
const fieldsOf = (input: unknown) => validateStandard(input).map((p) => p.field);

describe('the five presets', () => {
  it('lists the five seeds once each', () => {
    expect(OFFICE_PRESETS.map((p) => p.id)).toEqual(['kejayan', 'pegantenan', 'bkpsdm_pasuruan', 'wonoasih', 'waru']);
  });

  it.each(OFFICE_PRESETS.map((p) => [p.id, p] as const))('%s: standard and office profile are valid', (_id, p) => {
    expect(serviceStandardSchema.safeParse(p.standard).success).toBe(true);
    expect(serviceStandardSchema.parse(p.standard)).toEqual(p.standard); // already in parsed form
    expect(validateStandard(p.standard)).toEqual([]);
    const office = officeProfileSchema.safeParse({ ...p.office, logo: '' });
    expect(office.success, JSON.stringify(office.error?.issues)).toBe(true);
    expect(p.standard.code).toBe(p.id);
    expect(p.standard.fee).toBe('Tidak dipungut biaya');
    expect(p.standard.steps[0]!.stage).toBe('diterima');
    expect(p.standard.steps.map((s) => s.no)).toEqual(p.standard.steps.map((_, i) => i + 1));
    for (const s of p.standard.steps) {
      expect(STAGES).toContain(s.stage);
      expect(EXECUTORS).toContain(s.executor);
      expect(s.activity.length).toBeGreaterThan(5);
    }
    expect(p.standard.autoWithdrawHariKerja).toBe(10);
  });

  it('keeps offices in their time zones and levels', () => {
    expect(OFFICE_PRESETS.map((p) => [p.id, p.office.timeZone, p.office.level])).toEqual([
      ['kejayan', 'Asia/Jakarta', 'kecamatan'],
      ['pegantenan', 'Asia/Jakarta', 'kecamatan'],
      ['bkpsdm_pasuruan', 'Asia/Jakarta', 'unit_lain'],
      ['wonoasih', 'Asia/Jakarta', 'kecamatan'],
      ['waru', 'Asia/Makassar', 'kecamatan'],
    ]);
    expect(preset('wonoasih').office).toMatchObject({ regionType: 'kota', region: 'Probolinggo' });
    expect(preset('kejayan').office.kopLines).toEqual(['PEMERINTAH KABUPATEN PASURUAN', 'KECAMATAN KEJAYAN']);
  });

  it('Kejayan: SK number, calendar days, Kasi escalates to the Camat', () => {
    const s = standard('kejayan');
    expect(s.skNumber).toBe('060/ 643 / 424.306/2023');
    expect(s.total).toEqual({ amount: 3, unit: 'hari_kalender' });
    expect(s.steps.map((x) => [x.executor, x.duration.amount, x.duration.unit])).toEqual([
      ['staf', 15, 'menit_kerja'],
      ['staf', 30, 'menit_kerja'],
      ['kasi', 1, 'hari_kalender'],
      ['camat', 1, 'hari_kalender'],
      ['staf', 1, 'jam_kerja'],
      ['staf', 1, 'jam_kerja'],
    ]);
    expect(stepOf(s, 3)).toMatchObject({ executor: 'kasi', escalateTo: 'camat' });
    expect(s.steps.filter((x) => x.escalateTo !== undefined)).toHaveLength(1);
    expect(stepOf(s, 3).note).toMatch(/hari kalender/);
  });

  it('Pegantenan: 12 steps with their executors, kelengkapan and Sekcam/Kasi at step 8', () => {
    const s = standard('pegantenan');
    expect(s.steps).toHaveLength(12);
    expect(s.total).toEqual({ amount: 12, unit: 'hari_kerja' });
    expect(s.steps.map((x) => x.executor)).toEqual(['staf', 'sekcam', 'staf', 'camat', 'kasi', 'kasi', 'staf', 'sekcam', 'staf', 'camat', 'staf', 'staf']);
    expect(s.steps.map((x) => `${x.duration.amount} ${x.duration.unit}`)).toEqual([
      '15 menit_kerja',
      '3 hari_kerja',
      '15 menit_kerja',
      '2 hari_kerja',
      '2 hari_kerja',
      '15 menit_kerja',
      '15 menit_kerja',
      '2 hari_kerja',
      '15 menit_kerja',
      '2 hari_kerja',
      '15 menit_kerja',
      '15 menit_kerja',
    ]);
    expect(stepOf(s, 8)).toMatchObject({ executor: 'sekcam', alternates: ['kasi'], stage: 'paraf', output: 'Paraf pada surat tanggapan' });
    expect(stepOf(s, 2).kelengkapan).toEqual(['lembar disposisi', 'bolpoin', 'Kertas', 'Buku agenda', 'surat masuk']);
    expect(stepOf(s, 12).kelengkapan).toEqual(['Tanda Terima Pengiriman']);
    expect(stepOf(s, 10)).toMatchObject({ stage: 'penandatanganan', executor: 'camat' });
    expect(s.kelengkapanChecklist.some((k) => /KTP/.test(k))).toBe(true);
    // The days alone (3+2+2+2+2) fit within 12 hari kerja.
    const days = s.steps.filter((x) => x.duration.unit === 'hari_kerja').reduce((t, x) => t + x.duration.amount, 0);
    expect(days).toBe(11);
  });

  it('BKPSDM: 3 hari kerja, SP4N-LAPOR! channels, the head acts in the Camat role', () => {
    const s = standard('bkpsdm_pasuruan');
    expect(s.total).toEqual({ amount: 3, unit: 'hari_kerja' });
    expect(s.channels.join(' ')).toMatch(/SP4N-LAPOR!/);
    expect(s.channels.join(' ')).toMatch(/lapor\.go\.id/);
    const head = s.steps.find((x) => x.executor === 'camat');
    expect(head).toMatchObject({ stage: 'disposisi', alternates: ['sekcam'] });
    expect(head!.note).toMatch(/peran Camat/);
    expect(preset('bkpsdm_pasuruan').office).toMatchObject({ level: 'unit_lain', headTitle: 'Kepala BKPSDM Kabupaten Pasuruan' });
  });

  it('Wonoasih: 7 steps within 1 hari kerja, counted from the complete file', () => {
    const s = standard('wonoasih');
    expect(s.clockStartsWhen).toBe('berkas_lengkap');
    expect(s.total).toEqual({ amount: 1, unit: 'hari_kerja' });
    expect(s.steps).toHaveLength(7);
    expect(s.steps.map((x) => x.executor)).toEqual(['staf', 'staf', 'staf', 'staf', 'kasi', 'camat', 'staf']);
    // All in working minutes, within one working day of 7.5 hours.
    expect(s.steps.every((x) => x.duration.unit === 'menit_kerja')).toBe(true);
    expect(s.steps.reduce((t, x) => t + x.duration.amount, 0)).toBeLessThanOrEqual(450);
    expect(s.steps.some((x) => x.stage === 'verifikasi')).toBe(true);
  });

  it('Waru: 245 menit kerja, konsultasi, berita acara, WITA', () => {
    const s = standard('waru');
    expect(s.total).toEqual({ amount: 245, unit: 'menit_kerja' });
    expect(s.steps.map((x) => x.duration.amount)).toEqual([5, 20, 60, 120, 15, 15, 10]);
    expect(s.steps.every((x) => x.duration.unit === 'menit_kerja')).toBe(true);
    expect(s.steps.reduce((t, x) => t + x.duration.amount, 0)).toBe(245);
    expect(s.steps.map((x) => x.executor)).toEqual(['staf', 'tim_pengelola', 'kasi', 'tim_pengelola', 'kasi', 'camat', 'staf']);
    expect(s.complaintKinds).toContain('konsultasi');
    expect(s.resolutionRecord).toBe(true);
    expect(preset('waru').office.timeZone).toBe('Asia/Makassar');
    expect(OFFICE_PRESETS.filter((p) => p.standard.resolutionRecord).map((p) => p.id)).toEqual(['waru']);
    expect(OFFICE_PRESETS.filter((p) => p.standard.complaintKinds.includes('konsultasi')).map((p) => p.id)).toEqual(['waru']);
  });
});

describe('blank starting point', () => {
  it('the blank standard is a valid generic 6-step, 3 hari kerja standard', () => {
    expect(validateStandard(blankStandard())).toEqual([]);
    expect(blankStandard().steps).toHaveLength(6);
    expect(blankStandard().total).toEqual({ amount: 3, unit: 'hari_kerja' });
    expect(blankStandard().office).toBe('');
  });

  it('BLANK_OFFICE is an empty draft that the full profile schema still refuses', () => {
    expect(officeDraftSchema.safeParse({ ...BLANK_OFFICE, logo: '' }).success).toBe(true);
    expect(officeProfileSchema.safeParse({ ...BLANK_OFFICE, logo: '' }).success).toBe(false);
    expect(BLANK_OFFICE).toMatchObject({ level: 'kecamatan', regionType: 'kabupaten', timeZone: 'Asia/Jakarta', phone: '', email: '' });
  });
});

describe('validateStandard', () => {
  it('points at a gap in the numbering', () => {
    const s = copy(standard('waru'));
    s.steps = s.steps.map((x, i) => (i >= 2 ? { ...x, no: x.no + 1 } : x)); // 1, 2, 4, 5, …
    expect(validateStandard(s)).toEqual([{ field: 'steps.2.no', message: 'Langkah harus bernomor urut mulai 1.' }]);
    const zero = copy(standard('waru'));
    zero.steps[0]!.no = 0;
    expect(validateStandard(zero)).toContainEqual({ field: 'steps.0.no', message: 'Langkah harus bernomor urut mulai 1.' });
  });

  it('refuses a negative or fractional duration at its field', () => {
    const s = copy(standard('kejayan'));
    s.steps[2]!.duration.amount = -1;
    expect(validateStandard(s)).toEqual([{ field: 'steps.2.duration.amount', message: 'Lama waktu harus lebih dari 0.' }]);
    s.steps[2]!.duration.amount = 1.5;
    expect(validateStandard(s)).toEqual([{ field: 'steps.2.duration.amount', message: 'Lama waktu harus bilangan bulat.' }]);
    const t = copy(standard('kejayan'));
    (t.total as { unit: string }).unit = 'minggu';
    expect(validateStandard(t)).toEqual([{ field: 'total.unit', message: expect.stringMatching(/^Pilih satuan waktu/) }]);
  });

  it('refuses an unknown executor, alternate or escalation', () => {
    const s = copy(standard('pegantenan'));
    (s.steps[4] as { executor: string }).executor = 'lurah';
    (s.steps[7]!.alternates as string[]).push('bupati');
    expect(validateStandard(s)).toEqual([
      { field: 'steps.4.executor', message: expect.stringMatching(/^Pelaksana langkah: pilih Staf, Kasi, Sekcam, Camat atau Tim Pengelola\.$/) },
      { field: 'steps.7.alternates.1', message: expect.stringMatching(/^Pelaksana pengganti: pilih/) },
    ]);
    const e = copy(standard('kejayan'));
    (e.steps[2] as { escalateTo: string }).escalateTo = 'gubernur';
    expect(fieldsOf(e)).toEqual(['steps.2.escalateTo']);
  });

  it('applies the refinements with Indonesian messages', () => {
    const esc = copy(standard('kejayan'));
    esc.steps[2]!.escalateTo = 'kasi';
    expect(validateStandard(esc)).toEqual([{ field: 'steps.2.escalateTo', message: 'Eskalasi langkah 3 harus ke pelaksana lain.' }]);

    const first = copy(standard('waru'));
    first.steps[0]!.stage = 'verifikasi';
    expect(validateStandard(first)).toEqual([{ field: 'steps.0.stage', message: 'Langkah pertama harus tahap penerimaan pengaduan.' }]);

    const alt = copy(standard('pegantenan'));
    alt.steps[7]!.alternates = ['sekcam'];
    expect(fieldsOf(alt)).toEqual(['steps.7.alternates']);

    const disp = copy(standard('pegantenan'));
    disp.steps[3]!.executor = 'kasi';
    expect(validateStandard(disp)).toEqual([{ field: 'steps.3.executor', message: 'Disposisi (langkah 4) diberikan kepada Kasi, bukan oleh Kasi.' }]);

    const clock = copy(standard('waru'));
    clock.clockStartsWhen = 'berkas_lengkap';
    clock.steps[1]!.stage = 'tindak_lanjut';
    expect(fieldsOf(clock)).toEqual(['clockStartsWhen']);

    const none = copy(standard('waru'));
    none.steps = [];
    expect(validateStandard(none)).toEqual([{ field: 'steps', message: 'Standar pelayanan harus memiliki minimal satu langkah.' }]);

    const kinds = copy(standard('waru'));
    kinds.complaintKinds = [];
    expect(validateStandard(kinds)).toEqual([{ field: 'complaintKinds', message: 'Pilih minimal satu jenis pengaduan yang dilayani.' }]);

    expect(validateStandard(null)).toEqual([{ field: '', message: expect.stringMatching(/^Standar pelayanan tidak terbaca/) }]);
    expect(validateStandard({})[0]!.message).toMatch(/wajib diisi/);
  });

  it('fills the defaults of a minimal standard', () => {
    const minimal = {
      code: 'x',
      name: 'Penanganan Pengaduan',
      requirements: [],
      kelengkapanChecklist: [],
      channels: [],
      procedure: [],
      steps: [{ no: 1, activity: 'Menerima pengaduan', stage: 'diterima', executor: 'staf', duration: { amount: 15, unit: 'menit_kerja' } }],
      total: { amount: 1, unit: 'hari_kerja' },
      complaintKinds: ['pengaduan'],
    };
    expect(validateStandard(minimal)).toEqual([]);
    expect(serviceStandardSchema.parse(minimal)).toMatchObject({
      autoWithdrawHariKerja: 10,
      clockStartsWhen: 'diterima',
      resolutionRecord: false,
      fee: 'Tidak dipungut biaya',
      steps: [{ alternates: [], kelengkapan: [], output: '', note: '' }],
    });
  });

  it('warns at total when steps in the same unit add up to more than the total', () => {
    const s = copy(standard('waru'));
    s.steps[3]!.duration.amount = 130; // 255 > 245
    expect(validateStandard(s)).toEqual([{ field: 'total', message: expect.stringMatching(/^Jumlah waktu semua langkah \(255 menit kerja\) melebihi waktu penyelesaian standar \(245 menit kerja\)\./) }]);
    // Hours count as 60 working minutes.
    s.steps[3]!.duration = { amount: 2, unit: 'jam_kerja' };
    expect(validateStandard(s)).toEqual([]);
    s.steps[3]!.duration = { amount: 3, unit: 'jam_kerja' };
    expect(fieldsOf(s)).toEqual(['total']);
    // Same unit in days.
    const d = copy(standard('pegantenan'));
    d.steps = d.steps.map((x) => ({ ...x, duration: { amount: 2, unit: 'hari_kerja' } })); // 24 > 12
    expect(fieldsOf(d)).toEqual(['total']);
    // Mixed units (days and minutes): the days alone may not exceed the days of the total;
    // the minutes beside them are not turned into days.
    const mixed = copy(standard('pegantenan'));
    expect(validateStandard(mixed)).toEqual([]);
    mixed.steps[1]!.duration.amount = 30; // 3 → 30: 38 days of steps against 12
    expect(validateStandard(mixed)).toEqual([
      { field: 'total', message: expect.stringMatching(/^Jumlah waktu langkah yang dihitung dalam hari kerja \(38 hari kerja\) melebihi waktu penyelesaian standar \(12 hari kerja\)\./) },
    ]);
    mixed.steps[1]!.duration.amount = 4; // 12 days of steps and some minutes: not compared
    expect(validateStandard(mixed)).toEqual([]);
    // Working days against calendar days are not compared either.
    const k = copy(standard('kejayan'));
    k.total = { amount: 1, unit: 'hari_kerja' };
    expect(validateStandard(k)).toEqual([]);
  });
});
