/** "a, b dan c" (or "atau"): each word once, in the order first given. */
/** The text with its first letter capital: "permintaan informasi" → "Permintaan informasi". */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function listWords(words: readonly string[], conjunction: 'dan' | 'atau'): string {
  const unique = [...new Set(words)];
  return unique.length < 2 ? unique.join('') : `${unique.slice(0, -1).join(', ')} ${conjunction} ${unique.at(-1)}`;
}
