import { strFromU8, unzipSync } from 'fflate';

// Reads a DOCX back the way a test needs it: which parts the zip holds, and the text of
// word/document.xml paragraph by paragraph (table cells included, in reading order).

export interface DocxContents {
  /** Every part name in the zip, e.g. "word/document.xml", "word/media/image1.png". */
  files: string[];
  /** The raw word/document.xml, for layout assertions (borders, sizes, page setup). */
  xml: string;
  /** Text of each paragraph; tabs as "\t", line breaks as "\n"; empty paragraphs kept. */
  paragraphs: string[];
  /** All paragraphs joined by "\n". */
  text: string;
  /** Bytes of one part, or undefined. */
  part(name: string): Uint8Array | undefined;
}

export function readDocx(bytes: Uint8Array | Buffer): DocxContents {
  const zip = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const doc = zip['word/document.xml'];
  if (!doc) throw new Error('Bukan DOCX: word/document.xml tidak ada.');
  const xml = strFromU8(doc);
  const paragraphs = paragraphTexts(xml);
  return {
    files: Object.keys(zip).sort(),
    xml,
    paragraphs,
    text: paragraphs.join('\n'),
    part: (name) => zip[name],
  };
}

export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  // <w:p> never nests in document.xml outside text boxes, which our documents don't use.
  const para = /<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g;
  for (const m of xml.matchAll(para)) out.push(runText(m[1] ?? ''));
  return out;
}

function runText(inner: string): string {
  let s = '';
  const token = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>|<w:t(?:\s[^>]*)?\/>/g;
  for (const m of inner.matchAll(token)) {
    if (m[1] !== undefined) s += decode(m[1]);
    else if (m[0].startsWith('<w:tab')) s += '\t';
    else if (m[0].startsWith('<w:br')) s += '\n';
  }
  return s;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!,
  );
