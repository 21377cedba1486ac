import { describe, expect, it } from 'vitest';
import { serviceStandardSchema } from '../standards/schema';
import { backupSettingsSchema } from './backup';
import { isPngOrJpeg, optionalText, text } from './common';
import { LOGO_NOT_IMAGE, officeProfileSchema } from './office';
import { complaintInputSchema, complaintQuerySchema } from './complaint';
import { dashboardQuerySchema } from '../reports/dashboard';
import { laporQuerySchema, registerExportInputSchema } from '../reports/exports';
import { recapQuerySchema } from '../reports/recap';
import { kioskExitInputSchema, skmKioskInputSchema, skmPeriodQuerySchema, skmSubmitInputSchema } from './skm';
import { actingOfficialInputSchema, deliverInputSchema, signInputSchema } from './documents';
import { disposeInputSchema, followUpInputSchema } from './workflow';
import { contract } from '../contract';

const SAMPLE = {
  kind: 'pengaduan',
  category: 'infrastruktur',
  reporter: { name: 'Siti Aminah', address: 'Dusun Krajan', nik: '', phone: '', email: '', anonymous: false, confidential: false },
  subject: 'Jalan desa rusak',
  description: 'Jalan berlubang sepanjang 300 meter.',
};

describe('free text at the boundary', () => {
  it('drops control characters, zero-width spaces and bidirectional overrides, and keeps the rest', () => {
    const name = text('Nama pelapor');
    expect(name.parse('Budi\u0000\u0007\u001b\u202eTSET\u202c')).toBe('BudiTSET');
    expect(name.parse('\ufeffSiti\u200b Aminah\u2066\u2069')).toBe('Siti Aminah');
    // Lines and tabs stay, CR LF becomes LF; emoji joined by ZWJ stay whole.
    expect(text('Uraian', 2000).parse('Baris satu\r\nbaris\tdua 👨\u200d👩\u200d👧')).toBe('Baris satu\nbaris\tdua 👨\u200d👩\u200d👧');
    expect(optionalText('Catatan').parse('\u0000\u202e')).toBe('');
  });

  it('refuses a required field that held nothing but invisible characters, as an empty one', () => {
    for (const value of ['\u200b', '\u0000', ' \u202e\u202c ', '\ufeff', '\u200e\u200f', '\u200d\u200c', '\u3164', '\u2800\u00ad']) {
      const r = text('Perihal').safeParse(value);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('Perihal wajib diisi.');
    }
  });

  it("applies to a letter's number", () => {
    const parsed = complaintInputSchema.safeParse({ ...SAMPLE, channel: 'surat', letterNo: '140/\u0000\u202e27/2026', letterDate: '2026-11-20' });
    expect(parsed.success && parsed.data.letterNo).toBe('140/27/2026');
  });

  it('applies to the standard and the backup folder too', () => {
    const r = serviceStandardSchema.shape.name.safeParse('\u0000\u202e');
    expect(r.error?.issues[0]?.message).toBe('Nama standar pelayanan wajib diisi.');
    expect(backupSettingsSchema.shape.folder.parse('/media/cadangan\u0000x')).toBe('/media/cadanganx');
  });
});

describe('isPngOrJpeg', () => {
  const url = (type: string, bytes: number[]) => `data:image/${type};base64,${Buffer.from([...bytes, ...Array<number>(40).fill(0)]).toString('base64')}`;
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const JPEG = [0xff, 0xd8, 0xff, 0xe0];

  it('takes a picture whose first bytes are what its type says', () => {
    expect(isPngOrJpeg(url('png', PNG))).toBe(true);
    expect(isPngOrJpeg(url('jpeg', JPEG))).toBe(true);
  });

  it('refuses another file named as a picture, a picture under the other type, and other forms', () => {
    expect(isPngOrJpeg(`data:image/png;base64,${Buffer.from('Ini hanya teks, bukan gambar.').toString('base64')}`)).toBe(false);
    expect(isPngOrJpeg(url('png', JPEG))).toBe(false);
    expect(isPngOrJpeg(url('jpeg', PNG))).toBe(false);
    expect(isPngOrJpeg(url('gif', PNG))).toBe(false);
    expect(isPngOrJpeg('data:image/png;base64,iVBO')).toBe(false);
    expect(isPngOrJpeg(`${url('png', PNG)}"><script>`)).toBe(false);
  });

  it('refuses a logo that is not one, with what to do', () => {
    const text = `data:image/png;base64,${Buffer.from('Ini hanya teks, bukan gambar.').toString('base64')}`;
    expect(officeProfileSchema.shape.logo.safeParse(text).error?.issues[0]?.message).toBe(LOGO_NOT_IMAGE);
    expect(officeProfileSchema.shape.logo.safeParse(url('png', PNG)).success).toBe(true);
  });
});

describe('the office profile', () => {
  it('refuses braces in the unit code, which letter numbers print in place of {unit}', () => {
    expect(officeProfileSchema.shape.unitCode.safeParse('Kec/{tahun}').error?.issues[0]?.message).toBe('Kode unit tidak boleh memuat tanda { atau }; tulis kodenya saja, misalnya Kec-Pgt.');
    expect(officeProfileSchema.shape.unitCode.parse(' Kec-Pgt ')).toBe('Kec-Pgt');
  });
});

// A request made by hand (or by an old screen) gets a message that says what to fix, in
// the office's words, never zod's own ("diharapkan number", a field's code list).
// The first issue, as the core's answer names it: its field and its message.
const first = (schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) => {
  const issue = schema.safeParse(value).error?.issues[0];
  return issue && [issue.path.join('.'), issue.message];
};

describe('messages of the report and register queries', () => {
  it('say which year or month is wrong, and that a month needs its year', () => {
    expect(first(dashboardQuerySchema, { year: 1900 })).toEqual(['year', 'Tahun paling awal 2000.']);
    expect(first(dashboardQuerySchema, { year: 2026.5 })).toEqual(['year', 'Tahun ditulis dengan angka, misalnya 2026.']);
    expect(first(dashboardQuerySchema, { year: 2101 })).toEqual(['year', 'Tahun paling akhir 2100.']);
    expect(first(dashboardQuerySchema, { year: 2026, month: 13 })).toEqual(['month', 'Bulan 1–12.']);
    expect(first(dashboardQuerySchema, { month: 5 })).toEqual(['month', 'Bulan dipilih tanpa tahun: pilih tahunnya juga.']);
    expect(dashboardQuerySchema.parse({})).toEqual({});
    expect(first(recapQuerySchema, {})).toEqual(['year', 'Pilih tahun rekap.']);
    expect(first(recapQuerySchema, { year: 2026, month: '5' })).toEqual(['month', 'Bulan ditulis dengan angka 1–12.']);
    expect(first(skmPeriodQuerySchema, { year: 2026, month: null })).toEqual(['month', 'Bulan ditulis dengan angka 1–12.']);
    expect(first(laporQuerySchema, { year: 2026 })).toEqual(['month', 'Pilih bulan laporan.']);
    expect(first(complaintQuerySchema, { month: 5 })).toEqual(['month', 'Bulan dipilih tanpa tahun: pilih tahunnya juga.']);
    expect(first(registerExportInputSchema, { month: 3, dateOf: 'selesai' })).toEqual(['month', 'Bulan dipilih tanpa tahun: pilih tahunnya juga.']);
    expect(registerExportInputSchema.parse({ year: 2026, month: 3 })).toMatchObject({ year: 2026, month: 3 });
  });

  it("name the register's filters and the month's format instead of listing codes", () => {
    expect(first(complaintQuerySchema, { status: 'bogus' })).toEqual(['status', 'Status tidak dikenal; pilih dari daftar status di register.']);
    expect(first(complaintQuerySchema, { seksi: 'x'.repeat(81) })).toEqual(['seksi', 'Nama seksi paling panjang 80 karakter.']);
    expect(first(complaintQuerySchema, { tanpaSeksi: false })?.[1]).toMatch(/^Saring "Tanpa disposisi"/);
    expect(first(complaintQuerySchema, { langkah: { no: 2, dari: '2026-01', sampai: '2026-02', versi: [] } })).toEqual([
      'langkah.versi',
      'Sebutkan paling sedikit satu versi standar, atau jangan kirim saringan versi.',
    ]);
    expect(first(complaintQuerySchema, { keadaan: 'terlambat', akhirBulan: '1999-12' })).toEqual(['akhirBulan', 'Bulan ditulis TTTT-BB dengan tahun 2000–2100, misalnya 2026-10.']);
    expect(first(complaintQuerySchema, { limit: 500 })).toEqual(['limit', 'Jumlah baris per halaman 1–200.']);
  });

  it('ask for the questionnaire and a password of at most 128 characters by name', () => {
    expect(first(skmKioskInputSchema, { profile: { gender: 'P', education: 's1', age: 30 } })).toEqual(['answers', 'Isi jawaban kuesioner untuk kesembilan unsur (U1–U9).']);
    expect(first(skmSubmitInputSchema, { answers: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 } })).toEqual(['profile', 'Isi data responden: jenis kelamin, pendidikan dan usia.']);
    expect(first(kioskExitInputSchema, { password: 'x'.repeat(129) })).toEqual(['password', 'Kata sandi paling panjang 128 karakter.']);
    expect(first(kioskExitInputSchema, { password: '' })).toEqual(['password', 'Kata sandi wajib diisi.']);
    expect(first(signInputSchema, { id: 1, password: 'x'.repeat(129) })).toEqual(['password', 'Kata sandi paling panjang 128 karakter.']);
  });
});

describe('dates and times typed by hand', () => {
  it('refuse a delivery on a day the calendar does not have, or at an hour that does not exist', () => {
    const deliver = (deliveredAt: unknown) => first(deliverInputSchema, { complaintId: 1, channel: 'langsung', recipient: 'Penerima', deliveredAt });
    const NO_SUCH = 'Tanggal atau jam penyampaian tidak ada di kalender; periksa tanggalnya dan jamnya (00.00–23.59).';
    expect(deliver('2026-11-31T09:00')).toEqual(['deliveredAt', NO_SUCH]);
    expect(deliver('2026-13-45T99:99')).toEqual(['deliveredAt', NO_SUCH]);
    expect(deliver('2026-11-30T24:00')).toEqual(['deliveredAt', NO_SUCH]);
    expect(deliver('')).toEqual(['deliveredAt', 'Isi tanggal dan jam penyampaian.']);
    expect(deliver(undefined)).toEqual(['deliveredAt', 'Isi tanggal dan jam penyampaian.']);
    expect(deliverInputSchema.parse({ complaintId: 1, channel: 'langsung', recipient: 'Penerima', deliveredAt: '2028-02-29T23:59' }).deliveredAt).toBe('2028-02-29T23:59');
  });

  it('refuse a Plt. or Plh. period from a day that does not exist', () => {
    expect(first(actingOfficialInputSchema, { userId: 2, kind: 'plt', from: '2026-02-30', to: '2026-03-05' })).toEqual([
      'from',
      'Mulai tanggal harus tanggal yang ada di kalender (TTTT-BB-HH).',
    ]);
    expect(actingOfficialInputSchema.parse({ userId: 2, kind: 'plh', from: '2026-02-28', to: '2026-03-05' }).from).toBe('2026-02-28');
  });
});

describe('a required text field', () => {
  it('asks for it when absent and for text when given something else', () => {
    const subject = text('Perihal');
    expect(first(subject, undefined)).toEqual(['', 'Perihal wajib diisi.']);
    expect(first(subject, '  ')).toEqual(['', 'Perihal wajib diisi.']);
    expect(first(subject, 123)).toEqual(['', 'Perihal harus berupa teks.']);
    expect(first(subject, 'x'.repeat(201))).toEqual(['', 'Perihal paling panjang 200 karakter.']);
  });
});

describe('reasons and notes that say something, lists without repeats, dates within the office years', () => {
  const JOINERS = '\u200d\u200d\u200d\u200d\u200d';
  it('refuse a reason or a note of invisible characters or joiners around one or two letters', () => {
    const personalData = contract['complaints.personalData'].input;
    expect(first(personalData, { id: 1, reason: '\u200b'.repeat(6) })).toEqual(['reason', 'Alasan membuka data pribadi pelapor wajib diisi.']);
    expect(first(personalData, { id: 1, reason: `${JOINERS}ab` })).toEqual(['reason', 'Tulis alasan membuka data pribadi pelapor (minimal 5 huruf).']);
    expect(personalData.parse({ id: 1, reason: 'Verifikasi identitas pelapor' }).reason).toBe('Verifikasi identitas pelapor');
    expect(first(followUpInputSchema, { id: 1, kind: 'klarifikasi', text: `${JOINERS}ab` })).toEqual(['text', 'Isi catatan minimal 5 huruf.']);
    // Characters, not UTF-16 units: three emoji are three.
    expect(first(followUpInputSchema, { id: 1, kind: 'klarifikasi', text: '👍👍👍' })).toEqual(['text', 'Isi catatan minimal 5 huruf.']);
  });

  it('refuse an instruction given twice, and say which id is out of date', () => {
    expect(first(disposeInputSchema, { id: 1, to: [3], sifat: 'biasa', instructions: ['arsip', 'arsip'] })).toEqual(['instructions', 'Instruksi disposisi tidak boleh ganda.']);
    expect(first(disposeInputSchema, { id: '1', to: [3], sifat: 'biasa', instructions: ['arsip'] })).toEqual(['id', 'Nomor data tidak terbaca; muat ulang halaman, lalu ulangi.']);
    expect(first(disposeInputSchema, { id: -1, to: [3], sifat: 'biasa', instructions: ['arsip'] })).toEqual(['id', 'Nomor data tidak terbaca; muat ulang halaman, lalu ulangi.']);
  });

  it('refuse an acting official outside the years 2000–2100', () => {
    expect(first(actingOfficialInputSchema, { userId: 2, kind: 'plh', from: '1900-01-01', to: '1900-01-02' })).toEqual(['from', 'Mulai tanggal harus dalam tahun 2000–2100.']);
    expect(first(actingOfficialInputSchema, { userId: 2, kind: 'plh', from: '2026-12-30', to: '9999-12-31' })).toEqual(['to', 'Sampai tanggal harus dalam tahun 2000–2100.']);
  });
});
