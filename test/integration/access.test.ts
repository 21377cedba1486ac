import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract';
import type { SessionCarrier } from '../../main/core/context';
import { addUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// Every call that takes a complaint, document, disposition or attachment id, called by
// every role on every kind of complaint: exactly the expected ones get past the gates.

const PNG = {
  fileName: 'ktp-siti.png',
  mime: 'image/png',
  dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
};

const ROLES = ['staf', 'kasiDisposed', 'kasiOther', 'sekcam', 'camat', 'admin'] as const;
type Who = (typeof ROLES)[number];
const COMPLAINTS = ['plain', 'anonim', 'rahasia', 'elsewhere'] as const;
type Which = (typeof COMPLAINTS)[number];

// Who may open which complaint ('elsewhere' is disposed to a third Kasi).
const SEE: Record<Who, readonly Which[]> = {
  staf: COMPLAINTS,
  kasiDisposed: ['plain', 'anonim', 'rahasia'],
  kasiOther: [],
  sekcam: COMPLAINTS,
  camat: COMPLAINTS,
  admin: [],
};
// Who may see the reporter's identity: anonim only the Camat and the receiving Staf.
const IDENTITY: Record<Who, readonly Which[]> = {
  staf: COMPLAINTS,
  kasiDisposed: ['plain', 'rahasia'],
  kasiOther: [],
  sekcam: ['plain', 'rahasia', 'elsewhere'],
  camat: COMPLAINTS,
  admin: [],
};

interface Fixture {
  id: number;
  documentId: number;
  attachmentId: number;
  dispositionId: number;
  disposedTo: number;
}

const ALL: readonly Who[] = ROLES.filter((r) => r !== 'admin');
const LEADERS_STAF: readonly Who[] = ['staf', 'sekcam', 'camat'];

// The contract's role gate per call, and how to build its input.
const CALLS: { name: CallName; roles: readonly Who[]; identity?: true; input: (c: Fixture) => unknown }[] = [
  { name: 'complaints.get', roles: ALL, input: (c) => ({ id: c.id }) },
  { name: 'complaints.receipt', roles: ALL, input: (c) => ({ id: c.id }) },
  { name: 'complaints.receiptDocx', roles: ALL, input: (c) => ({ id: c.id }) },
  { name: 'complaints.attachment', roles: ALL, input: (c) => ({ id: c.attachmentId }) },
  { name: 'complaints.personalData', roles: ALL, identity: true, input: (c) => ({ id: c.id, reason: 'Konfirmasi alamat untuk undangan klarifikasi' }) },
  { name: 'workflow.journey', roles: ALL, input: (c) => ({ id: c.id }) },
  { name: 'workflow.advance', roles: ALL, input: (c) => ({ id: c.id }) },
  { name: 'workflow.takeOver', roles: ALL, input: (c) => ({ id: c.id, reason: 'Kasi sedang dinas luar.' }) },
  { name: 'workflow.undoStep', roles: ALL, input: (c) => ({ id: c.id }) },
  { name: 'workflow.dispose', roles: ALL, input: (c) => ({ id: c.id, to: [c.disposedTo], sifat: 'biasa', instructions: ['proses_lanjut'] }) },
  { name: 'workflow.withdrawDisposition', roles: ALL, input: (c) => ({ dispositionId: c.dispositionId }) },
  { name: 'workflow.returnDisposition', roles: ['kasiDisposed', 'kasiOther'], input: (c) => ({ dispositionId: c.dispositionId, reason: 'Bukan tugas seksi kami' }) },
  { name: 'workflow.followUp', roles: ALL, input: (c) => ({ id: c.id, kind: 'klarifikasi', text: 'Sudah dicek ke lapangan.' }) },
  { name: 'workflow.exit', roles: LEADERS_STAF, input: (c) => ({ id: c.id, exit: 'ditolak', note: 'Bukan pengaduan.' }) },
  { name: 'workflow.resume', roles: LEADERS_STAF, input: (c) => ({ id: c.id, note: 'Berkas lengkap.' }) },
  { name: 'documents.list', roles: ALL, input: (c) => ({ complaintId: c.id }) },
  { name: 'documents.get', roles: ALL, input: (c) => ({ id: c.documentId }) },
  { name: 'documents.docx', roles: ALL, input: (c) => ({ id: c.documentId }) },
  { name: 'documents.scan', roles: ALL, input: (c) => ({ id: c.documentId }) },
  { name: 'documents.draft', roles: ALL, input: (c) => ({ complaintId: c.id, kind: 'surat_tanggapan' }) },
  { name: 'documents.revise', roles: ALL, input: (c) => ({ id: c.documentId, rowVersion: 1, content: { hal: 'Tanggapan', body: ['Isi surat.'] } }) },
  { name: 'documents.paraf', roles: ALL, input: (c) => ({ id: c.documentId }) },
  { name: 'documents.return', roles: ALL, input: (c) => ({ id: c.documentId, reason: 'Perbaiki isinya' }) },
  { name: 'documents.sign', roles: ['sekcam', 'camat'], input: (c) => ({ id: c.documentId, password: 'bukan-sandinya' }) },
  { name: 'documents.printWet', roles: LEADERS_STAF, input: (c) => ({ id: c.documentId, signerId: 1 }) },
  { name: 'documents.signWet', roles: LEADERS_STAF, input: (c) => ({ id: c.documentId, printedAt: '2026-11-24T02:00:00.000Z', scan: PNG }) },
  { name: 'documents.deliver', roles: ALL, input: (c) => ({ complaintId: c.id, channel: 'langsung', deliveredAt: '2026-11-24T08:00', recipient: 'Pelapor' }) },
  { name: 'documents.archive', roles: ALL, input: (c) => ({ complaintId: c.id, location: 'Ordner 1' }) },
];

const ROLE_GATE = /tidak berwenang untuk tindakan ini/;
const ROW_GATE = /tidak didisposisikan kepada Anda sehingga tidak dapat dibuka/;
const IDENTITY_GATE = /Identitas pelapor pengaduan ini hanya/;
// A Kasi passes the contract's gate of documents.sign but signs only on a day he is
// appointed Plt./Plh. (nobody is here), so he stays outside its roles above.
const ACTING_GATE = /hari ini Anda tidak tercatat/;

let t: TestCore;
const s = {} as Record<Who | 'staf2', SessionCarrier>;
const c = {} as Record<Which, Fixture>;

const userId = (username: string) => (t.core.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;

beforeAll(async () => {
  t = makeCore();
  s.admin = await setupOffice(t.core);
  s.staf = await addUser(t.core, s.admin, 'staf', 'staf');
  s.staf2 = await addUser(t.core, s.admin, 'staf2', 'staf');
  s.kasiDisposed = await addUser(t.core, s.admin, 'kasi1', 'kasi');
  s.kasiOther = await addUser(t.core, s.admin, 'kasi2', 'kasi');
  const kasi3 = await addUser(t.core, s.admin, 'kasi3', 'kasi');
  s.sekcam = await addUser(t.core, s.admin, 'sekcam', 'sekcam');
  s.camat = await addUser(t.core, s.admin, 'camat', 'camat');
  const reporter = sampleComplaint().reporter;
  const inputs: Record<Which, Parameters<typeof sampleComplaint>[0]> = {
    plain: {},
    anonim: { reporter: { ...reporter, name: 'Budi Santoso', anonymous: true } },
    rahasia: { reporter: { ...reporter, name: 'Wati Kusuma', confidential: true } },
    elsewhere: { reporter: { ...reporter, name: 'Joko Lelono' } },
  };
  for (const which of COMPLAINTS) {
    const made = await ok(t.core, s.staf, 'complaints.create', sampleComplaint({ ...inputs[which], attachments: [PNG] }));
    const to = which === 'elsewhere' ? userId('kasi3') : userId('kasi1');
    await ok(t.core, s.staf, 'workflow.dispose', { id: made.id, to: [to], sifat: 'biasa', instructions: ['proses_lanjut'] });
    // Opened, so that nobody can withdraw it during the walk.
    await ok(t.core, which === 'elsewhere' ? kasi3 : s.kasiDisposed, 'workflow.journey', { id: made.id });
    const docs = await ok(t.core, s.staf, 'documents.list', { complaintId: made.id });
    c[which] = {
      id: made.id,
      documentId: docs.find((d) => d.kind === 'tanda_terima')!.id,
      attachmentId: made.attachments[0]!.id,
      dispositionId: (t.core.db.prepare('SELECT id FROM dispositions WHERE complaint_id = ?').get(made.id) as { id: number }).id,
      disposedTo: to,
    };
  }
});
afterAll(() => t.dispose());

describe('one access rule for every complaint', () => {
  it('lets exactly the allowed roles past the gates of every call', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const spec of CALLS) {
      for (const which of COMPLAINTS) {
        for (const who of ROLES) {
          const key = `${spec.name} ${which} ${who}`;
          const allowed = spec.roles.includes(who) && SEE[who].includes(which) && (!spec.identity || IDENTITY[who].includes(which));
          want.push(`${key}: ${allowed ? 'pass' : 'refused'}`);
          const r = await t.core.call(spec.name, spec.input(c[which]), s[who]);
          const refused = !r.ok && [ROLE_GATE, ROW_GATE, IDENTITY_GATE, ACTING_GATE].some((re) => re.test(r.error.message));
          if (!r.ok && !refused && r.error.code === 'internal') throw new Error(`${key}: ${r.error.message}`);
          got.push(`${key}: ${refused ? 'refused' : 'pass'}`);
        }
      }
    }
    expect(got).toEqual(want);
  });

  it('shows the register to every handler with the names they may not see masked, and never finds them by name', async () => {
    const names = async (who: Who | 'staf2', q = '') =>
      (await ok(t.core, s[who], 'complaints.list', { q, sort: 'reporterName', dir: 'asc' })).rows.map((r) => r.reporterName);
    expect(await names('camat')).toEqual(['Anonim', 'Joko Lelono', 'Siti Aminah', 'Wati Kusuma']);
    expect(await names('kasiDisposed')).toEqual(['••••••••', 'Anonim', 'Siti Aminah', 'Wati Kusuma']);
    expect((await names('kasiOther')).filter((n) => /[a-z]/i.test(n))).toEqual(['Anonim']);
    // Anonim and rahasia names are not in the search index; a masked name is not searchable.
    for (const who of ['camat', 'staf'] as const) {
      expect(await names(who, 'Budi')).toEqual([]);
      expect(await names(who, 'Wati')).toEqual([]);
    }
    expect(await names('camat', 'Joko')).toEqual(['Joko Lelono']);
    expect(await names('kasiDisposed', 'Joko')).toEqual([]);
    expect(await names('kasiDisposed', 'Krajan')).toHaveLength(4);
  });

  it('shows an anonymous identity only to the Camat and the Staf who received it', async () => {
    const name = async (who: Who | 'staf2') => (await ok(t.core, s[who], 'complaints.get', { id: c.anonim.id })).reporter;
    expect((await name('camat')).name).toBe('Budi Santoso');
    expect((await name('staf')).nik).toBe('3514015506800002');
    for (const who of ['staf2', 'sekcam', 'kasiDisposed'] as const) {
      const r = await name(who);
      expect(r.name).toBe('Anonim');
      expect(JSON.stringify(r)).not.toMatch(/3514|0812|Krajan/);
    }
    const detail = await ok(t.core, s.sekcam, 'complaints.get', { id: c.anonim.id });
    expect(detail.attachments[0]!.fileName).toBe('Berkas 1');
    expect((await ok(t.core, s.sekcam, 'complaints.attachment', { id: c.anonim.attachmentId })).fileName).not.toMatch(/siti/);
  });

  it('records every opening of personal data, readable by the Camat and the Admin by register number', async () => {
    await ok(t.core, s.camat, 'complaints.personalData', { id: c.plain.id, reason: 'Menelepon pelapor untuk klarifikasi' });
    const views = await ok(t.core, s.admin, 'audit.personalDataViews', {});
    expect(views[0]).toMatchObject({ actorName: 'camat', actorRole: 'camat', complaintId: c.plain.id, reason: 'Menelepon pelapor untuk klarifikasi' });
    expect(views[0]!.registerNo).toMatch(/\//);
    expect(JSON.stringify(views)).not.toMatch(/3514|0812|Siti/);
    expect(views.some((v) => v.complaintId === c.rahasia.id)).toBe(true);
    expect((await t.core.call('audit.personalDataViews', {}, s.staf)).ok).toBe(false);
  });

  it("records each opening of a rahasia complaint's tanda terima, which names the reporter, and not a plain one's", async () => {
    const viewsOf = async (id: number) => (await ok(t.core, s.admin, 'audit.personalDataViews', {})).filter((v) => v.complaintId === id && v.actorRole === 'sekcam').map((v) => v.reason);
    const before = await viewsOf(c.rahasia.id);
    expect((await ok(t.core, s.sekcam, 'complaints.receipt', { id: c.rahasia.id })).rows.map((r) => r.value).join(' ')).toContain('Krajan');
    await ok(t.core, s.sekcam, 'complaints.receiptDocx', { id: c.rahasia.id });
    expect(await viewsOf(c.rahasia.id)).toEqual(['Mengunduh tanda terima (DOCX)', 'Membuka tanda terima', ...before]);
    // The same paper through the documents' own calls (the complaint page's Dokumen card).
    const receipt = (await ok(t.core, s.sekcam, 'documents.list', { complaintId: c.rahasia.id })).find((d) => d.kind === 'tanda_terima')!;
    await ok(t.core, s.sekcam, 'documents.get', { id: receipt.id });
    await ok(t.core, s.sekcam, 'documents.docx', { id: receipt.id });
    expect((await viewsOf(c.rahasia.id)).slice(0, 2)).toEqual(['Mengunduh tanda terima pengaduan (DOCX)', 'Membuka tanda terima pengaduan']);
    const plainBefore = await viewsOf(c.plain.id);
    await ok(t.core, s.sekcam, 'complaints.receipt', { id: c.plain.id });
    expect(await viewsOf(c.plain.id)).toEqual(plainBefore);
  });

  it('refuses before storing an uploaded file', async () => {
    const dir = join(t.dir, 'lampiran');
    const before = readdirSync(dir).length;
    const other = { ...PNG, dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwAD/wGAJmBV8AAAAABJRU5ErkJggg==' };
    for (const [name, input] of [
      ['workflow.followUp', { id: c.elsewhere.id, kind: 'klarifikasi', text: 'Sudah dicek ke lapangan.', attachments: [other] }],
      ['documents.deliver', { complaintId: c.elsewhere.id, channel: 'langsung', deliveredAt: '2026-11-24T08:00', recipient: 'Pelapor', proof: [other] }],
    ] as const) {
      expect((await t.core.call(name, input, s.kasiDisposed)).ok).toBe(false);
    }
    expect((await t.core.call('documents.signWet', { id: c.plain.documentId, printedAt: '2026-11-24T02:00:00.000Z', scan: other }, s.staf)).ok).toBe(false);
    expect(readdirSync(dir)).toHaveLength(before);
  });
});
