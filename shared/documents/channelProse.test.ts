import { describe, expect, it } from 'vitest';
import { channelProse, fillTemplate } from './channelProse';

describe('a template filled', () => {
  it('puts the channel phrase in place of "melalui {kanal}", keeps a capital, and fills a value only once', () => {
    const values: Record<string, string> = {
      kanal: channelProse('surat', { letterNo: '140/{uraian}/2026', letterDate: '20 November 2026' }),
      uraian: 'RAHASIA',
      perihal: 'Jalan rusak',
    };
    const filled = fillTemplate('Pengaduan melalui {kanal} perihal {perihal}. Melalui {kanal}. {tidak_dikenal}', (n) => values[n]);
    expect(filled).toBe(
      'Pengaduan melalui surat nomor 140/{uraian}/2026 tanggal 20 November 2026 perihal Jalan rusak. Melalui surat nomor 140/{uraian}/2026 tanggal 20 November 2026. {tidak_dikenal}',
    );
    expect(fillTemplate('Diterima {kanal}.', () => 'secara langsung di loket pelayanan')).toBe('Diterima secara langsung di loket pelayanan.');
  });
});
