import { describe, expect, it } from 'vitest';
import { nipSchema, passwordSchema, usernameSchema } from './user';

describe('passwords', () => {
  it('refuses the ones anyone tries first, and takes the rest from 8 characters', () => {
    for (const p of ['12345678', '87654321', '23456789', 'aaaaaaaa', '11111111', 'abcdefgh', 'QWERTYUIOP', 'Password', 'katasandi', 'Bismillah', 'admin123']) {
      const r = passwordSchema.safeParse(p);
      expect(r.success, p).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/^Kata sandi ini mudah ditebak/);
    }
    for (const p of ['kata-sandi-123', 'tanggap123', 'Pegantenan2026', 'sapi makan rumput', '1357924680']) expect(passwordSchema.safeParse(p).success, p).toBe(true);
    expect(passwordSchema.safeParse('a1b2c3').error?.issues[0]?.message).toBe('Kata sandi minimal 8 karakter.');
  });
});

describe('NIP', () => {
  it('takes it as printed, with its spaces, or run together, and keeps the 18 digits', () => {
    expect(nipSchema.parse('19780512 200312 1 004')).toBe('197805122003121004');
    expect(nipSchema.parse(' 197805122003121004 ')).toBe('197805122003121004');
    expect(nipSchema.parse('')).toBe('');
    expect(nipSchema.safeParse('19780512 200312 1 00').error?.issues[0]?.message).toBe('NIP harus 18 angka, contoh 19780512 200312 1 004.');
    expect(nipSchema.safeParse('1978O512 200312 1 004').success).toBe(false);
  });

  it('refuses one whose first eight digits are no date of birth, saying so once', () => {
    for (const nip of ['19951332 202012 2 001', '19780230 200312 1 004', '00000000 200312 1 004']) {
      expect(nipSchema.safeParse(nip).error?.issues.map((i) => i.message), nip).toEqual([
        'Delapan angka pertama NIP adalah tanggal lahir (tahun, bulan, tanggal), tetapi yang diketik bukan tanggal. Periksa lagi NIP-nya, contoh 19780512 200312 1 004.',
      ]);
    }
    expect(nipSchema.safeParse('abc').error?.issues.map((i) => i.message)).toEqual(['NIP harus 18 angka, contoh 19780512 200312 1 004.']);
    expect(nipSchema.parse('19960229 202204 2 001')).toBe('199602292022042001');
  });
});

describe('usernames', () => {
  it('says an empty one is missing, and what a wrong one should be', () => {
    expect(usernameSchema.safeParse('  ').error?.issues.map((i) => i.message)).toEqual(['Nama pengguna wajib diisi.']);
    expect(usernameSchema.safeParse('ab').error?.issues.map((i) => i.message)).toEqual(['Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.']);
    expect(usernameSchema.parse(' Budi.Santoso ')).toBe('budi.santoso');
  });
});
