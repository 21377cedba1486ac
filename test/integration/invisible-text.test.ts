import { afterEach, describe, expect, it } from 'vitest';
import { addUser, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// Text pasted with invisible characters, through the real core on a real file: a name
// that reads backwards on screen, a required field that holds only a zero-width space.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

describe('invisible characters in a complaint', () => {
  it('stores the text without them, and refuses a required field that held nothing else', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const staf = await addUser(t.core, admin, 'staf1', 'staf');
    const reporter = sampleComplaint().reporter;
    const empty = await fail(t.core, staf, 'complaints.create', sampleComplaint({ reporter: { ...reporter, name: '\u200b' }, subject: '\u202e' }));
    expect(empty.code).toBe('validation');
    expect(empty.fields).toMatchObject({ 'reporter.name': expect.stringMatching(/^Nama pelapor wajib diisi/), subject: expect.stringContaining('wajib diisi') });
    const made = await ok(
      t.core,
      staf,
      'complaints.create',
      sampleComplaint({ reporter: { ...reporter, name: 'Budi\u0000\u202eTSET\u202c' }, description: 'Jalan rusak\r\nsejak bulan lalu\u0007.' }),
    );
    const seen = await ok(t.core, staf, 'complaints.get', { id: made.id });
    expect(seen.reporter.name).toBe('BudiTSET');
    expect(seen.description).toBe('Jalan rusak\nsejak bulan lalu.');
  });
});
