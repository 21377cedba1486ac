import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signaturePng } from './paper';
import { addUser, fail, makeCore, ok, setupOffice, type TestCore } from '../support/core';

// The Admin's "Langkah berikutnya" card after setup: each step is read from the
// office's data, and the card can be hidden for good.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

describe('next steps after setup', () => {
  it('ticks each step from the office data and stays hidden once dismissed', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const none = { users: false, standard: false, calendar: false, logo: false, camatNip: false, backup: false };
    expect(await ok(t.core, admin, 'setup.nextSteps', {})).toEqual({ dismissed: false, done: none });

    for (const role of ['staf', 'kasi', 'sekcam'] as const) await addUser(t.core, admin, role, role);
    expect((await ok(t.core, admin, 'setup.nextSteps', {})).done.users).toBe(false);
    const camat = await addUser(t.core, admin, 'camat', 'camat');
    // addUser gives every account a NIP, so the Camat's is there too.
    expect((await ok(t.core, admin, 'setup.nextSteps', {})).done).toMatchObject({ users: true, camatNip: true });

    await ok(t.core, admin, 'standard.update', await ok(t.core, admin, 'standard.get', {}));
    await ok(t.core, admin, 'calendar.update', await ok(t.core, admin, 'calendar.get', {}));
    const office = await ok(t.core, admin, 'office.get', {});
    await ok(t.core, admin, 'office.update', { ...office, logo: signaturePng() });
    expect((await ok(t.core, admin, 'setup.nextSteps', {})).done.backup).toBe(false);
    const backups = mkdtempSync(join(tmpdir(), 'tanggap-cadangan-'));
    try {
      await ok(t.core, admin, 'backup.updateSettings', { folder: backups, keep: 3, daily: true, rowVersion: (await ok(t.core, admin, 'backup.status', {})).settings.rowVersion });
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }
    expect(await ok(t.core, admin, 'setup.nextSteps', {})).toEqual({
      dismissed: false,
      done: { users: true, standard: true, calendar: true, logo: true, camatNip: true, backup: true },
    });

    expect((await ok(t.core, admin, 'setup.dismissNextSteps', {})).dismissed).toBe(true);
    expect((await ok(t.core, admin, 'setup.nextSteps', {})).dismissed).toBe(true);
    // Only the Admin sees or hides it.
    expect((await fail(t.core, camat, 'setup.nextSteps', {})).code).toBe('forbidden');
  });

  it('counts a Camat without NIP as not done', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    await ok(t.core, admin, 'users.create', {
      username: 'camat',
      password: 'kata-sandi-123',
      user: { name: 'Pak Camat', nip: '', jabatan: 'Camat', pangkat: '', role: 'camat', seksi: '', active: true },
    });
    expect((await ok(t.core, admin, 'setup.nextSteps', {})).done.camatNip).toBe(false);
  });
});
