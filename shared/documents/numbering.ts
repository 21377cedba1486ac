// How the office's number patterns become numbers: the letters' outgoing numbers and
// the complaint register number share one set of placeholders, so the admin learns
// them once, and the settings page previews exactly what the core will write.

export const NUMBER_PLACEHOLDERS = ['urut', 'unit', 'tahun', 'bulan', 'bulan_romawi'] as const;
export type NumberPlaceholder = (typeof NUMBER_PLACEHOLDERS)[number];

/** Today's register number, 0001/PGD/2026, as a pattern. */
export const DEFAULT_REGISTER_PATTERN = '{urut}/PGD/{tahun}';
/** The register's {urut} keeps its four digits (0001), as the register book writes it. */
export const REGISTER_URUT_DIGITS = 4;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

export interface NumberParts {
  urut: number;
  /** The kode unit from the office profile. */
  unit: string;
  year: number;
  /** 1–12. */
  month: number;
}

/** The {names} a pattern uses that are not number placeholders; empty when all are known. */
export function unknownNumberPlaceholders(pattern: string): string[] {
  const names = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !(NUMBER_PLACEHOLDERS as readonly string[]).includes(n)))];
}

export const placeholderList = () => NUMBER_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

/** Fills a pattern; an unknown {name} stays as typed (the schemas refuse it before saving). */
export function fillNumberPattern(pattern: string, parts: NumberParts, urutDigits = 1): string {
  const values: Record<NumberPlaceholder, string> = {
    urut: String(parts.urut).padStart(urutDigits, '0'),
    unit: parts.unit,
    tahun: String(parts.year),
    bulan: String(parts.month).padStart(2, '0'),
    bulan_romawi: ROMAN[parts.month - 1] ?? '',
  };
  return pattern.trim().replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name as NumberPlaceholder] ?? whole);
}
