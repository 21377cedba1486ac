import type { SignatureView } from '../../../shared/documents/common';
import type { OfficeProfile } from '../../../shared/schemas/office';
import { localDate } from '../../../shared/time/workingTime';
import type { Db } from '../db/open';
import { TanggapError } from '../errors';
import { stmt } from '../db/statements';
import { getOffice } from '../office/settings';
import { nipLine } from '../../../shared/text/numbers';

// Who signs for the head of the office, and how the signature block says it:
//   own name  CAMAT KEJAYAN, / name / pangkat / NIP
//   a.n.      a.n. CAMAT KEJAYAN / SEKRETARIS KECAMATAN, / name / …
//   Plt./Plh. Plt. CAMAT KEJAYAN / SEKRETARIS KECAMATAN, / name / …

export interface SignerUser {
  id: number;
  name: string;
  nip: string;
  jabatan: string;
  pangkat: string;
  role: string;
  signature_image: string;
}

export type Capacity = '' | 'a.n.' | 'Plt.' | 'Plh.';

const userColumns = 'id, name, nip, jabatan, pangkat, role, signature_image';

/** A user's name, for the papers' and the lists' words ('' for none). */
export const userName = (db: Db, id: number): string => (stmt(db, 'SELECT name FROM users WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';

export function signerUser(db: Db, id: number): SignerUser {
  return db.prepare(`SELECT ${userColumns} FROM users WHERE id = ?`).get(id) as SignerUser;
}

/** Plt. or Plh. when an acting period covers the date (YYYY-MM-DD in the office's zone). */
export function actingCapacity(db: Db, userId: number, date: string): 'Plt.' | 'Plh.' | null {
  // Asked with every Kasi's menu numbers (signsForHead): prepared once per connection.
  const row = stmt(db, 'SELECT kind FROM acting_officials WHERE user_id = ? AND from_date <= ? AND to_date >= ? ORDER BY id DESC LIMIT 1').get(userId, date, date) as
    | { kind: 'plt' | 'plh' }
    | undefined;
  return row ? (row.kind === 'plt' ? 'Plt.' : 'Plh.') : null;
}

/**
 * Whether `user` signs for the head of office on screen on `at`'s date (in the office's
 * zone), and so has a signature queue: the head, the Sekcam (a.n. where allowed, or as
 * Plt./Plh.) and a Kasi only while the Admin has him appointed Plt./Plh. Only signing
 * follows the appointment; a Kasi's other acts keep to his role.
 */
export function signsForHead(db: Db, user: { id: number; role: string }, at: string): boolean {
  if (user.role === 'camat' || user.role === 'sekcam') return true;
  return user.role === 'kasi' && actingAt(db, user.id, at);
}

/** Whether an acting period (Plt./Plh.) covers the office's date of the instant `at`; `timeZone`: the office's, when the caller has read it. */
export const actingAt = (db: Db, userId: number, at: string, timeZone: OfficeProfile['timeZone'] = getOffice(db).timeZone) =>
  actingCapacity(db, userId, localDate(at, timeZone)) !== null;

/** Refuses, before anything else is looked at, a Kasi not acting for the head of office on `at`'s date. */
export function requireSignsForHead(db: Db, user: { id: number; role: string }, at: string): void {
  if (signsForHead(db, user, at)) return;
  const head = getOffice(db).headTitle;
  throw new TanggapError(
    'forbidden',
    `Kasi dapat menandatangani di aplikasi hanya pada hari ia tercatat sebagai Plt./Plh. ${head}; hari ini Anda tidak tercatat. Bila Anda ditunjuk, minta Admin mencatatnya di Pengaturan › Pejabat Plt./Plh.`,
  );
}

/**
 * The capacity in which `user` may sign on `at`, or null: the head of office in his own
 * name, anyone appointed Plt./Plh. for that date, the Sekcam a.n. the head where
 * `allowOnBehalf` (the standard or the kind of letter lets him).
 */
export function capacityIfAny(db: Db, user: { id: number; role: string }, timeZone: OfficeProfile['timeZone'], at: string, allowOnBehalf: () => boolean): Capacity | null {
  if (user.role === 'camat') return '';
  const acting = actingCapacity(db, user.id, localDate(at, timeZone));
  if (acting) return acting;
  return user.role === 'sekcam' && allowOnBehalf() ? 'a.n.' : null;
}

/** capacityIfAny, or a refusal saying who may sign. */
export function capacityOf(db: Db, user: SignerUser, office: OfficeProfile, at: string, allowOnBehalf: boolean): Capacity {
  const capacity = capacityIfAny(db, user, office.timeZone, at, () => allowOnBehalf);
  if (capacity !== null) return capacity;
  throw new TanggapError(
    'forbidden',
    `Dokumen ini ditandatangani ${office.headTitle}${allowOnBehalf ? ' atau Sekretaris a.n. pimpinan' : ''}. Bila Anda ditunjuk sebagai Plt./Plh., minta Admin mencatatnya di Pengaturan › Pejabat Plt./Plh.`,
  );
}

export function signatureView(
  user: Pick<SignerUser, 'name' | 'nip' | 'jabatan' | 'pangkat'>,
  office: OfficeProfile,
  capacity: Capacity,
  opts: { image?: string; stamp?: boolean } = {},
): SignatureView {
  const head = office.headTitle.toUpperCase();
  const own = `${(user.jabatan || '').toUpperCase()},`;
  const caption = capacity === '' ? [`${head},`] : [`${capacity} ${head}`, own];
  return {
    caption,
    name: user.name,
    after: [user.pangkat, nipLine(user.nip)].filter((s) => s !== ''),
    image: opts.image ?? '',
    official: true,
    stamp: opts.stamp ?? true,
  };
}

type Signer = { user: SignerUser; capacity: Capacity };

/** Who a draft expects to sign: the active head of office, else whoever acts for them today. */
export function expectedSigner(db: Db, office: OfficeProfile, at: string): Signer | null {
  return activeHead(db) ?? actingOn(db, office, at);
}

/** The active head of office, signing in their own name. */
export function activeHead(db: Db): Signer | null {
  const camat = stmt(db, `SELECT ${userColumns} FROM users WHERE role = 'camat' AND active = 1 ORDER BY id LIMIT 1`).get() as SignerUser | undefined;
  return camat ? { user: camat, capacity: '' } : null;
}

/** Whoever is appointed Plt./Plh. on the office's date of `at` (the latest appointment). */
export function actingOn(db: Db, office: OfficeProfile, at: string): Signer | null {
  const date = localDate(at, office.timeZone);
  const acting = stmt(
    db,
    `SELECT u.id, u.name, u.nip, u.jabatan, u.pangkat, u.role, u.signature_image, a.kind FROM acting_officials a JOIN users u ON u.id = a.user_id
     WHERE a.from_date <= ? AND a.to_date >= ? AND u.active = 1 ORDER BY a.id DESC LIMIT 1`,
  ).get(date, date) as (SignerUser & { kind: 'plt' | 'plh' }) | undefined;
  return acting ? { user: acting, capacity: acting.kind === 'plt' ? 'Plt.' : 'Plh.' } : null;
}

/** Office data a signed letter cannot go without; the message names what to fill in and where. */
export function requireSignerData(user: SignerUser, onScreen: boolean): void {
  if (user.nip.replace(/\D/g, '') === '') {
    throw new TanggapError('conflict', `NIP ${user.name} belum diisi: minta Admin mengisinya di Pengaturan › Pengguna sebelum menandatangani.`);
  }
  if (onScreen && user.signature_image === '') {
    // A Kasi acting for the head signs on screen only: the Staf records signatures by hand.
    const orWet = user.role === 'kasi' ? '' : ', atau pilih "Cetak untuk tanda tangan basah" dan tandatangani naskahnya dengan tangan';
    throw new TanggapError('conflict', `Contoh tanda tangan Anda belum diunggah: buka Akun saya › Contoh tanda tangan dan unggah gambarnya${orWet}.`);
  }
}
