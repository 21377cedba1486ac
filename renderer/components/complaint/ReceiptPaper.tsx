import type { CSSProperties } from 'react';
import { attachmentsLine, type ReceiptView } from '../../../shared/documents/receipt';
import { Kop, Signature } from '../documents/Kop';

// The tanda terima as the DOCX lays it out (main/core/documents/receipt.ts): kop with
// logo and double rule, title and number, the rows, uraian, kelengkapan, the attachments
// on one line, the boxed notice, and the reporter's and officer's signatures.
// 11 pt at the DOCX's single line spacing (Arial's 1.15), so the sheet holds what the DOCX's does.
const small: CSSProperties = { fontSize: '11pt', lineHeight: 1.15 };
const cell: CSSProperties = { padding: '0 0 1pt 0', verticalAlign: 'top' };

// The DOCX's page: A4 with the letter margins (top 2, right 2, bottom 2.5, left 3 cm).
const PAGE_CSS = `
.receipt-paper { padding: 20mm 20mm 25mm 30mm; }
@media print { .receipt-paper { padding: 0; max-width: none; } }
@page { size: A4; margin: 20mm 20mm 25mm 30mm; }
`;

export function ReceiptPaper({ v }: { v: ReceiptView }) {
  return (
    <article className="paper-doc receipt-paper" aria-label="Tanda terima">
      <style>{PAGE_CSS}</style>
      <Kop kop={v.kop} />
      <div style={{ textAlign: 'center', fontWeight: 700, textDecoration: 'underline', fontSize: '13pt' }}>{v.title}</div>
      <div style={{ textAlign: 'center', marginBottom: '8pt' }}>Nomor: {v.registerNo}</div>
      <table style={{ width: '100%', borderCollapse: 'collapse', ...small }}>
        <colgroup>
          <col style={{ width: '4.6cm' }} />
          <col style={{ width: '0.4cm' }} />
          <col />
        </colgroup>
        <tbody>
          {v.rows.map((r) => (
            <tr key={r.label}>
              <td style={cell}>{r.label}</td>
              <td style={cell}>:</td>
              <td style={{ ...cell, overflowWrap: 'anywhere' }}>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ ...small, fontWeight: 700, marginTop: '4pt' }}>Uraian singkat:</div>
      <div style={{ ...small, textAlign: 'justify', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v.description || '-'}</div>
      <div style={small}>
        <div style={{ fontWeight: 700, marginTop: '4pt' }}>Kelengkapan berkas:</div>
        {v.kelengkapan.length === 0 && <div>-</div>}
        {v.kelengkapan.map((k) => (
          <div key={k.item} style={{ display: 'flex', gap: '0.2cm' }}>
            <span style={{ width: '0.4cm', flex: 'none' }}>{k.checked ? '☑' : '☐'}</span>
            <span>{k.item}</span>
          </div>
        ))}
        <div style={{ marginTop: '4pt', overflowWrap: 'anywhere' }}>
          <b>Lampiran:</b> {attachmentsLine(v.attachments)}
        </div>
      </div>
      <div style={{ border: '1px solid #000', padding: '0.1cm 0.2cm', marginTop: '8pt', fontStyle: 'italic', fontSize: '9.5pt' }}>{v.notice}</div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', marginTop: '10pt' }}>
        {v.reporterSigner ? <Signature caption={['', v.reporterSigner.caption]} name={v.reporterSigner.name} after={[]} style={small} /> : <div />}
        <Signature caption={[v.placeDate, v.signer.caption]} name={v.signer.name} after={v.signer.nip} style={small} />
      </div>
    </article>
  );
}
