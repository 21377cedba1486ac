// Cutting a text to the box a paper form prints it in, the same way for the DOCX and the
// print view: the core cuts the value once, into the view both render, so a long value
// never runs over the next box, spills onto a second page or is clipped mid-line, and
// Word, LibreOffice and the browser show the same words.
//
// The widths are Arial's, in 1/1000 em: Liberation Sans, which LibreOffice and Chromium on
// Linux use in its place, has the same advance widths by design. Lines are broken at
// spaces only (a word too long for a line is broken anywhere, as Word and the print view's
// overflow-wrap do); ignoring the other places a line may break, and leaving a margin of
// the width, makes the count of lines one that every renderer stays within.

// Printable ASCII, U+0020 to U+007E.
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];
const ELLIPSIS = 1000;
/** Anything else: as wide as an em, so letters Arial lacks are never under-counted. */
const OTHER = 1000;
/** Latin letters with accents (é, ñ …) are as wide as their base letter, at most this. */
const LATIN = 722;
/** Lines are filled to this share of the box's width at most. */
const SAFETY = 0.97;

const PT_PER_MM = 72 / 25.4;

function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return ASCII[code - 0x20]!;
  if (ch === '…') return ELLIPSIS;
  if (code >= 0xc0 && code <= 0x24f) return LATIN;
  return OTHER;
}

/** Width of a text in points at `sizePt`. */
export function textWidthPt(text: string, sizePt: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return (w * sizePt) / 1000;
}

/** A box of a paper form: the width its text may use, the font size and how many lines it holds. */
export interface TextBox {
  widthMm: number;
  sizePt: number;
  lines: number;
}

/** The text broken into lines as a box of that width shows it (whitespace as one space). */
export function wrapLines(text: string, box: Pick<TextBox, 'widthMm' | 'sizePt'>): string[] {
  const max = box.widthMm * PT_PER_MM * SAFETY;
  const width = (s: string) => textWidthPt(s, box.sizePt);
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter((w) => w !== '')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (width(joined) <= max) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    // A word wider than the box is broken where the box ends.
    let rest = word;
    while (width(rest) > max) {
      let cut = 1;
      const chars = [...rest];
      while (cut < chars.length && width(chars.slice(0, cut + 1).join('')) <= max) cut++;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** What ends a cut text: the ellipsis, and where a document can, where the rest is. */
const CUT_MARK = '…';
export const CUT_MARK_FULL_TEXT = '… (selengkapnya di Tanggap)';

/**
 * The text as the box shows it: whole when it fits, else cut at a word to what fits
 * before `mark` (whitespace runs become one space either way).
 */
export function fitText(text: string, box: TextBox, mark: string = CUT_MARK): string {
  const whole = text.trim().replace(/\s+/g, ' ');
  const fits = (s: string) => wrapLines(s, box).length <= box.lines;
  if (fits(whole)) return whole;
  // The dashes (– and —) written as escapes: the server's bundle stays ASCII (bundle.mjs).
  const cut = (prefix: string) => `${prefix.replace(/[\s,;:\u2013\u2014-]+$/, '')} ${mark}`.trim();
  const words = whole.split(' ');
  // The most words that fit with the mark after them (fitting only shrinks as words are added).
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(cut(words.slice(0, mid).join(' ')))) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0) return cut(words.slice(0, lo).join(' '));
  // Not even the first word fits whole: cut it by characters.
  const chars = [...words[0]!];
  let n = chars.length - 1;
  while (n > 0 && !fits(cut(chars.slice(0, n).join('')))) n--;
  return n > 0 ? cut(chars.slice(0, n).join('')) : mark;
}
