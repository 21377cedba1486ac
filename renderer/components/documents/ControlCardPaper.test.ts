import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { controlCardViewSchema, type ControlCardView } from '../../../shared/documents/controlCard';
import { ControlCardPaper } from './ControlCardPaper';

// The print view of the kartu kendali: the words of each copy, as printed from the screen.

const NOTE = 'Segera. Tinjau lokasi bersama Pemerintah Desa.';

const view = (copies: string[]): ControlCardView =>
  controlCardViewSchema.parse({
    paper: 'F4',
    office: 'KECAMATAN KEJAYAN',
    copies,
    indeks: 'Pengaduan / Infrastruktur',
    kode: '000.8.3.4',
    tanggal: '25 November 2026',
    nomorUrut: '0001/PGD/2026',
    isiRingkas: 'Jalan desa rusak di Dusun Krajan',
    lampiran: '2 berkas',
    dari: 'Siti Aminah (Langsung/Loket)',
    kepada: 'Kasi Pelayanan',
    tanggalNomorSurat: '24 November 2026 / -',
    pengolah: 'Kasi Pelayanan',
    paraf: '',
    catatan: NOTE,
  });

/** Each copy's card as markup, by the label the print view gives it. */
function cards(v: ControlCardView): Map<string, string> {
  const html = renderToStaticMarkup(createElement(ControlCardPaper, { v }));
  const parts = html.replace(/<\/article>$/, '').split('<div aria-label="Kartu kendali, ').slice(1);
  return new Map(parts.map((part) => [part.slice(0, part.indexOf('"')), part]));
}

describe('ControlCardPaper', () => {
  it('prints the disposition note on the office’s copies and an empty Catatan box on the reporter’s', () => {
    const copies = ['Lembar 1: Arsip buku agenda', 'Lembar 2: Pengolah', 'Lembar 3: Pelapor/penerima'];
    const printed = cards(view(copies));
    expect([...printed.keys()]).toEqual(copies);
    expect(printed.get(copies[0]!)).toContain(NOTE);
    expect(printed.get(copies[1]!)).toContain(NOTE);
    const reporter = printed.get(copies[2]!)!;
    expect(reporter).not.toContain('Tinjau lokasi');
    expect(reporter).toMatch(/>Catatan<\/div><div[^>]*><\/div>/);
    // The rest of the card as on the office's copies.
    expect(reporter.replaceAll(copies[2]!, '…')).toBe(printed.get(copies[1]!)!.replaceAll(copies[1]!, '…').replace(NOTE, ''));
  });

  it('finds the reporter’s copy by the office’s label, wherever it stands', () => {
    const copies = ['Lembar 1: Pelapor', 'Lembar 2: Arsip pengaduan', 'Lembar 3: Pengolah'];
    const printed = cards(view(copies));
    expect(printed.get(copies[0]!)).not.toContain(NOTE);
    expect(printed.get(copies[1]!)).toContain(NOTE);
    expect(printed.get(copies[2]!)).toContain(NOTE);
  });
});
