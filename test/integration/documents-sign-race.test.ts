import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestCore } from '../support/core';
import { PASSWORD, paperOffice, pegantenanToSigning } from './paper';

// A signature is checked, then its letter is rendered (a pause of some milliseconds), then
// committed. What happens to the draft meanwhile is checked again at the commit. The render
// is wrapped so that a test can act at that very moment, through the real core on a real file.
const duringRender: { act: (() => Promise<void>) | null } = { act: null };
vi.mock('../../main/core/documents/registry', async (original) => {
  const real = await original<typeof import('../../main/core/documents/registry')>();
  return {
    ...real,
    renderDocx: async (...args: Parameters<typeof real.renderDocx>) => {
      const act = duringRender.act;
      duringRender.act = null;
      await act?.();
      return real.renderDocx(...args);
    },
  };
});

let t: TestCore | undefined;
afterEach(() => t?.dispose());

describe('a draft returned while its signature is being prepared', () => {
  it('is not signed nor numbered, and its complaint goes back to the drafter', async () => {
    // Tue 24 Nov 2026 09.00 WIB, Kec. Pegantenan: the answer initialled, at step 10.
    const o = await paperOffice('pegantenan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    const id = await o.record();
    const draft = await pegantenanToSigning(o, id);
    duringRender.act = async () => {
      await o.act('camat', 'documents.return', { id: draft.id, reason: 'Sebutkan tanggal penambalan.' });
    };
    const refused = await o.refuse('camat', 'documents.sign', { id: draft.id, password: PASSWORD });
    expect(duringRender.act).toBeNull();
    expect(refused).toMatchObject({ code: 'conflict', message: 'Draf ini baru saja dikembalikan untuk diperbaiki dan tidak ditandatangani; tunggu versi barunya.' });
    expect(await o.act('camat', 'documents.get', { id: draft.id })).toMatchObject({ status: 'draf', number: '', returned: expect.objectContaining({ reason: 'Sebutkan tanggal penambalan.' }) });
    expect((await o.journey(id)).current?.stepNo).toBe(7);
  });
});
