import { expect } from 'vitest';
import { PNG } from 'pngjs';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ComplaintKind } from '../../shared/domain';
import type { SessionCarrier } from '../../main/core/context';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { ADMIN, carrier, createUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { readDocx } from '../support/docx';

// An office on a preset for the paper-trail tests: one user per role with a NIP, the
// Camat's and the Sekcam's signature specimens uploaded, and one session per user.

export const PASSWORD = 'kata-sandi-123';
export const USERS = [
  { username: 'staf', role: 'staf', name: 'Dewi Lestari', jabatan: 'Pengadministrasi Umum', nip: '199003142015032002' },
  { username: 'kasi1', role: 'kasi', name: 'Agus Salim', jabatan: 'Kasi Pelayanan', nip: '198205172009011003' },
  { username: 'kasi2', role: 'kasi', name: 'Sri Wahyuni', jabatan: 'Kasi Pemerintahan', nip: '198507222010012004' },
  { username: 'sekcam', role: 'sekcam', name: 'Bambang Hartono, S.Sos.', jabatan: 'Sekretaris Kecamatan', nip: '197608111998031005' },
  { username: 'camat', role: 'camat', name: 'Drs. Imam Santoso, M.Si.', jabatan: 'Camat', nip: '197104051993031006' },
] as const;
export type Who = (typeof USERS)[number]['username'] | 'admin';

export const signaturePng = () => {
  const png = new PNG({ width: 60, height: 20 });
  png.data.fill(0);
  for (let x = 5; x < 55; x++) png.data[(10 * 60 + x) * 4 + 3] = 255;
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
};

export async function paperOffice(presetId: string, startIso: string, onCore: (t: TestCore) => void) {
  const t = makeCore(startIso, { sweepEveryMs: 0 });
  onCore(t);
  const { core, clock } = t;
  const preset = OFFICE_PRESETS.find((p) => p.id === presetId)!;
  const sessions = new Map<Who, SessionCarrier>([['admin', await setupOffice(core, presetId)]]);
  const ids: Record<string, number> = {};
  for (const u of USERS) {
    const created = await createUser(core, sessions.get('admin')!, {
      username: u.username,
      password: PASSWORD,
      user: { name: u.name, nip: u.nip, jabatan: u.jabatan, pangkat: 'Pembina (IV/a)', role: u.role, seksi: u.role === 'kasi' ? u.jabatan : '', active: true },
    });
    ids[u.username] = created.id;
  }
  // One session per user, logged in again when days pass and it lapses.
  const login = async (who: Who) => {
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password: who === 'admin' ? ADMIN.password : PASSWORD });
    sessions.set(who, s);
    return s;
  };
  const call = async (who: Who, name: CallName, input: unknown) => {
    let r = await core.call(name, input, sessions.get(who) ?? (await login(who)));
    if (!r.ok && r.error.code === 'unauthenticated') r = await core.call(name, input, await login(who));
    return r;
  };
  const act = async <K extends CallName>(who: Who, name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const r = await call(who, name, input);
    if (!r.ok) throw new Error(`${who} ${name}: ${r.error.code} ${r.error.message}`);
    return r.value as CallOutput<K>;
  };
  const refuse = async (who: Who, name: CallName, input: unknown) => {
    const r = await call(who, name, input);
    if (r.ok) throw new Error(`${who} ${name} was expected to fail`);
    return r.error;
  };
  const record = async (kelengkapan: string[] = preset.standard.kelengkapanChecklist, kind: ComplaintKind = 'pengaduan') =>
    (await act('staf', 'complaints.create', sampleComplaint({ kelengkapan, kind }))).id;
  await act('camat', 'auth.setSignature', { image: signaturePng() });
  await act('sekcam', 'auth.setSignature', { image: signaturePng() });
  const later = (minutes: number) => clock.advanceMinutes(minutes);
  const journey = (id: number, who: Who = 'staf') => act(who, 'workflow.journey', { id });
  const docs = (complaintId: number) => act('staf', 'documents.list', { complaintId });
  const docxOf = async (id: number) => (await act('staf', 'documents.docx', { id })).dataBase64;
  const docx = async (id: number) => readDocx(Buffer.from(await docxOf(id), 'base64'));
  const sign = (who: Who, id: number) => act(who, 'documents.sign', { id, password: PASSWORD });
  return { core, clock, ids, act, refuse, record, later, journey, docs, docx, docxOf, sign };
}
export type Office = Awaited<ReturnType<typeof paperOffice>>;

/**
 * Pegantenan from intake to its step 7: verified, recorded, disposed to Kasi Pelayanan,
 * who followed up with `followUp`; returns the surat tanggapan the Staf drafted.
 */
export async function pegantenanDrafted(o: Office, id: number, followUp = 'Jalan sudah ditambal oleh desa.') {
  await o.act('sekcam', 'workflow.advance', { id });
  await o.act('staf', 'workflow.advance', { id });
  await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'biasa', instructions: ['proses_lanjut'] });
  await o.act('kasi1', 'workflow.followUp', { id, kind: 'tindakan', text: followUp, attachments: [] });
  await o.act('kasi1', 'workflow.advance', { id });
  await o.act('kasi1', 'workflow.advance', { id });
  return o.act('staf', 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
}

/** Pegantenan from intake to its step 10 (the Camat signs): returns the initialled surat tanggapan. */
export async function pegantenanToSigning(o: Office, id: number) {
  const draft = await pegantenanDrafted(o, id);
  await o.act('staf', 'workflow.advance', { id });
  await o.act('sekcam', 'documents.paraf', { id: draft.id });
  await o.act('staf', 'documents.paraf', { id: draft.id });
  expect((await o.journey(id)).current?.stepNo).toBe(10);
  return draft;
}
