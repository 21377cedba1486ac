import { describe, expect, it } from 'vitest';
import { isReporterCopy } from './controlCard';

describe('isReporterCopy', () => {
  it('knows the reporter’s copy by a word for the reporter in its label', () => {
    for (const label of ['Lembar 3: Pelapor/penerima', 'Lembar 1: PELAPOR', 'Lembar 3: Penerima', 'Untuk pengadu', 'Lembar 2: Pemohon informasi', 'Lembar 3: Masyarakat']) {
      expect(isReporterCopy(label), label).toBe(true);
    }
  });

  it('leaves the office’s copies alone, words that only look alike included', () => {
    for (const label of ['Lembar 1: Arsip buku agenda', 'Lembar 2: Pengolah', 'Lembar 1: Arsip pengaduan', 'Lembar 1: Bagian penerimaan', 'Lembar 2: Penerima disposisi', 'Lembar 3', 'Arsip laporan']) {
      expect(isReporterCopy(label), label).toBe(false);
    }
  });
});
