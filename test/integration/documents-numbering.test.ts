import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestCore } from '../support/core';
import { paperOffice } from './paper';

// Signatures that overlap. A signature renders its DOCX with the next free number before
// its transaction; rendering here yields to the event loop (as a large letter does), so
// twelve signatures at once plan the same number and all but one must take the next.
// Everything else is the real core on a real SQLite file.

const renders = vi.hoisted(() => ({ signed: 0 }));
vi.mock('../../main/core/documents/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/core/documents/registry')>();
  return {
    ...real,
    renderDocx: async (content: Parameters<typeof real.renderDocx>[0]) => {
      if (content.family === 'letter' && content.view.verification) {
        renders.signed++;
        await new Promise((r) => setTimeout(r, 5));
      }
      return real.renderDocx(content);
    },
  };
});

let t: TestCore | undefined;
afterEach(() => t?.dispose());

describe('numbering when signatures collide', () => {
  it('renders again with the next number and leaves no gap and no duplicate', async () => {
    const o = await paperOffice('kejayan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    const letters: number[] = [];
    for (let i = 0; i < 12; i++) {
      const id = await o.record();
      await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: `Urusan instansi lain ${i + 1}.`, forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
      letters.push((await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!.id);
    }
    o.later(30);
    renders.signed = 0;
    const signed = await Promise.all(letters.map((id) => o.sign('camat', id)));
    // They did collide: some signatures were rendered more than once.
    expect(renders.signed).toBeGreaterThan(12);
    const seqs = signed.map((d) => Number(/^000\.8\.3\.4\/(\d+)\/Kec-Kjy\/2026$/.exec(d.number)?.[1]));
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // The stored DOCX carries the number the letter finally got, not the one first planned.
    for (const d of signed) {
      const text = (await o.docx(d.id)).text;
      expect(text).toContain(d.number);
      for (const other of signed) if (other.id !== d.id) expect(text).not.toContain(other.number);
    }
    expect(await o.act('camat', 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
