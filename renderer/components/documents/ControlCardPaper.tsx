import type { CSSProperties } from 'react';
import { CONTROL_CARD, controlCardNote, type ControlCardView } from '../../../shared/documents/controlCard';
import { PAGE_MM } from '../../../shared/documents/kinds';

// The kartu kendali as main/core/documents/controlCardDocx.ts lays it out: up to three
// copies of a 15 cm wide card stacked on one portrait sheet, each framed by a dashed cut
// line with scissors beside it. Every row has a fixed height; the core has already cut
// each value to what its box holds (shared/documents/controlCard.ts), with "…", so screen,
// print and DOCX show the same words. A card clips whatever might still overflow it, so
// nothing ever runs over the next card.

const CARD_WIDTH_MM = CONTROL_CARD.widthMm;
// A4 (297 mm) cannot hold three 10 cm cards with any margin; F4 (330 mm) can.
const CARD_HEIGHT_MM = CONTROL_CARD.heightMm;
// The column left of the cards that carries the scissors.
const SCISSORS_MM = 6;

// Where the cards sit: centred across, the spare height split above and below (the
// bottom margin 2 mm less, so rounding never spills a blank second page).
export function controlCardLayout(paper: ControlCardView['paper']) {
  const page = PAGE_MM[paper];
  const cardHeightMm = CARD_HEIGHT_MM[paper];
  const top = (page.height - 3 * cardHeightMm) / 2;
  const side = (page.width - CARD_WIDTH_MM) / 2;
  return {
    cardWidthMm: CARD_WIDTH_MM,
    cardHeightMm,
    margins: { top, right: side, bottom: top - 2, left: side - SCISSORS_MM },
  };
}

const border = '1px solid #000';
const cut = '1px dashed #555';

// One box of the grid: a small grey label on top, the value under it.
function Cell({ label, value, span }: { label: string; value: string; span: number }) {
  const clip: CSSProperties = { overflow: 'hidden', overflowWrap: 'anywhere' };
  return (
    <div style={{ gridColumn: `span ${span}`, borderRight: border, borderBottom: border, padding: `${CONTROL_CARD.cellPaddingYMm}mm ${CONTROL_CARD.cellPaddingMm}mm`, ...clip }}>
      <div style={{ fontSize: `${CONTROL_CARD.labelPt}pt`, lineHeight: 1.1, color: '#404040' }}>{label}</div>
      <div style={{ fontSize: `${CONTROL_CARD.valuePt}pt`, lineHeight: 1.15, whiteSpace: 'pre-line' }}>{value}</div>
    </div>
  );
}

function Card({ v, copy }: { v: ControlCardView; copy: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', padding: `${CONTROL_CARD.paddingMm}mm`, boxSizing: 'border-box' }}>
      <div style={{ textAlign: 'right', fontSize: '7pt', fontStyle: 'italic', minHeight: '1.15em', lineHeight: 1.15 }}>{copy}</div>
      <div style={{ textAlign: 'center', fontWeight: 700, fontSize: '9pt', lineHeight: 1.2 }}>{v.office}</div>
      <div style={{ textAlign: 'center', fontWeight: 700, fontSize: '12pt', lineHeight: 1.2, marginBottom: '1.4mm' }}>KARTU KENDALI</div>
      <div
        style={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gridTemplateColumns: 'repeat(6, 1fr)',
          gridTemplateRows: '12mm 12mm 7.5mm 12mm 7.5mm 10mm minmax(0, 1fr)',
          borderTop: border,
          borderLeft: border,
        }}
      >
        <Cell span={3} label="Indeks" value={v.indeks} />
        <Cell span={1} label="Kode" value={v.kode} />
        <Cell span={2} label="Nomor urut" value={v.nomorUrut} />
        <Cell span={6} label="Isi ringkas" value={v.isiRingkas} />
        <Cell span={6} label="Lampiran" value={v.lampiran} />
        <Cell span={3} label="Dari" value={v.dari} />
        <Cell span={3} label="Kepada" value={v.kepada} />
        <Cell span={6} label="Tanggal/Nomor surat" value={v.tanggalNomorSurat} />
        <Cell span={3} label="Pengolah" value={v.pengolah} />
        <Cell span={1} label="Paraf" value={v.paraf} />
        <Cell span={2} label="Tanggal" value={v.tanggal} />
        <Cell span={6} label="Catatan" value={controlCardNote(v, copy)} />
      </div>
    </div>
  );
}

export function ControlCardPaper({ v }: { v: ControlCardView }) {
  const { cardWidthMm, cardHeightMm } = controlCardLayout(v.paper);
  return (
    <article aria-label="Kartu kendali" style={{ fontSize: '9pt', lineHeight: 1.2 }}>
      {v.copies.map((copy, i) => (
        <div key={i} aria-label={`Kartu kendali, ${copy}`} style={{ display: 'flex', height: `${cardHeightMm}mm`, marginTop: i === 0 ? 0 : '-1px', breakInside: 'avoid' }}>
          <div aria-hidden="true" style={{ width: `${SCISSORS_MM}mm`, flex: 'none', display: 'flex', alignItems: 'flex-end', fontSize: '10pt', color: '#555', lineHeight: 1 }}>
            ✂
          </div>
          {/* Neighbouring cards share one cut line. */}
          <div style={{ width: `${cardWidthMm}mm`, height: '100%', boxSizing: 'border-box', border: cut, overflow: 'hidden' }}>
            <Card v={v} copy={copy} />
          </div>
        </div>
      ))}
    </article>
  );
}
