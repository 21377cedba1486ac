import { describe, expect, it } from 'vitest';
import { draftContentSchema } from './documents';

describe('the body of a letter', () => {
  it('names the paragraph that is too long, and by how much', () => {
    const long = `Berdasarkan hasil peninjauan lapangan ${'x'.repeat(3970)}`;
    const r = draftContentSchema.safeParse({ hal: 'Tanggapan', body: ['Dengan hormat,', long] });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['body.1', 'Paragraf ke-2 ("Berdasarkan hasil peninjauan lapangan xx…") 4.008 karakter; satu paragraf paling panjang 4.000. Pecah dengan baris kosong menjadi beberapa paragraf.'],
    ]);
    expect(draftContentSchema.parse({ hal: 'Tanggapan', body: ['Dengan hormat,', long.slice(0, 4000)] }).body).toHaveLength(2);
  });
});
