import { describe, expect, it } from 'vitest';
import { serviceStandardSchema } from '../standards/schema';
import { backupSettingsSchema } from './backup';
import { isPngOrJpeg, optionalText, text } from './common';
import { LOGO_NOT_IMAGE, officeProfileSchema } from './office';
import { complaintInputSchema } from './complaint';

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
