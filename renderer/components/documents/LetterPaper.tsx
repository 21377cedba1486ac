import type { CSSProperties } from 'react';
import { LETTER_CM, type LetterBlock, type LetterView, type VerificationView } from '../../../shared/documents/letter';
import { LETTER_MARGINS_MM, PAGE_MM } from '../../../shared/documents/kinds';
import { Kop, Signature } from './Kop';

// Surat and naskah dinas as main/core/documents/letterDocx.ts lays them out: Arial 12,
// kop with double rule; 'surat' with place and date on the right, Nomor / Sifat /
// Lampiran / Hal, "Yth." addressee and a justified body; 'naskah' with a centred
// title and number; the signature block(s), Tembusan and the verification box.

const INDENT = `${LETTER_CM.indent}cm`;
const ROW_LABEL = `${LETTER_CM.rowLabel}cm`;
const cell: CSSProperties = { padding: 0, verticalAlign: 'top' };
const keepTogether: CSSProperties = { breakInside: 'avoid' };

// A "label : value" table (Nomor / Sifat / Lampiran / Hal, or the rows of a naskah); a row
// without a label continues the one above ("selanjutnya disebut …"), without a colon.
function Rows({ rows, labelWidth, rowGap = '0', style }: { rows: { label: string; value: string }[]; labelWidth: string; rowGap?: string; style?: CSSProperties }) {
  const td: CSSProperties = { ...cell, paddingBottom: rowGap };
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', ...style }}>
      <colgroup>
        <col style={{ width: labelWidth }} />
        <col style={{ width: '0.4cm' }} />
        <col />
      </colgroup>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td style={td}>{r.label}</td>
            <td style={td}>{r.label ? ':' : ''}</td>
            <td style={{ ...td, whiteSpace: 'pre-line' }}>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ block }: { block: LetterBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p style={{ margin: '0 0 6pt', textAlign: 'justify', textIndent: INDENT, whiteSpace: 'pre-line' }}>{block.text}</p>;
    case 'heading':
      return <div style={{ margin: '6pt 0 3pt', fontWeight: 700, breakAfter: 'avoid' }}>{block.text}</div>;
    case 'rows':
      return <Rows rows={block.rows} labelWidth={ROW_LABEL} rowGap="2pt" style={{ margin: '0 0 6pt', width: `calc(100% - ${INDENT})`, marginLeft: INDENT }} />;
    case 'list':
      return (
        <ol style={{ margin: '0 0 6pt', paddingLeft: INDENT, listStyle: 'none' }}>
          {block.items.map((item, i) => (
            <li key={i} style={{ display: 'grid', gridTemplateColumns: '0.7cm 1fr', marginBottom: i === block.items.length - 1 ? 0 : '2pt' }}>
              <span>{i + 1}.</span>
              <span style={{ textAlign: 'justify', whiteSpace: 'pre-line' }}>{item}</span>
            </li>
          ))}
        </ol>
      );
  }
}

// The name after "Yth.", the other lines under it and the place under "di" a little further
// in; leading spaces in the view are dropped so the indents line up.
function addresseeLines(lines: string[]) {
  let afterDi = false;
  return lines.map((raw) => {
    const text = raw.trim();
    const line = { text, afterDi };
    if (text.toLowerCase() === 'di') afterDi = true;
    return line;
  });
}

function SuratHead({ v }: { v: LetterView }) {
  return (
    <>
      <div style={{ textAlign: 'right', marginBottom: '6pt' }}>{v.placeDate}</div>
      <Rows rows={v.meta} labelWidth={`${LETTER_CM.metaLabel}cm`} />
      {v.addressee.length > 0 && (
        <div style={{ display: 'grid', gridTemplateColumns: '1.1cm 1fr', marginTop: '18pt', ...keepTogether }}>
          <span>Yth.</span>
          <div>
            {addresseeLines(v.addressee).map((line, i) => (
              <div key={i} style={{ paddingLeft: line.afterDi ? '0.6cm' : 0 }}>
                {line.text}
              </div>
            ))}
          </div>
        </div>
      )}
      <div style={{ height: '18pt' }} />
    </>
  );
}

function NaskahHead({ v }: { v: LetterView }) {
  return (
    <div style={{ textAlign: 'center', marginBottom: '18pt' }}>
      <div style={{ fontWeight: 700, textDecoration: 'underline', fontSize: '13pt' }}>{v.title}</div>
      <div>Nomor: {v.number}</div>
    </div>
  );
}

// One block on the right (a little over half the width), or two side by side (reporter
// left, official right); a naskah puts the place and date above the right one. Captions
// are padded at the top and both get the same signing space, so the names line up.
function Signatures({ v }: { v: LetterView }) {
  const last = v.signatures.length - 1;
  const captions = v.signatures.map((s, i) => (v.layout === 'naskah' && i === last && v.placeDate ? [v.placeDate, ...s.caption] : s.caption));
  const lines = Math.max(...captions.map((c) => c.length));
  const space = v.signatures.some((s) => s.stamp) ? '2.7cm' : '2.2cm';
  return (
    <div style={{ display: 'grid', gridTemplateColumns: v.signatures.length === 2 ? '1fr 1fr' : '45% 55%', marginTop: '12pt', ...keepTogether }}>
      {v.signatures.length === 1 && <span />}
      {v.signatures.map((s, i) => (
        <Signature
          key={i}
          caption={[...Array<string>(lines - captions[i]!.length).fill(''), ...captions[i]!]}
          name={s.name}
          after={s.after}
          image={s.image}
          official={s.official}
          space={space}
          imageHeight="2cm"
          style={{ lineHeight: 1.3 }}
        />
      ))}
    </div>
  );
}

function Tembusan({ items }: { items: string[] }) {
  return (
    <div style={{ marginTop: '18pt', fontSize: '11pt', ...keepTogether }}>
      <div>Tembusan:</div>
      {items.map((item, i) => (
        <div key={i} style={{ display: 'grid', gridTemplateColumns: '0.6cm 1fr' }}>
          <span>{i + 1}.</span>
          <span>{item}</span>
        </div>
      ))}
    </div>
  );
}

function Verification({ v }: { v: VerificationView }) {
  return (
    <div
      style={{
        display: 'flex',
        gap: '0.3cm',
        alignItems: 'center',
        border: '1px solid #000',
        padding: '0.1cm 0.2cm',
        marginTop: 'auto',
        fontSize: '9.5pt',
        lineHeight: 1.3,
        ...keepTogether,
      }}
    >
      {v.qr && <img src={v.qr} alt={`Kode QR verifikasi ${v.code}`} style={{ width: '2.2cm', height: '2.2cm', flex: 'none', imageRendering: 'pixelated' }} />}
      <div>
        <div>{v.text}</div>
        <div style={{ marginTop: '3pt' }}>
          Kode periksa: <strong style={{ letterSpacing: '0.5pt' }}>{v.code}</strong>
        </div>
      </div>
    </div>
  );
}

// Across the page, on screen and on every printed page (a fixed element repeats on each
// page in print), so a draft is never taken for the signed letter. Grey as in the DOCX,
// and over the text but translucent, so both stay readable.
const WATERMARK_CSS = `@media print { .doc-watermark { position: fixed !important; inset: 0 !important; height: auto !important; } }`;

function Watermark({ text, pageMm }: { text: string; pageMm: number }) {
  // Small enough that the turned word stays inside the text area, where print clips it.
  const size = Math.max(36, Math.min(100, Math.round(400 / Math.max(1, text.length))));
  return (
    <div
      className="doc-watermark"
      aria-hidden="true"
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: `${pageMm}mm`,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        pointerEvents: 'none',
        userSelect: 'none',
        zIndex: 1,
      }}
    >
      <style>{WATERMARK_CSS}</style>
      <span
        style={{
          transform: 'rotate(-35deg)',
          fontSize: `${size}pt`,
          fontWeight: 700,
          letterSpacing: '0.08em',
          color: 'rgba(110, 110, 110, 0.32)',
          whiteSpace: 'nowrap',
          lineHeight: 1,
        }}
      >
        {text}
      </span>
    </div>
  );
}

export function LetterPaper({ v }: { v: LetterView }) {
  const label = (v.title || (v.layout === 'surat' ? 'Surat' : 'Naskah')) + (v.watermark ? ` (${v.watermark})` : '');
  // One page's text area, less a little so rounding never adds a blank page: a one-page
  // letter keeps its verification box at the foot of the page, as the DOCX footer does.
  const pageMm = PAGE_MM[v.paper].height - LETTER_MARGINS_MM.top - LETTER_MARGINS_MM.bottom;
  return (
    <article
      aria-label={label}
      style={{ position: 'relative', fontSize: '12pt', lineHeight: 1.3, display: 'flex', flexDirection: 'column', minHeight: `${pageMm - 2}mm` }}
    >
      {v.watermark && <Watermark text={v.watermark} pageMm={pageMm} />}
      <div style={{ paddingBottom: v.verification ? '14pt' : 0 }}>
        <Kop kop={v.kop} />
        {v.layout === 'surat' ? <SuratHead v={v} /> : <NaskahHead v={v} />}
        {v.blocks.map((block, i) => (
          <Block key={i} block={block} />
        ))}
        {/* The signature and the copies' list print on one page, as the DOCX keeps them. */}
        <div style={{ breakInside: 'avoid' }}>
          <Signatures v={v} />
          {v.tembusan.length > 0 && <Tembusan items={v.tembusan} />}
        </div>
      </div>
      {v.verification && <Verification v={v.verification} />}
    </article>
  );
}
