import type { z } from 'zod';
import type { documentSettingsSchema, DocumentSettings } from '../../../../shared/schemas/documents';

// The document settings as the screen edits them: the schema's own shape, so the
// core's field paths ('templates.penerusan.body') are the form's names.
export type SettingsForm = z.input<typeof documentSettingsSchema>;
export type { DocumentSettings };

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A letter number as the core fills the pattern: {urut} the running number of the
 * year, {unit} the office's unit code, {tahun} the four-digit year, {bulan} the
 * two-digit month (01–12).
 */
export function exampleNumber(pattern: string, values: { urut: number; unit: string; year: number; month: number }): string {
  const fill: Record<string, string> = { urut: String(values.urut), unit: values.unit, tahun: String(values.year), bulan: pad2(values.month) };
  return pattern.trim().replace(/\{([^{}]*)\}/g, (whole, name: string) => fill[name] ?? whole);
}
