import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/core/demo/seed';
import { documentActions, signableDrafts } from '../../main/core/documents/service';
import type { DocRow } from '../../main/core/documents/store';
import { rowToUser, type UserRow } from '../../main/core/users/rows';
import { SIGNED_KINDS } from '../../shared/documents/kinds';
import { makeCore, type TestCore } from '../support/core';

// The signature queue (and the menu's count of it) passes over drafts still being drafted
// or initialled without loading their complaints; it must hold exactly the drafts the
// document rules let each user sign, at every moment of a demo office's year.
let t: TestCore;
beforeAll(async () => {
  t = makeCore('2026-11-25T03:00:00.000Z');
  await seedDemo(t.core.deps, 40);
}, 240_000);
afterAll(() => t?.dispose());

describe('signableDrafts', () => {
  it('equals the drafts documentActions lets each user sign', () => {
    const db = t.core.db;
    const users = (db.prepare('SELECT * FROM users WHERE active = 1').all() as UserRow[]).map(rowToUser);
    const drafts = db
      .prepare(`SELECT * FROM issued_documents WHERE status = 'draf' AND superseded_by IS NULL AND kind IN (${SIGNED_KINDS.map(() => '?').join(',')}) ORDER BY created_at, id`)
      .all(...SIGNED_KINDS) as DocRow[];
    let signable = 0;
    let notYet = 0;
    for (const at of ['2026-03-02T02:00:00.000Z', '2026-11-25T03:00:00.000Z', '2026-12-31T09:00:00.000Z']) {
      for (const user of users) {
        const want = drafts.filter((d) => documentActions(db, user, d, at).includes('sign')).map((d) => d.id);
        expect(signableDrafts(db, user, at).map((d) => d.id), `${user.username} ${at}`).toEqual(want);
        signable += want.length;
        notYet += drafts.filter((d) => documentActions(db, user, d, at).includes('paraf') || documentActions(db, user, d, at).includes('revise')).length;
      }
    }
    // The office has drafts to sign and drafts not yet at the signature, for the comparison to mean something.
    expect(signable).toBeGreaterThan(0);
    expect(notYet).toBeGreaterThan(0);
  });
});
