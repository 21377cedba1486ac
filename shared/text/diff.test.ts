import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffParagraphs, diffSequence, diffWords, hasChanges, splitLines, splitParagraphs, type DiffPart } from './diff';

const side = <T>(parts: DiffPart<T>[], keep: 'removed' | 'added') => parts.filter((p) => p.op === 'same' || p.op === keep).map((p) => p.value);

// The longest common subsequence by brute force, for small inputs.
function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a[0] === b[0]) return 1 + lcsLength(a.slice(1), b.slice(1));
  return Math.max(lcsLength(a.slice(1), b), lcsLength(a, b.slice(1)));
}

describe('diffSequence', () => {
  it('keeps the common items and marks the rest', () => {
    expect(diffSequence(['a', 'b', 'c', 'd'], ['a', 'c', 'e', 'd'])).toEqual([
      { op: 'same', value: 'a' },
      { op: 'removed', value: 'b' },
      { op: 'same', value: 'c' },
      { op: 'added', value: 'e' },
      { op: 'same', value: 'd' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffSequence([], [])).toEqual([]);
    expect(diffSequence(['a'], [])).toEqual([{ op: 'removed', value: 'a' }]);
    expect(diffSequence([], ['a'])).toEqual([{ op: 'added', value: 'a' }]);
  });

  it('gives back both sides and keeps a longest common subsequence', () => {
    const list = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 9 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const parts = diffSequence(a, b);
        expect(side(parts, 'removed')).toEqual(a);
        expect(side(parts, 'added')).toEqual(b);
        expect(parts.filter((p) => p.op === 'same')).toHaveLength(lcsLength(a, b));
      }),
    );
  });
});

describe('diffWords', () => {
  it('marks the words that changed and joins neighbours', () => {
    expect(diffWords('Jalan rusak di Dusun Krajan.', 'Jalan berlubang parah di Dusun Krajan.')).toEqual([
      { op: 'same', value: 'Jalan ' },
      { op: 'removed', value: 'rusak ' },
      { op: 'added', value: 'berlubang parah ' },
      { op: 'same', value: 'di Dusun Krajan.' },
    ]);
  });

  it('keeps the space a word has in the new text', () => {
    expect(diffWords('telah kami tindak lanjuti.', 'telah kami tindak lanjuti. Perbaikan selesai.')).toEqual([
      { op: 'same', value: 'telah kami tindak lanjuti. ' },
      { op: 'added', value: 'Perbaikan selesai.' },
    ]);
  });

  it('shows a kept word with the new spacing, the removed words still in their order', () => {
    expect(diffWords('}0', '} ')).toEqual([
      { op: 'same', value: '} ' },
      { op: 'removed', value: '0' },
    ]);
  });

  it('joined, the new side is the new text and the old side has the old words', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = diffWords(a, b);
        const before = parts.filter((p) => p.op !== 'added').map((p) => p.value).join('');
        const after = parts.filter((p) => p.op !== 'removed').map((p) => p.value).join('');
        // A kept word carries the new text's spacing, so the old side has the old words
        // and punctuation in order, though not always the old spaces between them.
        expect(after).toBe(b);
        const words = (s: string) => s.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}\s]+/gu) ?? [];
        expect(parts.filter((p) => p.op !== 'added').flatMap((p) => words(p.value))).toEqual(words(a));
        expect(before.replace(/\s+/g, '')).toBe(a.replace(/\s+/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('diffParagraphs', () => {
  const before = [
    'Menindaklanjuti pengaduan Saudara tanggal 23 November 2026 tentang lampu jalan padam.',
    'Kabel lampu sudah diganti oleh PLN.',
    'Demikian kami sampaikan.',
  ];

  it('says nothing changed for the same letter', () => {
    const d = diffParagraphs(before, before);
    expect(hasChanges(d)).toBe(false);
    expect(d.map((p) => p.op)).toEqual(['same', 'same', 'same']);
  });

  it('shows a rewritten paragraph word by word, a new one as added, a dropped one as removed', () => {
    const after = [
      before[0]!,
      'Kabel lampu sudah diganti oleh PLN pada 25 November 2026.',
      'Mohon warga melapor bila lampu padam lagi.',
      'Demikian kami sampaikan.',
    ];
    const d = diffParagraphs(before, after);
    expect(d.map((p) => p.op)).toEqual(['same', 'changed', 'added', 'same']);
    const changed = d[1]!;
    // Punctuation is its own token, so the full stop stays and only the new words show.
    expect(changed.op === 'changed' && changed.words).toEqual([
      { op: 'same', value: 'Kabel lampu sudah diganti oleh PLN ' },
      { op: 'added', value: 'pada 25 November 2026' },
      { op: 'same', value: '.' },
    ]);
    expect(diffParagraphs(after, before).map((p) => p.op)).toEqual(['same', 'changed', 'removed', 'same']);
  });

  it('keeps unrelated paragraphs apart instead of pairing them', () => {
    const d = diffParagraphs(['Lampu jalan padam.'], ['Terima kasih atas laporan Saudara.']);
    expect(d).toEqual([
      { op: 'removed', text: 'Lampu jalan padam.' },
      { op: 'added', text: 'Terima kasih atas laporan Saudara.' },
    ]);
  });
});

describe('splitting typed text', () => {
  it('splits paragraphs at empty lines, lines at line breaks', () => {
    expect(splitParagraphs('Satu\nbaris dua\n\n  \nDua\r\n\r\nTiga  \n')).toEqual(['Satu\nbaris dua', 'Dua', 'Tiga']);
    expect(splitParagraphs('  \n\n ')).toEqual([]);
    expect(splitLines(' Camat Kejayan \n\nArsip\r\n')).toEqual(['Camat Kejayan', 'Arsip']);
  });
});
