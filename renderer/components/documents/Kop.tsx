import type { CSSProperties } from 'react';
import type { KopView } from '../../../shared/documents/common';

// The pieces every print view shares, laid out as the DOCX lays them out: the kop
// surat (logo, office lines, address, double rule) and the signature block.

// compact: the kop of a small form (lembar disposisi), about two thirds the size and
// without the contact line.
export function Kop({ kop, compact = false }: { kop: KopView; compact?: boolean }) {
  // The first of several lines (PEMERINTAH KABUPATEN …) a size smaller than the office name.
  const big = compact ? '12pt' : '16pt';
  const first = compact ? '10pt' : '14pt';
  const sizes = kop.lines.length === 1 ? [big] : kop.lines.map((_, i) => (i === 0 ? first : big));
  const logoColumn = compact ? '1.7cm' : '2.5cm';
  const detail = compact ? '8pt' : '10pt';
  return (
    <div
      style={{
        borderBottom: compact ? '3px double #000' : '4px double #000',
        paddingBottom: compact ? '1pt' : '2pt',
        marginBottom: compact ? '3pt' : '6pt',
      }}
    >
      <div style={{ display: 'grid', gridTemplateColumns: kop.logo ? `${logoColumn} 1fr ${logoColumn}` : '1fr', alignItems: 'center' }}>
        {kop.logo && <img src={kop.logo} alt="Logo" style={{ height: compact ? '1.4cm' : '2.2cm', width: 'auto', justifySelf: 'start' }} />}
        <div style={{ textAlign: 'center', lineHeight: 1.15 }}>
          {kop.lines.map((line, i) => (
            <div key={i} style={{ fontWeight: 700, fontSize: sizes[i] }}>
              {line.toUpperCase()}
            </div>
          ))}
          {kop.address && <div style={{ fontSize: detail }}>{kop.address}</div>}
          {kop.contact && !compact && <div style={{ fontSize: detail }}>{kop.contact}</div>}
        </div>
        {kop.logo && <span />}
      </div>
    </div>
  );
}

// Every line one line high, blank ones too, so names side by side sit on the same line.
const line: CSSProperties = { lineHeight: 1.4, minHeight: '1.4em' };

export interface SignatureProps {
  /** Lines above the signing space: "a.n. CAMAT KEJAYAN", "SEKRETARIS KECAMATAN,". */
  caption: string[];
  name: string;
  /** Lines under the name (pangkat, "NIP …"); a single string is one line, absent is one blank line. */
  after?: string | string[];
  /** The signer's specimen (data URL) shown in the signing space; '' or absent for none. */
  image?: string;
  /** Officials' names are bold and underlined; a citizen's is not. */
  official?: boolean;
  /** Height of the signing space. */
  space?: string;
  /** Height of the specimen inside that space. */
  imageHeight?: string;
  style?: CSSProperties;
}

export function Signature({ caption, name, after, image, official = true, space = '4.2em', imageHeight = '2cm', style }: SignatureProps) {
  const afterLines = Array.isArray(after) ? after : [after ?? ''];
  return (
    <div style={{ textAlign: 'center', ...style }}>
      {caption.map((text, i) => (
        <div key={i} style={line}>
          {text}
        </div>
      ))}
      <div style={{ height: space, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {image && <img src={image} alt={`Tanda tangan ${name}`} style={{ height: imageHeight, maxHeight: '100%', width: 'auto', maxWidth: '100%' }} />}
      </div>
      <div style={official ? { ...line, fontWeight: 700, textDecoration: 'underline' } : line}>{name}</div>
      {afterLines.map((text, i) => (
        <div key={i} style={line}>
          {text}
        </div>
      ))}
    </div>
  );
}
