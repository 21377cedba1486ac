/** The text with its first letter capital: "permintaan informasi" → "Permintaan informasi". */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "a, b dan c" (or "atau"): each word once, in the order first given. */
export function listWords(words: readonly string[], conjunction: 'dan' | 'atau'): string {
  const unique = [...new Set(words)];
  return unique.length < 2 ? unique.join('') : `${unique.slice(0, -1).join(', ')} ${conjunction} ${unique.at(-1)}`;
}

/**
 * A subject typed as a heading ("Atap ruang kelas SD bocor") as it reads inside a sentence:
 * "perihal atap ruang kelas SD bocor". Only a plain capitalised first word followed by a
 * lower-case one goes lower case; a word in capitals ("KTP"), with a dot or a digit, or
 * followed by a capitalised word ("Dusun Krajan banjir", "Pak Kades …") may be a name or a
 * term, and stays as typed.
 */
export function inSentence(subject: string): string {
  const [first, second] = subject.trim().split(/\s+/);
  if (!first || !/^\p{Lu}\p{Ll}+$/u.test(first) || (second !== undefined && !/^\p{Ll}/u.test(second))) return subject;
  return subject.replace(first, first.toLowerCase());
}
