import { describe, expect, it } from 'vitest';
import { letterStandIn, RECORD_STAND_IN, standInOf } from './standIn';

describe('standInOf', () => {
  it('finds the sentence a draft gets when nothing was noted, as a paragraph of its own', () => {
    expect(letterStandIn('permintaan_informasi')).toBe('Permintaan informasi Saudara telah kami tindak lanjuti.');
    expect(standInOf(['Menindaklanjuti …, dengan hormat kami sampaikan informasi sebagai berikut:', ' Permintaan informasi Saudara telah kami tindak lanjuti. ', 'Demikian …'])).toBe(
      'Permintaan informasi Saudara telah kami tindak lanjuti.',
    );
    expect(standInOf([RECORD_STAND_IN])).toBe(RECORD_STAND_IN);
  });

  it('says nothing once the drafter wrote in its place or around it', () => {
    expect(standInOf(['Menindaklanjuti …', 'Jalan sudah ditambal oleh desa pada 3 Desember 2026.', 'Demikian …'])).toBeNull();
    expect(standInOf(['Pengaduan Saudara telah kami tindak lanjuti. Jalan sudah ditambal oleh desa.'])).toBeNull();
    expect(standInOf([])).toBeNull();
  });
});
