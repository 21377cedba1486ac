import type { CSSProperties, ReactNode } from 'react';
import { DISPOSITION_LABEL_MM, DISPOSITION_NOTE_BOX, recipientsPt, sheetTitle, type DispositionSheetView } from '../../../shared/documents/dispositionSheet';
import { DISPOSITION_MARGINS_MM, PAGE_MM } from '../../../shared/documents/kinds';
import { Kop } from './Kop';

// The lembar disposisi on half a folio (215 × 165 mm), as
// main/core/documents/dispositionSheetDocx.ts lays it out at 10 pt: a compact kop, the
// title, and one ruled grid of label and value cells: the item's particulars, the sifat
// boxes, "Diteruskan kepada" beside the instructions, the note and the disposer. A blank
// sheet shows the same boxes, unticked, with dots where name and date are written by hand.

// The height the sheet's content fills: half a folio less the margins, less a millimetre
// so rounding never spills onto a second page.
const SHEET_BODY_MM = PAGE_MM.HALF_F4.height - DISPOSITION_MARGINS_MM.top - DISPOSITION_MARGINS_MM.bottom - 1;
const LABEL = `${DISPOSITION_LABEL_MM}mm`;
const DOTS = '……………………………';

const border = '1px solid #000';
const padding: CSSProperties = { padding: '1mm 1.5mm' };
const td: CSSProperties = { border, verticalAlign: 'top', ...padding };
const heading: CSSProperties = { fontWeight: 700, marginBottom: '0.6mm' };

function Box({ checked }: { checked: boolean }) {
  return (
    <span
      role="img"
      aria-label={checked ? 'dicentang' : 'tidak dicentang'}
      style={{ display: 'inline-block', position: 'relative', width: '3mm', height: '3mm', border, flex: 'none', marginTop: '0.35mm' }}
    >
      {checked && (
        <span
          style={{
            position: 'absolute',
            left: '0.85mm',
            top: '-0.2mm',
            width: '1mm',
            height: '2.1mm',
            borderRight: '0.5mm solid #000',
            borderBottom: '0.5mm solid #000',
            transform: 'rotate(40deg)',
          }}
        />
      )}
    </span>
  );
}

function Checkbox({ label, checked }: { label: string; checked: boolean }) {
  return (
    <span style={{ display: 'flex', gap: '1.5mm', alignItems: 'flex-start' }}>
      <Box checked={checked} />
      <span>{label}</span>
    </span>
  );
}

// Ticked or not, each box on its own line with the label clear of the box.
function Checklist({ items, pt }: { items: { label: string; checked: boolean }[]; pt?: number }) {
  return (
    <div style={{ display: 'grid', rowGap: '0.5mm', ...(pt ? { fontSize: `${pt}pt` } : {}) }}>
      {items.map((item, i) => (
        <Checkbox key={i} label={item.label} checked={item.checked} />
      ))}
    </div>
  );
}

function Row({ height = '7.5mm', children }: { height?: string; children: ReactNode }) {
  return <tr style={{ height }}>{children}</tr>;
}

const value = (text: string) => <td style={{ ...td, whiteSpace: 'pre-line' }}>{text}</td>;

export function DispositionSheetPaper({ v, stamp = null }: { v: DispositionSheetView; stamp?: string | null }) {
  return (
    <article aria-label="Lembar disposisi" style={{ fontSize: '10pt', lineHeight: 1.2, display: 'flex', flexDirection: 'column', height: `${SHEET_BODY_MM}mm` }}>
      <Kop kop={v.kop} compact />
      <div style={{ textAlign: 'center', fontWeight: 700, fontSize: '12pt', margin: '0.5mm 0 1.8mm' }}>{sheetTitle(stamp)}</div>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <colgroup>
          <col style={{ width: LABEL }} />
          <col />
          <col style={{ width: LABEL }} />
          <col />
        </colgroup>
        <tbody>
          <Row>
            <td style={td}>Surat dari</td>
            {value(v.suratDari)}
            <td style={td}>Diterima tanggal</td>
            {value(v.diterimaTanggal)}
          </Row>
          <Row>
            <td style={td}>Nomor surat</td>
            {value(v.nomorSurat)}
            <td style={td}>Nomor agenda</td>
            {value(v.nomorAgenda)}
          </Row>
          <Row>
            <td style={td}>Tanggal surat</td>
            {value(v.tanggalSurat)}
            <td style={td}>Sifat</td>
            <td style={td}>
              {/* Two to a line, so the four fit the cell in two lines. */}
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '2mm', rowGap: '0.5mm' }}>
                {v.sifat.map((s) => (
                  <Checkbox key={s.label} label={s.label} checked={s.checked} />
                ))}
              </div>
            </td>
          </Row>
          <Row height="11mm">
            <td style={td}>Perihal</td>
            <td style={{ ...td, whiteSpace: 'pre-line' }} colSpan={3}>
              {v.perihal}
            </td>
          </Row>
          <Row height="30mm">
            <td style={td} colSpan={2}>
              <div style={heading}>Diteruskan kepada:</div>
              <Checklist items={v.recipients} pt={recipientsPt(v.recipients.length)} />
            </td>
            <td style={td} colSpan={2}>
              <div style={heading}>Dengan hormat harap:</div>
              <Checklist items={v.instructions} />
            </td>
          </Row>
        </tbody>
      </table>
      {/* The note and the disposer take whatever height the half sheet has left, at least
          the DOCX's row, which holds the note as the core cut it (DISPOSITION_NOTE_BOX);
          their columns continue the grid's (label, value, label | value). */}
      <div
        style={{
          flex: 1,
          display: 'grid',
          gridTemplateColumns: `calc(50% + ${LABEL}) 1fr`,
          border,
          borderTop: 'none',
          minHeight: `${DISPOSITION_NOTE_BOX.heightMm}mm`,
        }}
      >
        <div style={{ ...padding, borderRight: border }}>
          <div style={heading}>Catatan:</div>
          <div style={{ whiteSpace: 'pre-line' }}>{v.catatan}</div>
        </div>
        <div style={{ ...padding, display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center' }}>
          {v.disposerCaption.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
          <div style={{ flex: 1, minHeight: '12mm' }} />
          {v.disposerName ? <div style={{ fontWeight: 700, textDecoration: 'underline' }}>{v.disposerName}</div> : <div>({DOTS})</div>}
          <div>Tanggal: {v.date || DOTS}</div>
        </div>
      </div>
    </article>
  );
}
