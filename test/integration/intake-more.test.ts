import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { addUser, carrier, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { readDocx } from '../support/docx';

// Intake as an office really receives: a letter that arrived earlier, its number and
// date on the forms, what is still missing, and a complaint that was already recorded.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

// Tuesday 24 November 2026, 09.00 WIB.
const NOW = '2026-11-24T02:00:00.000Z';

async function office() {
  t = makeCore(NOW, { sweepEveryMs: 0 });
  const { core, clock } = t;
  const admin = await setupOffice(core, 'pegantenan');
  const users = [['staf', 'staf', 'Dewi Lestari'], ['staf2', 'staf', 'Rudi Hartono'], ['kasi', 'kasi', 'Agus Salim'], ['sekcam', 'sekcam', 'Bambang Hartono'], ['camat', 'camat', 'Imam Santoso']] as const;
  for (const [username, role, name] of users) await addUser(core, admin, username, role, name);
  type Who = (typeof users)[number][0];
  // A fresh session per call: the test clock moves past the idle limit.
  const as = async (who: Who) => {
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password: 'kata-sandi-123' });
    return s;
  };
  const act = async <K extends CallName>(who: Who, name: K, input: CallInput<K>) => ok(core, await as(who), name, input);
  const refuse = async (who: Who, name: CallName, input: unknown) => fail(core, await as(who), name, input);
  return { core, clock, admin, act, refuse };
}

describe('tanggal diterima', () => {
  it('runs the clock from a backdated receipt and says so in the history and the audit', async () => {
    const o = await office();
    const backdated = await o.act('staf', 'complaints.create', sampleComplaint({ channel: 'kotak_saran', receivedDate: '2026-11-23', receivedTime: '10.00' }));
    expect(backdated.receivedAt).toBe('2026-11-23T03:00:00.000Z');
    expect(backdated.enteredAt).toBe(NOW);
    expect(backdated.backdated).toBe(true);
    expect(backdated.events[0]!.action).toMatch(/diisi mundur/);
    expect(backdated.events[0]!.note).toContain('Diterima 23 November 2026 pukul 10.00 WIB');

    // The same complaint recorded at that moment has the same dues.
    o.clock.set('2026-11-23T03:00:00.000Z');
    const onTime = await o.act('staf', 'complaints.create', sampleComplaint({ channel: 'kotak_saran', subject: 'Lampu jalan mati' }));
    expect(onTime.backdated).toBe(false);
    const [a, b] = [await o.act('staf', 'workflow.journey', { id: backdated.id }), await o.act('staf', 'workflow.journey', { id: onTime.id })];
    expect(a.clockStartedAt).toBe('2026-11-23T03:00:00.000Z');
    expect(a.dueAt).not.toBeNull();
    expect(a.dueAt).toBe(b.dueAt);
    expect(a.current?.dueAt).toBe(b.current?.dueAt);

    const audit = await ok(o.core, o.admin, 'audit.list', { registerNo: backdated.registerNo });
    const received = audit.rows.find((r) => r.action === 'complaint.received')!;
    expect(received.detail).toContain('tanggal diterima diisi mundur: 23 November 2026 pukul 10.00 WIB');
  });

  it('refuses a receipt in the future or too far back, in Indonesian, against the core clock', async () => {
    const o = await office();
    const future = await o.refuse('staf', 'complaints.create', sampleComplaint({ receivedDate: '2026-11-24', receivedTime: '09.30' }));
    expect(future.message).toBe('Tanggal dan jam diterima tidak boleh sesudah saat ini; periksa tanggal dan jamnya.');
    expect(future.field).toBe('receivedDate');
    const old = await o.refuse('staf', 'complaints.create', sampleComplaint({ receivedDate: '2026-11-09', receivedTime: '09.00' }));
    expect(old.message).toMatch(/^Tanggal diterima paling jauh 14 hari ke belakang \(sejak 10 November 2026\)/);
    // 14 days back is the limit itself.
    await o.act('staf', 'complaints.create', sampleComplaint({ receivedDate: '2026-11-10', receivedTime: '08.00' }));
    const noTime = await o.refuse('staf', 'complaints.create', sampleComplaint({ receivedDate: '2026-11-20' }));
    expect(noTime.fields?.receivedTime).toMatch(/Isi jam diterima/);
    const badLetter = await o.refuse('staf', 'complaints.create', sampleComplaint({ channel: 'surat', letterDate: '2026-11-25' }));
    expect(badLetter.message).toBe('Tanggal surat tidak boleh sesudah tanggal diterima (24 November 2026).');
    expect(await o.act('staf', 'complaints.intakeRules', {})).toEqual({ backdateDays: 14 });
  });
});

describe('surat pelapor on the forms', () => {
  it('carries the letter number and date to the newly issued lembar disposisi and kartu kendali', async () => {
    const o = await office();
    const c = await o.act(
      'staf',
      'complaints.create',
      sampleComplaint({ channel: 'surat', receivedDate: '2026-11-23', receivedTime: '13.15', letterNo: '045/RT03/XI/2026', letterDate: '2026-11-21' }),
    );
    expect([c.letterNo, c.letterDate]).toEqual(['045/RT03/XI/2026', '2026-11-21']);
    // Another channel keeps no letter.
    const other = await o.act('staf', 'complaints.create', sampleComplaint({ channel: 'langsung', letterNo: 'x', letterDate: '2026-11-21', subject: 'Lain' }));
    expect([other.letterNo, other.letterDate]).toEqual(['', '']);

    const kasiId = (await ok(o.core, o.admin, 'users.list', {})).find((u) => u.username === 'kasi')!.id;
    const docs = await o.act('staf', 'documents.list', { complaintId: c.id });
    const card = docs.find((d) => d.kind === 'kartu_kendali')!;
    const cardDocx = readDocx(Buffer.from((await o.act('staf', 'documents.docx', { id: card.id })).dataBase64, 'base64'));
    expect(cardDocx.text).toContain('21 November 2026 / 045/RT03/XI/2026');

    for (const [who, step] of [['sekcam', 2], ['staf', 3]] as const) {
      const j = await o.act(who, 'workflow.journey', { id: c.id });
      expect(j.current?.stepNo).toBe(step);
      o.clock.advanceMinutes(30);
      await o.act(who, 'workflow.advance', { id: c.id, note: '' });
    }
    await o.act('camat', 'workflow.dispose', { id: c.id, to: [kasiId], sifat: 'segera', instructions: ['proses_lanjut'], note: 'Cek lokasi.' });
    const sheet = (await o.act('staf', 'documents.list', { complaintId: c.id })).find((d) => d.kind === 'lembar_disposisi')!;
    const sheetDocx = readDocx(Buffer.from((await o.act('staf', 'documents.docx', { id: sheet.id })).dataBase64, 'base64'));
    const lines = sheetDocx.paragraphs;
    const after = (label: string) => lines[lines.indexOf(label) + 1]?.replace(/^:\s*/, '');
    expect(after('Nomor surat')).toBe('045/RT03/XI/2026');
    expect(after('Tanggal surat')).toBe('21 November 2026');
    expect(after('Diterima tanggal')).toBe('23 November 2026');
    const newCard = (await o.act('staf', 'documents.list', { complaintId: c.id })).filter((d) => d.kind === 'kartu_kendali').at(-1)!;
    expect(readDocx(Buffer.from((await o.act('staf', 'documents.docx', { id: newCard.id })).dataBase64, 'base64')).text).toContain('045/RT03/XI/2026');
  });
});

describe('kelengkapan', () => {
  it('lists the missing items of the complaint’s own standard version', async () => {
    const o = await office();
    const checklist = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!.standard.kelengkapanChecklist;
    const c = await o.act('staf', 'complaints.create', sampleComplaint({ kelengkapan: [checklist[0]!] }));
    const got = await o.act('staf', 'complaints.get', { id: c.id });
    expect(got.kelengkapan).toEqual([checklist[0]]);
    expect(got.kelengkapanMissing).toEqual(checklist.slice(1));
    // A later edit of the standard changes the list of new complaints only.
    const standard = await ok(o.core, o.admin, 'standard.get', {});
    await ok(o.core, o.admin, 'standard.update', { ...standard, kelengkapanChecklist: ['Surat kuasa bila diwakilkan'] });
    expect((await o.act('staf', 'complaints.get', { id: c.id })).kelengkapanMissing).toEqual(checklist.slice(1));
    const later = await o.act('staf', 'complaints.create', sampleComplaint({ subject: 'Lain', kelengkapan: [] }));
    expect(later.kelengkapanMissing).toEqual(['Surat kuasa bila diwakilkan']);
    // An item the standard does not list (a form opened before the edit), or one ticked twice, is refused.
    for (const kelengkapan of [[checklist[0]!], ['Surat kuasa bila diwakilkan', 'Surat kuasa bila diwakilkan']]) {
      expect(await o.refuse('staf', 'complaints.create', sampleComplaint({ subject: 'Lain lagi', kelengkapan }))).toMatchObject({ code: 'validation', field: 'kelengkapan' });
    }
  });
});

describe('possible duplicates', () => {
  it('finds the same NIK or phone and close text, without revealing a hidden reporter, and links both ways', async () => {
    const o = await office();
    const first = await o.act('staf', 'complaints.create', sampleComplaint());
    const other = await o.act(
      'staf',
      'complaints.create',
      sampleComplaint({ reporter: { name: 'Budi', address: '', nik: '', phone: '', email: '', anonymous: false, confidential: false }, subject: 'Pungutan liar pembuatan KTP', description: 'Diminta uang Rp50.000 oleh oknum saat mengurus KTP elektronik di kantor kecamatan.' }),
    );
    // Same NIK, another text.
    const byNik = await o.act('staf', 'complaints.similar', { reporterNik: '3514015506800002', subject: 'Bantuan sosial', description: 'Belum menerima BLT.' });
    expect(byNik).toEqual([expect.objectContaining({ id: first.id, registerNo: first.registerNo, reason: 'nik sama', status: 'diterima' })]);
    expect(Object.keys(byNik[0]!).sort()).toEqual(['id', 'reason', 'receivedAt', 'registerNo', 'status', 'subject']);
    // The same phone written another way.
    const byPhone = await o.act('staf', 'complaints.similar', { reporterPhone: '+62 812-3456-7890', subject: '', description: '' });
    expect(byPhone.map((s) => [s.id, s.reason])).toEqual([[first.id, 'telepon sama']]);
    // Nearly the same text, another reporter.
    const byText = await o.act('staf', 'complaints.similar', {
      subject: 'Jalan desa di Dusun Krajan rusak',
      description: 'Jalan makadam 300 meter di Dusun Krajan berlubang dan tergenang bila hujan, anak sekolah sulit lewat.',
    });
    expect(byText.map((s) => [s.id, s.reason])).toEqual([[first.id, 'isi mirip']]);
    expect(byText.some((s) => s.id === other.id)).toBe(false);
    expect(await o.act('staf', 'complaints.similar', { subject: 'Lampu penerangan jalan', description: 'Lampu di perempatan mati sejak seminggu.' })).toEqual([]);
    expect((await o.refuse('kasi', 'complaints.similar', { subject: 'x', description: 'y' })).code).toBe('forbidden');

    // An anonymous reporter: another officer is never told the NIK matches.
    const anon = await o.act(
      'staf',
      'complaints.create',
      sampleComplaint({ reporter: { name: '', address: '', nik: '3514015506800099', phone: '', email: '', anonymous: true, confidential: false }, subject: 'Pelayanan kasar', description: 'Petugas loket membentak warga.' }),
    );
    const confidential = await o.act(
      'staf',
      'complaints.create',
      sampleComplaint({ reporter: { name: 'Rahmat', address: '', nik: '3514015506800077', phone: '', email: '', anonymous: false, confidential: true }, subject: 'Suap', description: 'Ada permintaan uang.' }),
    );
    for (const who of ['staf', 'staf2'] as const) {
      expect(await o.act(who, 'complaints.similar', { reporterNik: '3514015506800099', subject: 'Sampah', description: 'Sampah menumpuk.' })).toEqual([]);
      expect(await o.act(who, 'complaints.similar', { reporterNik: '3514015506800077', subject: 'Sampah', description: 'Sampah menumpuk.' })).toEqual([]);
    }
    // Its text may still come up, as text only.
    const anonText = await o.act('staf2', 'complaints.similar', { reporterNik: '3514015506800099', subject: 'Pelayanan kasar', description: 'Petugas loket membentak warga.' });
    expect(anonText.map((s) => [s.id, s.reason])).toEqual([[anon.id, 'isi mirip']]);
    expect(JSON.stringify(anonText)).not.toContain('3514015506800099');
    expect(confidential.id).toBeGreaterThan(0);

    // Linked at saving: both pages show it, both histories say it.
    const second = await o.act('staf', 'complaints.create', sampleComplaint({ linkTo: first.id }));
    expect(second.links).toEqual([{ id: first.id, registerNo: first.registerNo, subject: first.subject }]);
    const firstAgain = await o.act('staf', 'complaints.get', { id: first.id });
    expect(firstAgain.links).toEqual([{ id: second.id, registerNo: second.registerNo, subject: second.subject }]);
    expect(second.events.at(-1)!.action).toBe(`Ditautkan ke pengaduan ${first.registerNo} (kemungkinan pengaduan yang sama)`);
    expect(firstAgain.events.at(-1)!.action).toBe(`Pengaduan ${second.registerNo} ditautkan ke pengaduan ini (kemungkinan pengaduan yang sama)`);
    const audit = await ok(o.core, o.admin, 'audit.list', { registerNo: first.registerNo });
    expect(audit.rows.filter((r) => r.action === 'complaint.linked').map((r) => r.detail)).toEqual([`Dengan pengaduan ${second.registerNo}`]);
    // Only to a complaint that exists.
    expect((await o.refuse('staf', 'complaints.create', sampleComplaint({ linkTo: 9999 }))).code).toBe('not_found');
  });
});

describe('the register text index at intake', () => {
  it('holds a recorded complaint once, its officer among those who may open it, under a standard of one step too', async () => {
    const o = await office();
    const db = o.core.db;
    const stafId = db.prepare("SELECT id FROM users WHERE username = 'staf'").pluck().get() as number;
    const keyOf = db.prepare('SELECT k FROM complaints_register_text WHERE id = ?').pluck();
    // Entries of the contentless index under the complaint's register key.
    const entries = db.prepare('SELECT count(*) FROM complaints_register_fts_docsize WHERE id = ?').pluck();
    const matching = db.prepare('SELECT rowid FROM complaints_register_fts WHERE complaints_register_fts MATCH ?').pluck();
    const check = async (id: number, word: string) => {
      const k = keyOf.get(id);
      expect(entries.get(k)).toBe(1);
      expect(matching.all(`{viewers} : "u${stafId}"`)).toContain(k);
      expect(matching.all(`{subject} : "${word}"`)).toEqual([k]);
      expect((await o.act('staf', 'complaints.list', { q: word })).rows.map((r) => r.id)).toEqual([id]);
    };
    await check((await o.act('staf', 'complaints.create', sampleComplaint({ subject: 'Lampu penerangan jalan padam' }))).id, 'penerangan');
    // A standard of one step: saving the complaint finishes it, once its row is in.
    const standard = await ok(o.core, o.admin, 'standard.get', {});
    await ok(o.core, o.admin, 'standard.update', { ...standard, clockStartsWhen: 'diterima', steps: standard.steps.slice(0, 1) });
    const closed = await o.act('staf', 'complaints.create', sampleComplaint({ subject: 'Saluran irigasi tersumbat sampah' }));
    expect(closed.status).toBe('selesai');
    await check(closed.id, 'irigasi');
  });
});
