// What changed between two versions of a letter, for the checker who reads a revision:
// paragraphs that stayed, went or came, and inside a rewritten paragraph the words.
// Longest common subsequence; letters are short (≤ 30 paragraphs of ≤ 4,000 characters).

export type DiffOp = 'same' | 'removed' | 'added';
export interface DiffPart<T> {
  op: DiffOp;
  value: T;
}

/** The edit from `a` to `b` as a run of kept, removed and added items, in order; kept items are `b`'s. */
export function diffSequence<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean = Object.is): DiffPart<T>[] {
  // Common head and tail need no table.
  let head = 0;
  while (head < a.length && head < b.length && equal(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && equal(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);

  // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..].
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * w + j] = equal(x[i]!, y[j]!) ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }

  const out: DiffPart<T>[] = b.slice(0, head).map((value) => ({ op: 'same', value }));
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (equal(x[i]!, y[j]!)) {
      out.push({ op: 'same', value: y[j]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      out.push({ op: 'removed', value: x[i++]! });
    } else {
      out.push({ op: 'added', value: y[j++]! });
    }
  }
  while (i < x.length) out.push({ op: 'removed', value: x[i++]! });
  while (j < y.length) out.push({ op: 'added', value: y[j++]! });
  for (const value of b.slice(b.length - tail)) out.push({ op: 'same', value });
  return out;
}

// Words and runs of punctuation, each with the spaces after it, so joining the parts
// gives the new text back and "2026." → "2026 oleh" keeps "2026".
const tokens = (s: string) => s.match(/[\p{L}\p{N}]+\s*|[^\p{L}\p{N}\s]+\s*|\s+/gu) ?? [];

/** Word-level edit of one paragraph; neighbouring parts of the same kind are joined. */
export function diffWords(a: string, b: string): DiffPart<string>[] {
  const parts = diffSequence(tokens(a), tokens(b), (p, q) => p.trimEnd() === q.trimEnd());
  const out: DiffPart<string>[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.value += p.value;
    else out.push({ ...p });
  }
  return out;
}

export type ParagraphDiff =
  | { op: 'same' | 'removed' | 'added'; text: string }
  | { op: 'changed'; before: string; words: DiffPart<string>[] };

// Share of words two paragraphs have in common, 0 … 1.
function likeness(a: string, b: string): number {
  const x = tokens(a).map((t) => t.trimEnd());
  const y = tokens(b).map((t) => t.trimEnd());
  if (x.length === 0 || y.length === 0) return 0;
  const kept = diffSequence(x, y).filter((p) => p.op === 'same').length;
  return kept / Math.max(x.length, y.length);
}

/**
 * Paragraph-level edit from `before` to `after`. A paragraph removed where another is
 * added in its place, and sharing at least a third of its words, shows as one changed
 * paragraph with its words marked.
 */
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphDiff[] {
  const parts = diffSequence(before, after);
  const out: ParagraphDiff[] = [];
  let k = 0;
  while (k < parts.length) {
    if (parts[k]!.op === 'same') {
      out.push({ op: 'same', text: parts[k]!.value });
      k++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < parts.length && parts[k]!.op !== 'same') {
      const p = parts[k++]!;
      (p.op === 'removed' ? removed : added).push(p.value);
    }
    const pairs = Math.min(removed.length, added.length);
    for (let n = 0; n < pairs; n++) {
      const [r, a] = [removed[n]!, added[n]!];
      if (likeness(r, a) >= 1 / 3) out.push({ op: 'changed', before: r, words: diffWords(r, a) });
      else out.push({ op: 'removed', text: r }, { op: 'added', text: a });
    }
    for (const text of removed.slice(pairs)) out.push({ op: 'removed', text });
    for (const text of added.slice(pairs)) out.push({ op: 'added', text });
  }
  return out;
}

/** Text split into paragraphs at empty lines, as the letter editor writes them. */
export const splitParagraphs = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** Text split into its non-empty lines. */
export const splitLines = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Whether a diff holds any change at all. */
export const hasChanges = (d: readonly { op: string }[]) => d.some((p) => p.op !== 'same');
