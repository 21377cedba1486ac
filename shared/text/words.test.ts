import { describe, expect, it } from 'vitest';
import { inSentence, listWords } from './words';

describe('listWords', () => {
  it('joins the words once each, the last with the conjunction', () => {
    expect(listWords([], 'dan')).toBe('');
    expect(listWords(['Agus'], 'dan')).toBe('Agus');
    expect(listWords(['Agus', 'Sri', 'Agus'], 'dan')).toBe('Agus dan Sri');
    expect(listWords(['mendisposisikan', 'mengambil alih', 'menyelesaikan'], 'atau')).toBe('mendisposisikan, mengambil alih atau menyelesaikan');
  });
});

describe('inSentence', () => {
  it('puts a plain first word in lower case inside a sentence', () => {
    expect(inSentence('Atap ruang kelas SD di Desa Pasanggar bocor')).toBe('atap ruang kelas SD di Desa Pasanggar bocor');
    expect(inSentence('Banjir')).toBe('banjir');
  });

  it('keeps what may be a name or a term as typed', () => {
    for (const subject of ['KTP elektronik belum jadi', 'Dusun Krajan banjir', 'Pak Kades tidak di kantor', 'Jl. Raya Krajan rusak', 'jalan desa rusak', 'E-KTP hilang']) {
      expect(inSentence(subject)).toBe(subject);
    }
  });
});
