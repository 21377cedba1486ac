import { afterEach, describe, expect, it } from 'vitest';
import type { LetterView } from '../../shared/documents/letter';
import type { TestCore } from '../support/core';
import { PASSWORD, paperOffice, pegantenanToSigning, signaturePng, type Office } from './paper';

// A Kasi appointed Plh. Camat signs on screen as an acting Sekcam would: the signature
// queue and its count are his on the days of the appointment only, and the letter he
// signs says "Plh. CAMAT …" over his own jabatan and name.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

/** Pegantenan from intake to its step 10 (the Camat signs), disposed to Kasi Pelayanan: the initialled surat tanggapan. */
async function toSigning(o: Office) {
  const id = await o.record();
  return { id, draft: await pegantenanToSigning(o, id) };
}

describe('a Kasi appointed Plh. Camat signs on screen', () => {
  it('on the day of the appointment only, with his specimen, in the Plh. capacity', async () => {
    // Tue 24 Nov 2026 09.00 WIB; Kasi Pemerintahan (kasi2) is Plh. Camat for that day only.
    const o = await paperOffice('pegantenan', '2026-11-24T02:00:00.000Z', (core) => (t = core));
    await o.act('admin', 'officials.add', { userId: o.ids.kasi2!, kind: 'plh', from: '2026-11-24', to: '2026-11-24' });
    const { id, draft } = await toSigning(o);
    // Without his specimen he is told to upload one; a wet signature is not his to record.
    expect((await o.refuse('kasi2', 'documents.sign', { id: draft.id, password: PASSWORD })).message).toBe(
      'Contoh tanda tangan Anda belum diunggah: buka Akun saya › Contoh tanda tangan dan unggah gambarnya.',
    );
    // The form said so before he typed his password.
    expect((await o.act('kasi2', 'documents.get', { id: draft.id })).signingAs).toMatchObject({ capacity: 'Plh.', specimen: false });
    await o.act('kasi2', 'auth.setSignature', { image: signaturePng() });

    // The screens learn it from the session; the other Kasi signs nothing.
    expect(await o.act('kasi2', 'auth.me', {})).toMatchObject({ role: 'kasi', signsForHead: true });
    expect(await o.act('kasi1', 'auth.me', {})).toMatchObject({ role: 'kasi', signsForHead: false });
    expect(await o.act('sekcam', 'auth.me', {})).toMatchObject({ signsForHead: true });
    expect(await o.act('staf', 'auth.me', {})).toMatchObject({ signsForHead: false });

    // The queue and the menu's count are his; he opens the draft though the complaint was disposed to kasi1.
    expect((await o.act('kasi2', 'documents.signatureQueue', {})).map((q) => q.id)).toEqual([draft.id]);
    expect(await o.act('kasi2', 'tasks.counts', {})).toMatchObject({ toSign: 1, signsForHead: true });
    expect(await o.act('kasi1', 'tasks.counts', {})).toMatchObject({ toSign: 0, signsForHead: false });
    const opened = await o.act('kasi2', 'documents.get', { id: draft.id });
    // In the head's place he signs it, or returns it for correction as the head would.
    expect(opened.actions).toEqual(['return', 'sign']);
    // The sign form tells him before he signs in which capacity, and how the block will read.
    expect(opened.signingAs).toEqual({ capacity: 'Plh.', caption: ['Plh. CAMAT PEGANTENAN', 'KASI PEMERINTAHAN,'], name: 'Sri Wahyuni', specimen: true });
    // The letter beside the form is the one he signs: his block, still a draft; the Staf
    // and the Camat read it with the Camat's.
    const blockOf = (content: { view: unknown }) => (content.view as LetterView).signatures.map((sig) => [sig.caption, sig.name, sig.image]);
    const camatName = (await o.act('camat', 'auth.me', {}))!.name;
    expect(blockOf(opened.content)).toEqual([[['Plh. CAMAT PEGANTENAN', 'KASI PEMERINTAHAN,'], 'Sri Wahyuni', '']]);
    expect((opened.content.view as LetterView).watermark).toBe('DRAF');
    expect(blockOf((await o.act('staf', 'documents.get', { id: draft.id })).content)).toEqual([[['CAMAT PEGANTENAN,'], camatName, '']]);
    expect(blockOf((await o.act('camat', 'documents.get', { id: draft.id })).content)).toEqual([[['CAMAT PEGANTENAN,'], camatName, '']]);
    // Whoever may not sign it now is told nothing of the kind.
    expect((await o.act('kasi1', 'documents.get', { id: draft.id })).signingAs).toBeNull();
    // His screens link to no complaint he cannot open; the Staf's do.
    expect(opened.complaintOpen).toBe(false);
    expect((await o.act('staf', 'documents.get', { id: draft.id })).complaintOpen).toBe(true);
    // Only the letter, and only as the head's signer: not its complaint, nor the Kasi's own drafting.
    expect((await o.refuse('kasi2', 'complaints.get', { id })).code).toBe('forbidden');
    expect((await o.refuse('kasi2', 'documents.revise', { id: draft.id, rowVersion: opened.rowVersion, content: opened.draft! })).code).toBe('forbidden');
    expect((await o.refuse('kasi1', 'documents.return', { id: draft.id, reason: 'Perbaiki tanggal penambalan.' })).code).toBe('forbidden');

    // Another Kasi, not appointed, is refused by the core, queue and signature alike.
    const other = await o.refuse('kasi1', 'documents.sign', { id: draft.id, password: PASSWORD });
    expect(other).toMatchObject({ code: 'forbidden', message: expect.stringContaining('tercatat sebagai Plt./Plh.') });
    expect((await o.refuse('kasi1', 'documents.signatureQueue', {})).code).toBe('forbidden');
    expect((await o.act('kasi1', 'documents.get', { id: draft.id })).actions).not.toContain('sign');

    o.later(30);
    const signed = await o.sign('kasi2', draft.id);
    expect(signed).toMatchObject({ status: 'ditandatangani', signerName: 'Sri Wahyuni', signerCapacity: 'Plh.', number: '000.8.3.4/1/Kec-Pgt/2026' });
    expect((await o.journey(id)).current?.stepNo).toBe(11);
    // Signing completed step 10 in his name: as for anyone who completed one of its steps,
    // the complaint is now his to see too.
    expect((await o.act('kasi2', 'complaints.get', { id })).id).toBe(id);
    expect((await o.act('kasi2', 'documents.get', { id: draft.id })).complaintOpen).toBe(true);
    // Checked by its code, the letter names him in the capacity he signed in.
    expect((await o.act('staf', 'documents.verify', { code: signed.verifyCode })).document?.signerName).toBe('Sri Wahyuni (Plh. Camat Pegantenan)');
    // The signed letter stays open to him.
    const view = (await o.act('kasi2', 'documents.get', { id: draft.id })).content.view as LetterView;
    expect(view.signatures.map((sig) => [sig.caption, sig.name])).toEqual([[['Plh. CAMAT PEGANTENAN', 'KASI PEMERINTAHAN,'], 'Sri Wahyuni']]);
    expect(view.signatures[0]!.image).toBe(signaturePng());
    const letter = await o.docx(draft.id);
    const at = letter.paragraphs.indexOf('Plh. CAMAT PEGANTENAN');
    expect(at).toBeGreaterThan(-1);
    expect(letter.paragraphs.slice(at, at + 6)).toEqual(expect.arrayContaining(['KASI PEMERINTAHAN,', 'Sri Wahyuni', 'NIP 19850722 201001 2 004']));
    expect(letter.text).not.toContain('Drs. Imam Santoso');
    expect(letter.files.filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(2);

    // The audit row names him, as signer and as the one who signed.
    const audit = o.core.db.prepare("SELECT actor_id AS actor, data FROM audit_log WHERE action = 'document.signed'").all() as { actor: number; data: string }[];
    expect(audit.map((a) => ({ actor: a.actor, ...JSON.parse(a.data) }))).toEqual([
      expect.objectContaining({ actor: o.ids.kasi2, documentId: draft.id, signerId: o.ids.kasi2, capacity: 'Plh.' }),
    ]);
    const events = (await o.act('staf', 'complaints.get', { id })).events.map((e) => e.action).join('\n');
    expect(events).toContain('ditandatangani oleh Sri Wahyuni (Plh. Camat Pegantenan)');

    // Wed 25 Nov: the appointment is over; the next letter is refused to him again.
    o.clock.set('2026-11-25T02:00:00.000Z');
    const next = await toSigning(o);
    expect(await o.act('kasi2', 'tasks.counts', {})).toMatchObject({ toSign: 0, signsForHead: false });
    expect(await o.act('kasi2', 'auth.me', {})).toMatchObject({ signsForHead: false });
    expect((await o.refuse('kasi2', 'documents.signatureQueue', {})).code).toBe('forbidden');
    expect((await o.refuse('kasi2', 'documents.sign', { id: next.draft.id, password: PASSWORD })).code).toBe('forbidden');
    expect((await o.refuse('kasi2', 'documents.get', { id: next.draft.id })).code).toBe('forbidden');
    expect((await o.act('staf', 'documents.get', { id: next.draft.id })).status).toBe('draf');
  });
});
