import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract';
import type { LetterView } from '../../shared/documents/letter';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { carrier, createUser, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { paragraphTexts, readDocx } from '../support/docx';
import { strFromU8 } from 'fflate';
import { signaturePng } from './paper';

// The paper trail through the real core on a real SQLite file: each document a
// standard names is issued, frozen, initialled and signed, and reads back as DOCX.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const PASSWORD = 'kata-sandi-123';
const USERS = [
  { username: 'staf', role: 'staf', name: 'Dewi Lestari', jabatan: 'Pengadministrasi Umum' },
  { username: 'kasi1', role: 'kasi', name: 'Agus Salim', jabatan: 'Kasi Pelayanan' },
  { username: 'kasi2', role: 'kasi', name: 'Sri Wahyuni', jabatan: 'Kasi Pemerintahan' },
  { username: 'sekcam', role: 'sekcam', name: 'Bambang Hartono, S.Sos.', jabatan: 'Sekretaris Kecamatan' },
  { username: 'camat', role: 'camat', name: 'Drs. Imam Santoso, M.Si.', jabatan: 'Camat' },
] as const;
type Who = (typeof USERS)[number]['username'];

async function office(presetId: string, startIso = '2026-11-24T02:00:00.000Z') {
  t = makeCore(startIso, { sweepEveryMs: 0 });
  const { core, clock } = t;
  const admin = await setupOffice(core, presetId);
  const ids: Record<string, number> = {};
  for (const u of USERS) {
    const created = await createUser(core, admin, {
      username: u.username,
      password: PASSWORD,
      user: { name: u.name, nip: '197104051993031006', jabatan: u.jabatan, pangkat: 'Pembina (IV/a)', role: u.role, seksi: u.role === 'kasi' ? u.jabatan : '', active: true },
    });
    ids[u.username] = created.id;
  }
  const as = async (who: Who) => {
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password: PASSWORD });
    return s;
  };
  const act = async <K extends CallName>(who: Who, name: K, input: CallInput<K>) => ok(core, await as(who), name, input);
  const refuse = async (who: Who, name: CallName, input: unknown) => fail(core, await as(who), name, input);
  const later = (minutes = 60) => clock.advanceMinutes(minutes);
  const record = async () => {
    const preset = OFFICE_PRESETS.find((p) => p.id === presetId)!;
    return (await act('staf', 'complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }))).id;
  };
  await act('camat', 'auth.setSignature', { image: signaturePng() });
  await act('sekcam', 'auth.setSignature', { image: signaturePng() });
  const asAdmin = async <K extends CallName>(name: K, input: CallInput<K>) => {
    const s = carrier();
    await ok(core, s, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' });
    return ok(core, s, name, input);
  };
  return { core, clock, admin, ids, act, refuse, later, record, as, asAdmin };
}

type Office = Awaited<ReturnType<typeof office>>;

const docsOf = (o: Office, complaintId: number) => o.act('staf', 'documents.list', { complaintId });
async function docxText(o: Office, id: number) {
  const f = await o.act('staf', 'documents.docx', { id });
  return readDocx(Buffer.from(f.dataBase64, 'base64'));
}
async function advanceTo(o: Office, id: number, who: Who, stepNo: number) {
  const j = await o.act(who, 'workflow.journey', { id });
  expect(j.current?.stepNo).toBe(stepNo);
  o.later(30);
  return o.act(who, 'workflow.advance', { id, note: '' });
}

describe('Pegantenan: disposisi, draft, two paraf, the Camat signs, archive, delivery', () => {
  it('issues every document of the standard and freezes what it signs', async () => {
    const o = await office('pegantenan');
    const id = await o.record();
    let docs = await docsOf(o, id);
    expect(docs.map((d) => [d.kind, d.status])).toEqual([
      ['tanda_terima', 'final'],
      ['kartu_kendali', 'final'],
    ]);
    const card1 = await docxText(o, docs[1]!.id);
    expect(card1.text).toContain('KARTU KENDALI');

    await advanceTo(o, id, 'sekcam', 2);
    await advanceTo(o, id, 'staf', 3);
    o.later(30);
    await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'segera', instructions: ['proses_lanjut', 'koordinasi'], note: 'Cek ke lokasi.' });
    docs = await docsOf(o, id);
    const sheet = docs.find((d) => d.kind === 'lembar_disposisi')!;
    expect(sheet.page).toBe('HALF_F4');
    const sheetDocx = await docxText(o, sheet.id);
    expect(sheetDocx.text).toContain('LEMBAR DISPOSISI');
    expect(sheetDocx.text).toContain('Kasi Pelayanan');
    expect(sheetDocx.text).toContain('Cek ke lokasi.');
    // The kartu kendali is issued again with the disposition; the first is kept, replaced.
    const cards = docs.filter((d) => d.kind === 'kartu_kendali');
    expect(cards.map((c) => [c.version, c.status])).toEqual([
      [1, 'diganti'],
      [2, 'final'],
    ]);

    o.later(60);
    await o.act('kasi1', 'workflow.followUp', { id, kind: 'tindakan', text: 'Jalan sudah ditambal oleh desa pada 25 November 2026.', attachments: [] });
    await advanceTo(o, id, 'kasi1', 5);
    await advanceTo(o, id, 'kasi1', 6);
    // Step 7 completes only with a draft.
    let j = await o.act('staf', 'workflow.journey', { id });
    expect(j.actions).toContain('draft');
    expect((await o.refuse('staf', 'workflow.advance', { id, note: '' })).message).toMatch(/draf/);
    const draft = await o.act('staf', 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
    expect(draft.status).toBe('draf');
    const draftGet = await o.act('staf', 'documents.get', { id: draft.id });
    const dv = draftGet.content.view as LetterView;
    expect(dv.watermark).toBe('DRAF');
    expect(dv.blocks.map((b) => (b.type === 'paragraph' ? b.text : '')).join(' ')).toContain('Jalan sudah ditambal');
    j = await advanceTo(o, id, 'staf', 7);
    expect(j.current?.stepNo).toBe(8);

    // Step 8: the Sekcam returns it (step 7, the Staf's, runs again), the staf revises and
    // completes step 7 again, the Sekcam initials the new version.
    const returned = await o.act('sekcam', 'documents.return', { id: draft.id, reason: 'Tambahkan tanggal penambalan.' });
    expect((await o.act('staf', 'workflow.journey', { id })).current?.stepNo).toBe(7);
    const v2 = await o.act('staf', 'documents.revise', {
      id: draft.id,
      rowVersion: returned.rowVersion,
      content: { hal: 'Tanggapan atas pengaduan jalan rusak', sifat: 'biasa', lampiran: '-', body: ['Jalan telah ditambal pada 25 November 2026.', 'Terima kasih.'], tembusan: ['Kepala Desa Pegantenan'], satisfaction: null },
    });
    expect(v2.version).toBe(2);
    expect((await o.act('staf', 'documents.get', { id: draft.id })).status).toBe('diganti');
    await advanceTo(o, id, 'staf', 7);
    o.later(30);
    await o.act('sekcam', 'documents.paraf', { id: v2.id });
    j = await o.act('staf', 'workflow.journey', { id });
    expect(j.current?.stepNo).toBe(9);
    await o.act('staf', 'documents.paraf', { id: v2.id });
    j = await o.act('camat', 'workflow.journey', { id });
    expect(j.current?.stepNo).toBe(10);
    expect(j.actions).toContain('sign');

    const queue = await o.act('camat', 'documents.signatureQueue', {});
    expect(queue.map((q) => q.id)).toEqual([v2.id]);
    expect(queue[0]!.parafNames).toEqual(['Bambang Hartono, S.Sos.', 'Dewi Lestari']);

    // A wrong password changes nothing.
    const wrong = await o.refuse('camat', 'documents.sign', { id: v2.id, password: 'salah-sandi' });
    expect(wrong.field).toBe('password');
    // Counted and audited as a wrong login is (auth-hardening.test.ts follows it to the lock).
    expect(o.core.db.prepare("SELECT json_extract(data, '$.during') FROM audit_log WHERE action = 'password.confirm_failed'").pluck().all()).toEqual(['sign']);
    expect((await o.act('camat', 'documents.get', { id: v2.id })).status).toBe('draf');

    o.later(30);
    const signed = await o.act('camat', 'documents.sign', { id: v2.id, password: PASSWORD });
    expect(signed.status).toBe('ditandatangani');
    expect(signed.number).toBe('000.8.3.4/1/Kec-Pgt/2026');
    expect(signed.verifyCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const letter = await docxText(o, v2.id);
    expect(letter.text).toContain('000.8.3.4/1/Kec-Pgt/2026');
    expect(letter.text).toContain('CAMAT PEGANTENAN,');
    expect(letter.text).toContain('Drs. Imam Santoso, M.Si.');
    expect(letter.text).toContain('NIP 19710405 199303 1 006');
    expect(letter.text).toContain('Kepala Desa Pegantenan');
    const footers = letter.files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => paragraphTexts(strFromU8(letter.part(f)!)).join('\n'));
    // Its reader has no Tanggap: he asks the office, which checks the code in Periksa dokumen.
    expect(footers.join('\n')).toContain('Keaslian dapat ditanyakan kepada Kecamatan Pegantenan dengan menyebut kode periksa di bawah ini.');
    expect(footers.join('\n')).toContain(`Kode periksa: ${signed.verifyCode}`);
    expect(letter.files.filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(2);
    // F4 by default.
    expect(letter.xml).toMatch(/<w:pgSz w:w="12189" w:h="18709"/);

    // Signed: frozen. The verification finds it by code and by the downloaded file.
    expect((await o.refuse('camat', 'documents.sign', { id: v2.id, password: PASSWORD })).code).toBe('conflict');
    const byCode = await o.act('kasi2', 'documents.verify', { code: signed.verifyCode.toLowerCase() });
    expect(byCode.found).toBe(true);
    expect(byCode.document?.number).toBe(signed.number);
    // A code names the document, not the paper in hand: the reader is told to compare them.
    expect(byCode.message).toMatch(/^Kode ini milik dokumen yang ditandatangani di aplikasi.*Cocokkan dengan surat yang Anda pegang/);
    // A code typed short is refused as such, under its field; one of the right length that nobody signed is not found.
    expect(await o.refuse('staf', 'documents.verify', { code: 'abc' })).toMatchObject({
      code: 'validation',
      field: 'code',
      message: 'Kode periksa terdiri atas 12 huruf dan angka, contoh K7QF-2M9X-PD4R; yang diketik 3. Salin lagi kode dari kotak di kaki dokumen.',
    });
    expect(await o.act('staf', 'documents.verify', { code: 'zzzz zzzz zzzz' })).toMatchObject({
      found: false,
      message: 'Kode ini tidak cocok dengan dokumen mana pun yang ditandatangani di kantor ini. Periksa lagi kode yang diketik.',
    });
    const file = await o.act('staf', 'documents.docx', { id: v2.id });
    expect(await o.act('staf', 'documents.verify', { docxBase64: file.dataBase64 })).toMatchObject({
      found: true,
      message: 'Dokumen ini asli: berkasnya sama persis dengan yang ditandatangani di aplikasi.',
    });
    const tampered = Buffer.from(file.dataBase64, 'base64');
    tampered[tampered.length - 30]! ^= 1;
    expect((await o.act('staf', 'documents.verify', { docxBase64: tampered.toString('base64') })).found).toBe(false);
    // A form issued as it is (the tanda terima) is found as such: signed by hand on its paper, with no letter number.
    const receipt = (await docsOf(o, id)).find((d) => d.kind === 'tanda_terima')!;
    const receiptCheck = await o.act('staf', 'documents.verify', { docxBase64: (await o.act('staf', 'documents.docx', { id: receipt.id })).dataBase64 });
    expect(receiptCheck).toMatchObject({ found: true, document: { kind: 'tanda_terima', status: 'final', number: '' } });
    expect(receiptCheck.message).toBe(
      'Berkas ini sama persis dengan tanda terima pengaduan yang diterbitkan kantor ini. Dokumen ini tidak ditandatangani di aplikasi: tanda tangan atau parafnya dibubuhkan dengan tangan pada lembar cetaknya.',
    );

    j = await o.act('staf', 'workflow.journey', { id });
    expect(j.current?.stepNo).toBe(11);
    expect(j.actions).toContain('archive');
    o.later(10);
    await o.act('staf', 'documents.archive', { complaintId: id, location: 'Ordner Pengaduan 2026 / Box 3' });
    o.later(10);
    j = await o.act('staf', 'documents.deliver', { complaintId: id, channel: 'langsung', deliveredAt: '2026-11-24T14:40', recipient: 'Siti Aminah', note: '', proof: [] });
    expect(j.status).toBe('selesai');
    expect(j.closedAt).not.toBeNull();
    expect(j.archiveLocation).toBe('Ordner Pengaduan 2026 / Box 3');
    docs = await docsOf(o, id);
    const handover = docs.find((d) => d.kind === 'tanda_terima_penyampaian')!;
    const handed = (await docxText(o, handover.id)).text;
    expect(handed).toContain('000.8.3.4/1/Kec-Pgt/2026');
    // Handed over at the office: received, and signed by both.
    expect(handed).toContain('Telah diserahkan dan diterima tanggapan atas pengaduan masyarakat');
    expect(handed).toMatch(/Yang menerima,[\s\S]*Yang menyerahkan,/);

    // The frozen copies do not follow later changes of the office or the standard.
    const before = await o.act('staf', 'documents.get', { id: v2.id });
    const receiptBefore = await o.act('staf', 'complaints.receipt', { id });
    const profile = await o.asAdmin('office.get', {});
    await o.asAdmin('office.update', { ...profile, name: 'Kecamatan Pegantenan Baru', headTitle: 'Camat Baru' });
    const standard = await o.asAdmin('standard.get', {});
    await o.asAdmin('standard.update', { ...standard, kelengkapanChecklist: ['Butir baru'] });
    expect(await o.act('staf', 'documents.get', { id: v2.id })).toEqual(before);
    expect(await o.act('staf', 'complaints.receipt', { id })).toEqual(receiptBefore);
  });
});

// Pegantenan brought to step 10, the Camat's signature: verified, disposed to kasi1, handled
// (`handled`: what the Kasi records first), the answer drafted, initialled by the Sekcam and the Staf.
async function toSigningStep(o: Office, id: number, handled = async () => {}) {
  await advanceTo(o, id, 'sekcam', 2);
  await advanceTo(o, id, 'staf', 3);
  o.later(30);
  await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
  await handled();
  await advanceTo(o, id, 'kasi1', 5);
  await advanceTo(o, id, 'kasi1', 6);
  const draft = await o.act('staf', 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
  await advanceTo(o, id, 'staf', 7);
  await o.act('sekcam', 'documents.paraf', { id: draft.id });
  await o.act('staf', 'documents.paraf', { id: draft.id });
  return draft;
}

// A Pegantenan complaint whose surat tanggapan the Camat has signed, archived ten minutes on.
async function signedAndArchived() {
  const o = await office('pegantenan');
  const id = await o.record();
  const draft = await toSigningStep(o, id);
  await o.act('camat', 'documents.sign', { id: draft.id, password: PASSWORD });
  o.later(10);
  await o.act('staf', 'documents.archive', { complaintId: id, location: 'Ordner 1' });
  return { o, id, draft };
}

describe('the drafted answer', () => {
  it("starts from the handlers' proposed answers when they wrote any, not from every note", async () => {
    const o = await office('pegantenan');
    const id = await o.record();
    const draft = await toSigningStep(o, id, async () => {
      await o.act('kasi1', 'workflow.followUp', { id, kind: 'klarifikasi', text: 'Sudah ditelepon kepala desa.', attachments: [] });
      await o.act('kasi1', 'workflow.followUp', { id, kind: 'tindakan', text: 'Cek lokasi bersama perangkat desa.', attachments: [] });
      await o.act('kasi1', 'workflow.followUp', { id, kind: 'usulan_jawaban', text: 'Jalan telah ditambal oleh Pemerintah Desa pada 25 November 2026.', attachments: [] });
    });
    const drafted = (await o.act('staf', 'documents.get', { id: draft.id })).draft!;
    const body = drafted.body;
    expect(body.join('\n')).toContain('Jalan telah ditambal oleh Pemerintah Desa pada 25 November 2026.');
    // The subject as typed ("Jalan desa rusak di Dusun Krajan") reads inside the sentences.
    expect(drafted.hal).toBe('Tanggapan atas pengaduan jalan desa rusak di Dusun Krajan');
    expect(body[0]).toContain('perihal jalan desa rusak di Dusun Krajan, dengan hormat');
    expect(body.join('\n')).not.toContain('Sudah ditelepon kepala desa.');
    expect(body.join('\n')).not.toContain('Cek lokasi bersama perangkat desa.');
    expect((await o.act('camat', 'documents.get', { id: draft.id })).standIn).toBeNull();
  });

  it('tells those who paraf and sign it while it says only that the complaint was followed up', async () => {
    const o = await office('pegantenan');
    const id = await o.record();
    // Nobody noted what was done: the letter says it was followed up, and nothing more.
    const draft = await toSigningStep(o, id);
    const STAND_IN = 'Pengaduan Saudara telah kami tindak lanjuti.';
    expect(draft.standIn).toBe(STAND_IN);
    const read = await o.act('camat', 'documents.get', { id: draft.id });
    expect(read.draft!.body).toContain(STAND_IN);
    expect(read.standIn).toBe(STAND_IN);
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => [q.id, q.standIn])).toEqual([[draft.id, STAND_IN]]);
    expect((await docsOf(o, id)).find((d) => d.id === draft.id)?.standIn).toBe(STAND_IN);
    // The Staf writes what was done in its place: the new version holds it no more.
    const body = read.draft!.body.map((p) => (p === STAND_IN ? 'Jalan telah ditambal oleh Pemerintah Desa pada 25 November 2026.' : p));
    const v2 = await o.act('staf', 'documents.revise', { id: draft.id, rowVersion: read.rowVersion, content: { ...read.draft!, body } });
    expect(v2.standIn).toBeNull();
    // A version kept with the sentence, once signed, is no draft to warn of.
    const v3 = await o.act('staf', 'documents.revise', { id: v2.id, rowVersion: v2.rowVersion, content: read.draft! });
    expect(v3.standIn).toBe(STAND_IN);
    await o.act('sekcam', 'documents.paraf', { id: v3.id });
    await o.act('staf', 'documents.paraf', { id: v3.id });
    const signed = await o.act('camat', 'documents.sign', { id: v3.id, password: PASSWORD });
    expect([signed.status, signed.standIn]).toEqual(['ditandatangani', null]);
  });
});

describe('the drafted answer of a complaint a Kasi gave back', () => {
  it('leaves out the notes of the Kasi whose disposition was returned', async () => {
    const o = await office('pegantenan');
    const id = await o.record();
    await advanceTo(o, id, 'sekcam', 2);
    await advanceTo(o, id, 'staf', 3);
    o.later(30);
    const j = await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi1!, o.ids.kasi2!], sifat: 'segera', instructions: ['proses_lanjut'], note: '' });
    const sri = j.dispositions.find((d) => d.toName === 'Sri Wahyuni')!;
    await o.act('kasi2', 'workflow.followUp', { id, kind: 'tindakan', text: 'Dicek: jalan ini bukan wilayah seksi kami.', attachments: [] });
    await o.act('kasi2', 'workflow.returnDisposition', { dispositionId: sri.id, reason: 'Bukan tugas seksi kami.' });
    await o.act('kasi1', 'workflow.followUp', { id, kind: 'tindakan', text: 'Jalan sudah ditambal oleh desa.', attachments: [] });
    await advanceTo(o, id, 'kasi1', 5);
    await advanceTo(o, id, 'kasi1', 6);
    const draft = await o.act('staf', 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
    const body = (await o.act('staf', 'documents.get', { id: draft.id })).draft!.body.join('\n');
    expect(body).toContain('Jalan sudah ditambal oleh desa.');
    expect(body).not.toContain('bukan wilayah seksi kami');
  });
});

describe('a draft returned for correction', () => {
  async function atSigning() {
    const o = await office('pegantenan');
    const id = await o.record();
    const draft = await toSigningStep(o, id);
    expect((await o.act('camat', 'workflow.journey', { id })).current?.stepNo).toBe(10);
    return { o, id, draft };
  }

  it('goes back to its drafter\'s step, is signed by nobody and leaves the signature queue until its new version comes', async () => {
    const { o, id, draft } = await atSigning();
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => q.id)).toEqual([draft.id]);
    await o.act('camat', 'documents.return', { id: draft.id, reason: 'Sebutkan tanggal penambalan.' });
    expect(await o.act('camat', 'documents.signatureQueue', {})).toEqual([]);
    expect(await o.act('camat', 'tasks.counts', {})).toMatchObject({ toSign: 0 });
    // Step 7, the Staf's preparing of the letter, runs again: it is in his Tugas saya, and the history says why.
    let j = await o.act('staf', 'workflow.journey', { id });
    expect(j.current).toMatchObject({ stepNo: 7, executor: 'staf' });
    // The journey shows steps 8 to 10 as not reached again; the history keeps their first round.
    expect(j.steps.filter((st) => st.no >= 7).map((st) => [st.no, st.completedAt !== null, st.startedAt !== null])).toEqual([
      [7, false, true],
      [8, false, false],
      [9, false, false],
      [10, false, false],
      [11, false, false],
      [12, false, false],
    ]);
    expect((await o.act('staf', 'tasks.mine', {})).map((t) => [t.complaintId, t.stepNo])).toContainEqual([id, 7]);
    expect((await o.act('camat', 'complaints.get', { id })).events.map((e) => e.action)).toContain(
      'Surat tanggapan versi 1 dikembalikan untuk diperbaiki; kembali ke langkah 7 (Menyiapkan surat tanggapan)',
    );
    // The draft is only revised: nobody signs it, on screen or by hand, and the step is not completed before its new version.
    expect((await o.act('camat', 'documents.get', { id: draft.id })).actions).toEqual(['revise']);
    expect((await o.act('staf', 'documents.get', { id: draft.id })).actions).toEqual(['revise']);
    // Refused for what happened to the draft, not for the user's role.
    const signing = await o.refuse('camat', 'documents.sign', { id: draft.id, password: PASSWORD });
    expect([signing.code, signing.message]).toEqual(['conflict', expect.stringMatching(/^Draf ini sudah dikembalikan untuk diperbaiki \(.+\); tunggu versi barunya\.$/)]);
    expect((await o.refuse('camat', 'documents.return', { id: draft.id, reason: 'Sekali lagi.' })).code).toBe('conflict');
    expect(j.actions).not.toContain('advance');
    expect((await o.refuse('staf', 'workflow.advance', { id, note: '' })).message).toBe(
      'Draf jawaban dikembalikan untuk diperbaiki: ubah draf itu (versi baru) dulu, lalu selesaikan langkah ini.',
    );
    // Its new version, prepared again, goes up for both parafs as the first did.
    const v2 = await o.act('staf', 'documents.revise', { id: draft.id, rowVersion: (await o.act('staf', 'documents.get', { id: draft.id })).rowVersion, content: (await o.act('staf', 'documents.get', { id: draft.id })).draft! });
    j = await advanceTo(o, id, 'staf', 7);
    expect(j.current?.stepNo).toBe(8);
    await o.act('sekcam', 'documents.paraf', { id: v2.id });
    await o.act('staf', 'documents.paraf', { id: v2.id });
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => q.id)).toEqual([v2.id]);
  });

  it('comes back to the first paraf step when revised at the signing step, so its new version is initialled again', async () => {
    const { o, id, draft } = await atSigning();
    // The Staf corrects the letter himself while it waits for the Camat: its parafs were for the old version.
    const v2 = await o.act('staf', 'documents.revise', { id: draft.id, rowVersion: draft.rowVersion, content: (await o.act('staf', 'documents.get', { id: draft.id })).draft! });
    let j = await o.act('camat', 'workflow.journey', { id });
    expect(j.current).toMatchObject({ stepNo: 8, executor: 'sekcam' });
    // Step 8 is the Sekcam's or, as its alternate, the Kasi's: both are named.
    expect(j.waitingFor).toEqual({
      who: 'Sekretaris Kecamatan atau Agus Salim',
      why: 'Menurut Standar Pelayanan, langkah 8 (paraf) dikerjakan oleh Sekretaris Kecamatan atau Kasi yang menerima disposisi.',
    });
    // Its status that of step 7 done, as when step 8 first began (the paraf of step 9 had made it "diparaf").
    expect(j.status).toBe('tanggapan_disusun');
    // Nobody may sign the new version before its parafs; the history says why the step went back.
    expect((await o.act('camat', 'documents.get', { id: v2.id })).actions).not.toContain('sign');
    expect(await o.act('camat', 'documents.signatureQueue', {})).toEqual([]);
    const history = (await o.act('camat', 'complaints.get', { id })).events.map((e) => e.action);
    expect(history).toContain('Surat tanggapan diubah menjadi versi 2; kembali ke langkah 8 (Memeriksa Surat Tanggapan) agar versi baru diparaf lagi');
    await o.act('sekcam', 'documents.paraf', { id: v2.id });
    await o.act('staf', 'documents.paraf', { id: v2.id });
    j = await o.act('camat', 'workflow.journey', { id });
    expect(j.current?.stepNo).toBe(10);
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => [q.id, q.parafNames])).toEqual([[v2.id, ['Bambang Hartono, S.Sos.', 'Dewi Lestari']]]);
    expect((await o.act('camat', 'documents.sign', { id: v2.id, password: PASSWORD })).status).toBe('ditandatangani');
    expect((await o.act('camat', 'workflow.journey', { id })).current?.stepNo).toBe(11);
  });
});

describe('a letter signed by hand', () => {
  it('names on the letter the official who signed the paper, not the one who uploads its scan', async () => {
    const o = await office('pegantenan');
    const id = await o.record();
    const draft = await toSigningStep(o, id, async () => {
      o.later(60);
      await o.act('kasi1', 'workflow.followUp', { id, kind: 'tindakan', text: 'Jalan sudah ditambal oleh desa.', attachments: [] });
    });
    // Kasi Pemerintahan stands in for the Camat today (Plh.).
    await o.asAdmin('officials.add', { userId: o.ids.kasi2!, kind: 'plh', from: '2026-11-24', to: '2026-11-24' });

    const seen = await o.act('staf', 'documents.get', { id: draft.id });
    expect(seen.actions).toContain('sign_wet');
    expect(seen.wetSigners).toEqual([
      { id: o.ids.camat, name: 'Drs. Imam Santoso, M.Si.', capacity: '' },
      { id: o.ids.kasi2, name: 'Sri Wahyuni', capacity: 'Plh.' },
    ]);
    // Without a NIP no signature block can be made: such an official is not offered.
    const sri = (await o.asAdmin('users.list', {})).find((u) => u.id === o.ids.kasi2)!;
    const fields = { name: sri.name, nip: sri.nip, jabatan: sri.jabatan, pangkat: sri.pangkat, role: sri.role, seksi: sri.seksi, active: sri.active };
    const noNip = await o.asAdmin('users.update', { id: sri.id, rowVersion: sri.rowVersion, user: { ...fields, nip: '' } });
    expect((await o.act('staf', 'documents.get', { id: draft.id })).wetSigners.map((w) => w.id)).toEqual([o.ids.camat]);
    await o.asAdmin('users.update', { id: sri.id, rowVersion: noNip.rowVersion, user: fields });
    const scan = { fileName: 'surat-ttd.png', mime: 'image/png', dataBase64: signaturePng().replace(/^data:image\/png;base64,/, '') };
    // The scan is of the paper printed for the signature: none printed yet, none recorded.
    const unprinted = await o.refuse('staf', 'documents.signWet', { id: draft.id, printedAt: '', scan });
    expect(unprinted.message).toContain('Cetak dulu naskahnya');
    // Pegantenan's signing step names only the Camat: no Sekcam a.n. The paper cannot name
    // whoever prints it either, nor anyone else not in the list.
    for (const who of [o.ids.staf!, o.ids.kasi1!, o.ids.sekcam!]) {
      const refused = await o.refuse('staf', 'documents.printWet', { id: draft.id, signerId: who });
      expect(refused.field).toBe('signerId');
    }
    expect((await o.act('staf', 'documents.get', { id: draft.id })).wetPaper).toBeNull();

    // Printed for the Camat, then again for the Plh. who will sign instead: numbered at the
    // first print, without the DRAF mark, his block without a specimen or code.
    const first = await o.act('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.camat! });
    const firstFile = await o.act('staf', 'documents.docx', { id: draft.id });
    o.later(10);
    const printed = await o.act('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.kasi2! });
    expect(printed.status).toBe('draf');
    expect(printed.number).toBe('');
    expect(printed.wetPaper).toEqual({
      number: '000.8.3.4/1/Kec-Pgt/2026',
      printed: { signer: { id: o.ids.kasi2, name: 'Sri Wahyuni', capacity: 'Plh.' }, at: expect.any(String), byName: 'Dewi Lestari' },
    });
    const paper = (await o.act('staf', 'documents.get', { id: draft.id })).content.view as LetterView;
    expect(paper.watermark).toBe('');
    expect(paper.number).toBe('000.8.3.4/1/Kec-Pgt/2026');
    expect(paper.verification).toBeNull();
    expect(paper.signatures.map((sig) => [sig.caption, sig.name, sig.image])).toEqual([[['Plh. CAMAT PEGANTENAN', 'KASI PEMERINTAHAN,'], 'Sri Wahyuni', '']]);
    const file = await o.act('staf', 'documents.docx', { id: draft.id });
    expect(file.fileName).toBe('Surat-tanggapan-000.8.3.4-1-Kec-Pgt-2026.docx');
    const waiting = await o.act('staf', 'documents.verify', { code: '', docxBase64: file.dataBase64 });
    expect(waiting.found).toBe(true);
    expect(waiting.message).toBe(
      'Berkas ini naskah surat tanggapan nomor 000.8.3.4/1/Kec-Pgt/2026 yang dicetak pada 24 November 2026 pukul 13.10 WIB untuk ditandatangani basah oleh Sri Wahyuni (Plh. Camat Pegantenan). Hasil pindai lembar yang ditandatangani belum diunggah, jadi belum tercatat ditandatangani.',
    );
    expect(waiting.document).toMatchObject({ number: '000.8.3.4/1/Kec-Pgt/2026', status: 'draf', superseded: false, signedAt: null });
    const printedText = readDocx(Buffer.from(file.dataBase64, 'base64')).text;
    expect(printedText).toContain('000.8.3.4/1/Kec-Pgt/2026');
    expect(printedText).toContain('Sri Wahyuni');
    expect(printedText).not.toContain('DRAF');
    // The Camat still reads it as it will go out, and could still sign it on screen.
    expect((await o.act('camat', 'documents.get', { id: draft.id })).actions).toContain('sign');

    // Periksa dokumen knows the sheet printed first as void.
    const voided = await o.act('staf', 'documents.verify', { code: '', docxBase64: firstFile.dataBase64 });
    expect(voided.message).toContain('tetapi lembar itu tidak berlaku lagi: naskahnya dicetak ulang, diubah atau dikembalikan,');
    expect(voided.document).toMatchObject({ status: 'diganti', superseded: true });
    // The sheet printed first is void: its scan is refused, that of the last print recorded,
    // as signed by the official it names.
    const void1 = await o.refuse('staf', 'documents.signWet', { id: draft.id, printedAt: first.wetPaper!.printed!.at, scan });
    expect(void1.message).toBe(
      'Naskah ini sudah dicetak ulang pada 24 November 2026 pukul 13.10 WIB untuk ditandatangani Sri Wahyuni (Plh. Camat Pegantenan); lembar yang dicetak sebelumnya tidak berlaku lagi. Unggah hasil pindai lembar cetakan terakhir itu setelah ditandatangani.',
    );
    o.later(60);
    const signed = await o.act('staf', 'documents.signWet', { id: draft.id, printedAt: printed.wetPaper!.printed!.at, scan });
    expect(signed.status).toBe('ditandatangani_basah');
    expect(signed.number).toBe('000.8.3.4/1/Kec-Pgt/2026');
    expect(signed.wetPaper).toBeNull();
    expect(signed.signerName).toBe('Sri Wahyuni');
    expect(signed.signerCapacity).toBe('Plh.');
    expect(signed.hasScan).toBe(true);
    expect((await o.act('staf', 'documents.scan', { id: draft.id })).fileName).toBe('Surat-tanggapan-000.8.3.4-1-Kec-Pgt-2026-pindai.png');
    // What is recorded is the paper printed, to the byte: its DOCX is the one downloaded before.
    expect((await o.act('staf', 'documents.get', { id: draft.id })).content.view).toEqual(paper);
    expect((await o.act('staf', 'documents.docx', { id: draft.id })).dataBase64).toBe(file.dataBase64);
    const check = await o.act('staf', 'documents.verify', { code: '', docxBase64: file.dataBase64 });
    expect(check.message).toBe(
      'Dokumen ini asli: berkasnya sama persis dengan naskah yang dicetak untuk ditandatangani basah dan dicatat di aplikasi. Tanda tangan aslinya ada pada lembar cetak itu; hasil pindainya tersimpan di kantor.',
    );
    const letter = await docxText(o, draft.id);
    expect(letter.text).toContain('Plh. CAMAT PEGANTENAN');
    expect(letter.text).toContain('Sri Wahyuni');
    expect(letter.text).not.toContain('Dewi Lestari');
    const history = (await o.act('staf', 'complaints.get', { id })).events.map((e) => e.action).join('\n');
    expect(history).toContain('Surat tanggapan versi 1 dicetak untuk ditandatangani basah oleh Drs. Imam Santoso, M.Si. (Camat Pegantenan), dengan nomor 000.8.3.4/1/Kec-Pgt/2026');
    expect(history).toContain('Surat tanggapan versi 1 dicetak ulang untuk ditandatangani basah oleh Sri Wahyuni (Plh. Camat Pegantenan), dengan nomor 000.8.3.4/1/Kec-Pgt/2026');
    expect(history).toContain('ditandatangani basah oleh Sri Wahyuni (Plh. Camat Pegantenan); hasil pindai diunggah');
    // The signing step is the Plh.'s, who signed the paper; its note names who uploaded the scan.
    const step = (await o.act('staf', 'workflow.journey', { id })).steps.find((x) => x.stage === 'penandatanganan')!;
    expect([step.completedByName, step.note]).toEqual(['Sri Wahyuni', 'Ditandatangani basah oleh Sri Wahyuni (Plh. Camat Pegantenan); hasil pindai diunggah oleh Dewi Lestari']);
  });

  it('keeps the number the paper took when printed again, revised or signed on screen after all, and the next letter takes the next', async () => {
    const o = await office('pegantenan');
    const first = await o.record();
    const draft = await toSigningStep(o, first);
    const v1 = await o.act('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.camat! });
    expect(v1.wetPaper?.number).toBe('000.8.3.4/1/Kec-Pgt/2026');
    // The Camat's queue says a paper is out for his signature by hand.
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => [q.id, q.wetPaper])).toEqual([[draft.id, { number: '000.8.3.4/1/Kec-Pgt/2026', signer: 'Drs. Imam Santoso, M.Si. (Camat Pegantenan)' }]]);
    // The Staf's Tugas saya lists the sheet whose scan is to come, and the menu counts it;
    // a Kasi, who records no scan, is not asked.
    const awaited = await o.act('staf', 'documents.scansAwaited', {});
    expect(awaited).toEqual([
      {
        id: draft.id,
        complaintId: first,
        registerNo: expect.stringMatching(/PGD/),
        subject: expect.any(String),
        title: 'Surat tanggapan',
        number: '000.8.3.4/1/Kec-Pgt/2026',
        signer: 'Drs. Imam Santoso, M.Si. (Camat Pegantenan)',
        printedAt: v1.wetPaper!.printed!.at,
        printedByName: 'Dewi Lestari',
      },
    ]);
    expect((await o.act('staf', 'tasks.counts', {})).toScan).toBe(1);
    expect((await o.act('kasi1', 'tasks.counts', {})).toScan).toBe(0);
    // The Camat has it in his signature queue, which says it was printed: not counted twice.
    expect(await o.act('camat', 'tasks.counts', {})).toMatchObject({ toSign: 1, toScan: 0 });
    expect(await o.act('camat', 'documents.scansAwaited', {})).toEqual([]);
    expect((await o.refuse('kasi1', 'documents.scansAwaited', {})).code).toBe('forbidden');
    // Printed again (a lost sheet): the same number, dated anew.
    o.later(24 * 60);
    const again = await o.act('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.camat! });
    expect(again.wetPaper?.number).toBe('000.8.3.4/1/Kec-Pgt/2026');
    expect(again.wetPaper?.printed?.at).not.toBe(v1.wetPaper?.printed?.at);
    const history = (await o.act('staf', 'complaints.get', { id: first })).events.map((e) => e.action);
    expect(history.filter((h) => h.startsWith('Surat tanggapan versi 1 dicetak ulang untuk ditandatangani basah'))).toHaveLength(1);

    // Returned: the paper no longer stands for the draft, and its scan is not taken.
    await o.act('camat', 'documents.return', { id: draft.id, reason: 'Perbaiki alamat pelapor.' });
    const returned = await o.act('staf', 'documents.get', { id: draft.id });
    expect((returned.content.view as LetterView).watermark).toBe('DRAF');
    expect(returned.wetPaper).toBeNull();
    expect(await o.act('staf', 'documents.scansAwaited', {})).toEqual([]);
    const late = await o.refuse('staf', 'documents.signWet', {
      id: draft.id,
      printedAt: again.wetPaper!.printed!.at,
      scan: { fileName: 'surat-ttd.png', mime: 'image/png', dataBase64: signaturePng().replace(/^data:image\/png;base64,/, '') },
    });
    expect(late.message).toBe(
      'Draf ini sudah dikembalikan untuk diperbaiki (Perbaiki alamat pelapor.); tunggu versi barunya. Lembar yang dicetak untuk tanda tangan basah tidak berlaku lagi.',
    );
    // The new version keeps the number; it is printed again before its scan is taken.
    const v2 = await o.act('staf', 'documents.revise', { id: draft.id, rowVersion: returned.rowVersion, content: returned.draft! });
    expect(v2.wetPaper).toEqual({ number: '000.8.3.4/1/Kec-Pgt/2026', printed: null });
    // Its number is carried over, but no sheet of it is out yet.
    expect(await o.act('staf', 'documents.scansAwaited', {})).toEqual([]);
    await advanceTo(o, first, 'staf', 7);
    await o.act('sekcam', 'documents.paraf', { id: v2.id });
    await o.act('staf', 'documents.paraf', { id: v2.id });
    const scan = { fileName: 'surat-ttd.png', mime: 'image/png', dataBase64: signaturePng().replace(/^data:image\/png;base64,/, '') };
    expect((await o.refuse('staf', 'documents.signWet', { id: v2.id, printedAt: again.wetPaper!.printed!.at, scan })).message).toContain('Cetak dulu naskahnya');
    await o.act('staf', 'documents.printWet', { id: v2.id, signerId: o.ids.camat! });
    expect((await o.act('sekcam', 'documents.scansAwaited', {})).map((a) => [a.id, a.number])).toEqual([[v2.id, '000.8.3.4/1/Kec-Pgt/2026']]);
    // Signed on screen after all: with the number taken for the paper, not a new one.
    const signed = await o.act('camat', 'documents.sign', { id: v2.id, password: PASSWORD });
    expect(signed.number).toBe('000.8.3.4/1/Kec-Pgt/2026');
    expect(signed.status).toBe('ditandatangani');
    // Signed on screen, its printed sheet is void: no scan is awaited.
    expect(await o.act('staf', 'documents.scansAwaited', {})).toEqual([]);
    expect((await o.act('staf', 'tasks.counts', {})).toScan).toBe(0);

    // The next letter: the next number, none skipped.
    const second = await o.record();
    const next = await toSigningStep(o, second);
    expect((await o.act('camat', 'documents.sign', { id: next.id, password: PASSWORD })).number).toBe('000.8.3.4/2/Kec-Pgt/2026');
  });
});

describe('a letter printed for a Plh. whose appointment is deleted', () => {
  it('takes no scan of it: the paper names an official who was not to sign', async () => {
    const o = await office('pegantenan');
    const id = await o.record();
    const draft = await toSigningStep(o, id);
    const [appointed] = await o.asAdmin('officials.add', { userId: o.ids.kasi2!, kind: 'plh', from: '2026-11-24', to: '2026-11-24' });
    const printed = await o.act('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.kasi2! });
    await o.asAdmin('officials.remove', { id: appointed!.id });
    const scan = { fileName: 'surat-ttd.png', mime: 'image/png', dataBase64: signaturePng().replace(/^data:image\/png;base64,/, '') };
    const refused = await o.refuse('staf', 'documents.signWet', { id: draft.id, printedAt: printed.wetPaper!.printed!.at, scan });
    expect(refused.message).toBe(
      'Sri Wahyuni tidak lagi tercatat sebagai Plh. Camat Pegantenan pada tanggal cetak naskah ini. Periksa Pejabat Plt./Plh. di Pengaturan, lalu cetak ulang naskahnya untuk pejabat yang menandatanganinya.',
    );
    expect((await o.act('staf', 'documents.get', { id: draft.id })).status).toBe('draf');
  });
});

describe('a letter printed to be signed by hand at the end of a year', () => {
  it('takes a number of the new year when printed again or signed in it, and leaves none on a withdrawn complaint', async () => {
    const o = await office('pegantenan', '2026-12-28T02:00:00.000Z');
    const id = await o.record();
    const draft = await toSigningStep(o, id);
    const december = await o.act('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.camat! });
    expect(december.wetPaper?.number).toBe('000.8.3.4/1/Kec-Pgt/2026');
    o.later(7 * 24 * 60);
    // Printed again in January: dated 2027, so numbered in 2027, not with last year's number.
    const january = await o.act('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.camat! });
    expect(january.wetPaper?.number).toBe('000.8.3.4/1/Kec-Pgt/2027');
    expect(((await o.act('staf', 'documents.get', { id: draft.id })).content.view as LetterView).number).toBe('000.8.3.4/1/Kec-Pgt/2027');
    // It took 2027's first number: the next letter of 2027 has the second.
    const other = await o.record();
    const next = await toSigningStep(o, other);
    expect((await o.act('camat', 'documents.sign', { id: next.id, password: PASSWORD })).number).toBe('000.8.3.4/2/Kec-Pgt/2027');

    // Withdrawn before it was signed: the paper no longer stands for the draft, and no scan of it is awaited.
    expect((await o.act('staf', 'documents.scansAwaited', {})).map((a) => a.id)).toEqual([draft.id]);
    await o.act('staf', 'workflow.exit', { id, exit: 'dicabut', note: 'Pelapor mencabut pengaduannya.' });
    expect(await o.act('staf', 'documents.scansAwaited', {})).toEqual([]);
    const left = await o.act('staf', 'documents.get', { id: draft.id });
    expect(left.wetPaper).toBeNull();
    expect((left.content.view as LetterView).watermark).toBe('DRAF');
    // Nobody prints, signs or changes the answer of a withdrawn complaint.
    expect(left.actions).toEqual([]);
    expect((await o.act('camat', 'documents.get', { id: draft.id })).actions).toEqual([]);
    expect((await o.refuse('staf', 'documents.printWet', { id: draft.id, signerId: o.ids.camat! })).code).toBe('forbidden');
    expect((await o.refuse('camat', 'documents.sign', { id: draft.id, password: PASSWORD })).code).toBe('forbidden');
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => q.id)).not.toContain(draft.id);
  });
});

describe('a delivery recorded after the answer was corrected and signed again', () => {
  it('may be dated from the first signature, never before it', async () => {
    const { o, id, draft } = await signedAndArchived();
    const firstSigned = (await o.act('staf', 'documents.get', { id: draft.id })).signedAt!;
    // The paper goes out five minutes on; an hour later a slip is found, and the letter is
    // corrected and signed again before the delivery is recorded.
    const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);
    const handedOver = wib(o.clock.now().getTime() + 5 * 60_000);
    o.later(60);
    const signed = await o.act('staf', 'documents.get', { id: draft.id });
    const v2 = await o.act('staf', 'documents.revise', { id: draft.id, rowVersion: signed.rowVersion, content: { ...signed.draft!, body: ['Jalan telah ditambal pada 25 November 2026.'] } });
    o.later(10);
    await o.act('camat', 'documents.sign', { id: v2.id, password: PASSWORD });
    o.later(10);
    const deliver = (deliveredAt: string) => ({ complaintId: id, channel: 'langsung' as const, deliveredAt, recipient: 'Siti Aminah', note: '', proof: [] });
    expect((await o.refuse('staf', 'documents.deliver', deliver(wib(Date.parse(firstSigned) - 60_000)))).message).toMatch(/^Waktu penyampaian tidak boleh sebelum surat tanggapan ditandatangani \(24 November 2026 pukul \d\d\.\d\d WIB\)/);
    expect((await o.act('staf', 'documents.deliver', deliver(handedOver))).closedAt).not.toBeNull();
  });
});

describe('a signed answer corrected after the complaint closed', () => {
  it('is signed again as before: the closing gives up only an answer never signed', async () => {
    const { o, id, draft } = await signedAndArchived();
    o.later(10);
    expect((await o.act('staf', 'documents.deliver', { complaintId: id, channel: 'langsung', deliveredAt: '2026-11-24T12:10', recipient: 'Siti Aminah', note: '', proof: [] })).closedAt).not.toBeNull();
    const signed = await o.act('staf', 'documents.get', { id: draft.id });
    const v2 = await o.act('staf', 'documents.revise', { id: draft.id, rowVersion: signed.rowVersion, content: { ...signed.draft!, body: ['Jalan telah ditambal pada 25 November 2026.'] } });
    expect((await o.act('camat', 'documents.get', { id: v2.id })).actions).toContain('sign');
    expect((await o.act('camat', 'documents.signatureQueue', {})).map((q) => q.id)).toEqual([v2.id]);
    expect((await o.act('camat', 'documents.sign', { id: v2.id, password: PASSWORD })).number).toBe('000.8.3.4/2/Kec-Pgt/2026');
  });
});

describe('document settings', () => {
  it('refuses a template with an unknown placeholder and a number pattern without {urut}, and keeps the saved ones', async () => {
    const o = await office('kejayan');
    const before = await o.asAdmin('documents.settings', {});
    const t = before.templates.tanggapan_ditolak;
    const r = await fail(o.core, await loginAdmin(o), 'documents.updateSettings', {
      ...before,
      templates: { ...before.templates, tanggapan_ditolak: { ...t, body: `${t.body} {nama_camat}` } },
    });
    expect(r.code).toBe('validation');
    expect(r.field).toBe('templates.tanggapan_ditolak.body');
    expect(r.message).toContain('{nama_camat}');
    const n = await fail(o.core, await loginAdmin(o), 'documents.updateSettings', {
      ...before,
      numberPatterns: { ...before.numberPatterns, berita_acara: '000.8.3.4/{unit}/{tahun}' },
    });
    expect(n.message).toContain('{urut}');
    expect(await o.asAdmin('documents.settings', {})).toEqual(before);
  });

  it('refuses a template of invisible characters as empty, takes them out of a saved one, and reads one stored before', async () => {
    const o = await office('kejayan');
    const before = await o.asAdmin('documents.settings', {});
    const t = before.templates.penerusan;
    const withPenerusan = (changed: Partial<typeof t>) => ({ ...before, templates: { ...before.templates, penerusan: { ...t, ...changed } } });
    const blanks: [Partial<typeof t>, string, string][] = [
      [{ hal: '\u200B\u2060 ' }, 'templates.penerusan.hal', 'Hal surat wajib diisi.'],
      [{ body: '\u200B\n\n\u2060' }, 'templates.penerusan.body', 'Isi surat wajib diisi.'],
      [{ tembusan: ['Camat', '\u200B'] }, 'templates.penerusan.tembusan.1', 'Tembusan wajib diisi.'],
    ];
    for (const [changed, field, message] of blanks) {
      const r = await fail(o.core, await loginAdmin(o), 'documents.updateSettings', withPenerusan(changed));
      expect([r.field, r.message]).toEqual([field, message]);
    }
    const saved = await o.asAdmin('documents.updateSettings', withPenerusan({ hal: 'Penerusan\u200B pengaduan' }));
    expect(saved.templates.penerusan.hal).toBe('Penerusan pengaduan');
    // Saved before the rule, texts of invisible characters are still read as they were.
    o.core.db
      .prepare("UPDATE settings SET value = json_set(value, '$.templates.penerusan.hal', ?, '$.templates.penerusan.tembusan', json_array(?)) WHERE key = 'documents'")
      .run('\u200B', '\u2060');
    const read = (await o.asAdmin('documents.settings', {})).templates.penerusan;
    expect([read.hal, read.tembusan]).toEqual(['\u200B', ['\u2060']]);
  });
});

async function loginAdmin(o: Office) {
  const s = carrier();
  await ok(o.core, s, 'auth.login', { username: 'admin', password: 'rahasia-admin-1' });
  return s;
}
