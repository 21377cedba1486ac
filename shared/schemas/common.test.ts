import { describe, expect, it } from 'vitest';
import { serviceStandardSchema } from '../standards/schema';
import { backupSettingsSchema } from './backup';
import { optionalText, text } from './common';
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
    expect(r.error?.issues[0]?.message).toBe('Nama standar pelayanan tidak boleh kosong.');
    expect(backupSettingsSchema.shape.folder.parse('/media/cadangan\u0000x')).toBe('/media/cadanganx');
  });
});
