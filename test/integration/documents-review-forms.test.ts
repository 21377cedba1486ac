import { strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { controlCardBox, type ControlCardView } from '../../shared/documents/controlCard';
import { DISPOSITION_NOTE_BOX, type DispositionSheetView } from '../../shared/documents/dispositionSheet';
import type { LetterView } from '../../shared/documents/letter';
import type { ReceiptView } from '../../shared/documents/receipt';
import { CUT_MARK_FULL_TEXT, fitText, textWidthPt, wrapLines } from '../../shared/documents/textFit';
import type { ComplaintInput } from '../../shared/schemas/complaint';
import type { DocxContents } from '../support/docx';
import { sampleComplaint, type TestCore } from '../support/core';
import { paperOffice, type Office } from './paper';

// The forms of a complaint through the real core on a real SQLite file, each read back
// from its DOCX: the disposition note cut the same way on the kartu kendali, the lembar
// disposisi and their DOCX; the kartu kendali's dates and letter reference; the sender's
// letter on the tanda terima; the files' author and language; the delivery receipt's labels.

let t: TestCore | undefined;
afterEach(() => t?.dispose());
// Tue 24 Nov 2026 09.00 WIB. Wonoasih: the Camat may take every step up to the delivery.
const office = () => paperOffice('wonoasih', '2026-11-24T02:00:00.000Z', (core) => (t = core));

// 1,000 characters, the most a disposition note may have.
const LONG_NOTE = (
  'Mohon segera dicek ke lokasi bersama perangkat desa dan Babinsa, difoto kondisi jalan sebelum dan sesudah, lalu dilaporkan hasilnya paling lambat hari Jumat. ' +
  'Koordinasikan juga dengan Dinas PUPR Kabupaten apabila kerusakan termasuk ruas jalan kabupaten, serta sampaikan kepada pelapor perkembangan penanganannya. '
).repeat(4).slice(0, 1000);

/** Records a complaint and takes it to its disposition, the next day; returns its documents. */
async function disposed(o: Office, over: Partial<ComplaintInput> = {}, note = LONG_NOTE) {
  const id = (await o.act('staf', 'complaints.create', sampleComplaint(over))).id;
  let j = await o.journey(id, 'camat');
  while (!j.actions.includes('dispose')) {
    o.later(5);
    j = j.actions.includes('takeOver')
      ? await o.act('camat', 'workflow.takeOver', { id, reason: 'Petugas berhalangan.' })
      : await o.act('camat', 'workflow.advance', { id });
  }
  o.later(24 * 60); // Wed 25 Nov
  await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi1!], sifat: 'segera', instructions: ['proses_lanjut'], note });
  const docs = await o.docs(id);
  const view = async <V>(kind: string, last = false) => {
    const of = docs.filter((d) => d.kind === kind);
    const doc = last ? of[of.length - 1]! : of[0]!;
    return { doc, view: (await o.act('staf', 'documents.get', { id: doc.id })).content.view as V, docx: await o.docx(doc.id) };
  };
  return {
    id,
    intakeCard: await view<ControlCardView>('kartu_kendali'),
    card: await view<ControlCardView>('kartu_kendali', true),
    sheet: await view<DispositionSheetView>('lembar_disposisi'),
    receipt: await view<ReceiptView>('tanda_terima'),
  };
}

const count = (d: DocxContents, s: string) => d.paragraphs.filter((p) => p === s).length;
const after = (d: DocxContents, label: string) => d.paragraphs[d.paragraphs.indexOf(label) + 1];

describe('a long disposition note', () => {
  it('is cut at a word, the same on screen, in print and in the DOCX, saying where the rest is', async () => {
    const o = await office();
    const { card, sheet } = await disposed(o);

    // Lembar disposisi: the note's box holds seven lines; the cut one says where the whole note is.
    const note = sheet.view.catatan;
    expect(note.endsWith(` ${CUT_MARK_FULL_TEXT}`)).toBe(true);
    const kept = note.slice(0, -CUT_MARK_FULL_TEXT.length).trim();
    expect(LONG_NOTE.startsWith(kept)).toBe(true);
    expect(LONG_NOTE[kept.length]).toMatch(/[\s,.]/); // at a word
    expect(kept.length).toBeGreaterThan(400);
    expect(wrapLines(note, DISPOSITION_NOTE_BOX).length).toBeLessThanOrEqual(DISPOSITION_NOTE_BOX.lines);
    // The DOCX prints exactly the view (which the print view renders too), in a row of the box's height.
    expect(after(sheet.docx, 'Catatan:')).toBe(note);
    expect(sheet.docx.xml).toContain(`<w:trHeight w:val="${Math.round((3.6 * 1440) / 2.54)}" w:hRule="atLeast"/>`);

    // Kartu kendali (F4 by default): three lines of note on each of the office's two cards
    // (the third is the reporter's).
    const cardNote = card.view.catatan;
    expect(cardNote.startsWith('Segera. Mohon segera dicek')).toBe(true);
    expect(cardNote.endsWith(` ${CUT_MARK_FULL_TEXT}`)).toBe(true);
    expect(wrapLines(cardNote, controlCardBox('catatan', 'F4')).length).toBeLessThanOrEqual(3);
    expect(count(card.docx, cardNote)).toBe(2);
  });

  it('is cut to two lines on an A4 card, and a short note is kept whole', async () => {
    const o = await office();
    const settings = await o.act('admin', 'documents.settings', {});
    await o.act('admin', 'documents.updateSettings', { ...settings, paper: 'A4' });
    const long = await disposed(o);
    expect(long.card.view.paper).toBe('A4');
    expect(wrapLines(long.card.view.catatan, controlCardBox('catatan', 'A4')).length).toBeLessThanOrEqual(2);
    expect(long.card.view.catatan.length).toBeLessThan(
      fitText(`Segera. ${LONG_NOTE}`, controlCardBox('catatan', 'F4'), CUT_MARK_FULL_TEXT).length,
    );

    const short = await disposed(o, {}, 'Cek ke lokasi.');
    expect(short.card.view.catatan).toBe('Segera. Cek ke lokasi.');
    expect(short.sheet.view.catatan).toBe('Cek ke lokasi.');
    expect(after(short.sheet.docx, 'Catatan:')).toBe('Cek ke lokasi.');
  });

  it('never leaves a card’s value wider than its box', async () => {
    const o = await office();
    const long = (s: string, n: number) => `${s} `.repeat(Math.ceil(n / s.length)).slice(0, n).trim();
    const { card } = await disposed(o, {
      channel: 'surat',
      letterNo: long('140/27/RT02/RW05/Kel.Jrebeng', 100),
      letterDate: '2026-11-20',
      reporter: { ...sampleComplaint().reporter, name: long('Hj. Siti Aminah Nurhayati Kusumawardhani', 120) },
      subject: long('Jalan desa rusak berlubang di Dusun Krajan menuju sekolah dasar negeri', 200),
    });
    const v = card.view;
    for (const field of ['indeks', 'kode', 'nomorUrut', 'isiRingkas', 'lampiran', 'dari', 'kepada', 'tanggalNomorSurat', 'pengolah', 'paraf', 'tanggal', 'catatan'] as const) {
      const box = controlCardBox(field, v.paper);
      expect(wrapLines(v[field], box).length, field).toBeLessThanOrEqual(box.lines);
      // Three cards (Kepada and Pengolah may say the same); the note on the office's two.
      expect(count(card.docx, v[field]), field).toBeGreaterThanOrEqual(field === 'catatan' ? 2 : 3);
    }
    expect(v.isiRingkas.endsWith(' …')).toBe(true);
    expect(v.dari.endsWith(' …')).toBe(true);
  });
});

describe('the kartu kendali’s dates and the incoming item’s reference', () => {
  it('dates Paraf/Tanggal by the disposition, and never gives the register number as a letter number', async () => {
    const o = await office();
    const { intakeCard, card, sheet } = await disposed(o, { channel: 'langsung' }, 'Cek ke lokasi.');
    // Received Tue 24 Nov, disposed Wed 25 Nov.
    expect(intakeCard.view.tanggal).toBe('');
    expect(card.view.tanggal).toBe('25 November 2026');
    expect(after(card.docx, 'Tanggal')).toBe('25 November 2026');
    expect(sheet.view.date).toBe('25 November 2026');
    // A walk-in complaint has no letter: dated the day received, no number, on both forms alike.
    expect(card.view.tanggalNomorSurat).toBe('24 November 2026 / -');
    expect(card.view.tanggalNomorSurat).not.toContain(card.view.nomorUrut);
    expect([sheet.view.tanggalSurat, sheet.view.nomorSurat]).toEqual(['24 November 2026', '-']);
    expect(after(card.docx, 'Tanggal/Nomor surat')).toBe('24 November 2026 / -');
    expect(card.view.dari).toBe('Siti Aminah (Langsung/Loket)');
  });

  it('names several Kasi and seksi in their short forms, so the narrow boxes hold each one', async () => {
    const o = await office();
    const users = await o.act('admin', 'users.list', {});
    const rename = async (username: string, jabatan: string, seksi: string) => {
      const u = users.find((x) => x.username === username)!;
      await o.act('admin', 'users.update', { id: u.id, rowVersion: u.rowVersion, user: { name: u.name, nip: u.nip, jabatan, pangkat: u.pangkat, role: 'kasi', seksi, active: true } });
    };
    await rename('kasi1', 'Kepala Seksi Pelayanan Umum', 'Seksi Pelayanan Umum');
    await rename('kasi2', 'Kepala Sub Bagian Umum', 'Sub Bagian Umum');
    const id = (await o.act('staf', 'complaints.create', sampleComplaint())).id;
    let j = await o.journey(id, 'camat');
    while (!j.actions.includes('dispose')) {
      o.later(5);
      j = j.actions.includes('takeOver') ? await o.act('camat', 'workflow.takeOver', { id, reason: 'Petugas berhalangan.' }) : await o.act('camat', 'workflow.advance', { id });
    }
    await o.act('camat', 'workflow.dispose', { id, to: [o.ids.kasi1!, o.ids.kasi2!], sifat: 'biasa', instructions: ['proses_lanjut'] });
    const cards = (await o.docs(id)).filter((d) => d.kind === 'kartu_kendali');
    const card = (await o.act('staf', 'documents.get', { id: cards.at(-1)!.id })).content.view as ControlCardView;
    expect(card.kepada).toBe('Kasi Pelayanan Umum, Kasubbag Umum');
    expect(card.pengolah).toBe('Pelayanan Umum, Subbag Umum');
    // The lembar disposisi ticks them by the same short names, one line each.
    const sheet = (await o.docs(id)).find((d) => d.kind === 'lembar_disposisi')!;
    const recipients = ((await o.act('staf', 'documents.get', { id: sheet.id })).content.view as DispositionSheetView).recipients;
    expect(recipients.filter((r) => r.checked).map((r) => r.label)).toEqual(['Kasi Pelayanan Umum', 'Kasubbag Umum']);
    expect(recipients[0]).toEqual({ label: 'Sekretaris Kecamatan', checked: false });
  });

  it('prints a letter’s own date and number, and SP4N-LAPOR!’s tracking number, the same on both forms', async () => {
    const o = await office();
    const letter = await disposed(o, { channel: 'surat', letterNo: '140/27/RT02/XI/2026', letterDate: '2026-11-20' }, '');
    expect(letter.card.view.tanggalNomorSurat).toBe('20 November 2026 / 140/27/RT02/XI/2026');
    expect([letter.sheet.view.tanggalSurat, letter.sheet.view.nomorSurat]).toEqual(['20 November 2026', '140/27/RT02/XI/2026']);
    const unnumbered = await disposed(o, { channel: 'surat' }, '');
    expect(unnumbered.card.view.tanggalNomorSurat).toBe('- / -');
    expect([unnumbered.sheet.view.tanggalSurat, unnumbered.sheet.view.nomorSurat]).toEqual(['-', '-']);
    const lapor = await disposed(o, { channel: 'sp4n_lapor', laporTrackingId: '5123456' }, '');
    const received = lapor.sheet.view.diterimaTanggal;
    expect(lapor.card.view.tanggalNomorSurat).toBe(`${received} / 5123456`);
    expect([lapor.sheet.view.tanggalSurat, lapor.sheet.view.nomorSurat]).toEqual([received, '5123456']);
    // An anonymous reporter by the channel, once.
    const anon = await disposed(o, { channel: 'kotak_saran', reporter: { ...sampleComplaint().reporter, name: '', address: '', nik: '', phone: '', anonymous: true } }, '');
    expect(anon.card.view.dari).toBe('Pelapor anonim (Kotak Saran)');
    expect(anon.sheet.view.suratDari).toBe('Pelapor anonim (Kotak Saran)');
  });
});

/** Each copy of a kartu kendali, paragraph by paragraph: from its label to its last box, the Catatan's value. */
function cardSheets(d: DocxContents, copies: string[]) {
  return copies.map((copy) => {
    const from = d.paragraphs.indexOf(copy);
    expect(from, copy).toBeGreaterThanOrEqual(0);
    return d.paragraphs.slice(from, d.paragraphs.indexOf('Catatan', from) + 2);
  });
}

describe('the kartu kendali’s copy for the reporter', () => {
  const NOTE = 'Cek ke lokasi bersama perangkat desa.';

  it('never carries the disposition’s note, which the office’s own copies keep', async () => {
    const o = await office();
    const { intakeCard, card } = await disposed(o, {}, NOTE);
    const copies = ['Lembar 1: Arsip buku agenda', 'Lembar 2: Pengolah', 'Lembar 3: Pelapor/penerima'];
    expect(card.view.copies).toEqual(copies);
    expect(card.view.catatan).toBe(`Segera. ${NOTE}`);

    const [archive, pengolah, reporter] = cardSheets(card.docx, copies);
    expect(archive!.at(-1)).toBe(`Segera. ${NOTE}`);
    expect(pengolah!.at(-1)).toBe(`Segera. ${NOTE}`);
    expect(reporter!.at(-2)).toBe('Catatan');
    expect(reporter!.at(-1)).toBe('');
    expect(reporter!.join('\n')).not.toContain('lokasi');
    expect(reporter!.join('\n')).not.toContain('Segera');
    // Otherwise the reporter's card says what the office's say, Kepada and Pengolah included.
    expect(reporter!.slice(1, -1)).toEqual(pengolah!.slice(1, -1));
    expect(reporter).toContain('Kasi Pelayanan');
    // As the card issued at intake, before any disposition.
    const [, , intakeReporter] = cardSheets(intakeCard.docx, copies);
    expect(intakeReporter!.at(-1)).toBe('');
  });

  it('is the copy the office’s labels give to the reporter, wherever it stands', async () => {
    const o = await office();
    const settings = await o.act('admin', 'documents.settings', {});
    const copies = ['Lembar 1: Pelapor', 'Lembar 2: Arsip pengaduan', 'Lembar 3: Pengolah'];
    await o.act('admin', 'documents.updateSettings', { ...settings, controlCardCopies: copies });
    const { card } = await disposed(o, {}, NOTE);
    const [reporter, archive, pengolah] = cardSheets(card.docx, copies);
    expect(reporter!.at(-1)).toBe('');
    expect(archive!.at(-1)).toBe(`Segera. ${NOTE}`);
    expect(pengolah!.at(-1)).toBe(`Segera. ${NOTE}`);
  });
});

describe('the tanda terima of a letter', () => {
  it('acknowledges the sender’s letter by its number and date', async () => {
    const o = await office();
    const { id, receipt } = await disposed(o, { channel: 'surat', letterNo: '140/27/RT02/XI/2026', letterDate: '2026-11-20' }, '');
    const rows = Object.fromEntries(receipt.view.rows.map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({ Kanal: 'Surat', 'Nomor surat': '140/27/RT02/XI/2026', 'Tanggal surat': '20 November 2026' });
    const labels = receipt.view.rows.map((r) => r.label);
    expect(labels.indexOf('Nomor surat')).toBe(labels.indexOf('Kanal') + 1);
    expect(receipt.docx.text).toContain('140/27/RT02/XI/2026');
    expect(receipt.docx.text).toContain('20 November 2026');
    expect((await o.act('staf', 'complaints.receipt', { id })).rows).toEqual(receipt.view.rows);

    const walkIn = await disposed(o, { channel: 'langsung' }, '');
    expect(walkIn.receipt.view.rows.map((r) => r.label)).not.toContain('Nomor surat');
    expect(walkIn.receipt.view.rows.map((r) => r.label)).not.toContain('Tanggal surat');
  });
});

describe('every DOCX', () => {
  it('names Tanggap as author and last editor and is Indonesian; the delivery receipt keeps its labels on one line', async () => {
    const o = await office();
    const { id, card, sheet, receipt } = await disposed(o, {}, 'Cek ke lokasi.');
    let j = await o.journey(id, 'camat');
    while (!j.actions.includes('deliver')) {
      o.later(5);
      j = j.actions.includes('takeOver')
        ? await o.act('camat', 'workflow.takeOver', { id, reason: 'Petugas berhalangan.' })
        : await o.act('camat', 'workflow.advance', { id });
    }
    o.later(30);
    const now = o.clock.now();
    const local = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
    await o.act('camat', 'documents.deliver', { complaintId: id, channel: 'whatsapp', deliveredAt: local, recipient: 'Siti Aminah', note: '', proof: [] });
    const handoverDoc = (await o.docs(id)).find((d) => d.kind === 'tanda_terima_penyampaian')!;
    const handover = await o.docx(handoverDoc.id);
    const handoverView = (await o.act('staf', 'documents.get', { id: handoverDoc.id })).content.view as LetterView;
    expect(handoverView.blocks.some((b) => b.type === 'rows' && b.rows.some((r) => r.label === 'Disampaikan melalui'))).toBe(true);
    // Sent by WhatsApp: the paper says sent, to whom, and only the officer signs it.
    expect(handoverView.blocks[0]).toEqual({ type: 'paragraph', text: 'Telah dikirimkan melalui WhatsApp tanggapan atas pengaduan masyarakat dengan keterangan sebagai berikut:' });
    expect(handoverView.blocks.some((b) => b.type === 'rows' && b.rows.some((r) => r.label === 'Disampaikan kepada' && r.value === 'Siti Aminah'))).toBe(true);
    expect(handoverView.signatures.map((x) => x.caption)).toEqual([['Yang menyampaikan,']]);
    expect(handover.text).not.toContain('Yang menerima');

    for (const docx of [receipt.docx, card.docx, sheet.docx, handover]) {
      const core = strFromU8(docx.part('docProps/core.xml')!);
      expect(core).toContain('<dc:creator>Tanggap</dc:creator>');
      expect(core).toContain('<cp:lastModifiedBy>Tanggap</cp:lastModifiedBy>');
      expect(core).not.toContain('Un-named');
      const styles = strFromU8(docx.part('word/styles.xml')!);
      expect(styles).toMatch(/<w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="id-ID"\/>/);
      expect(styles).not.toContain('en-US');
    }

    // The label column of the rows: "Disampaikan melalui" in Arial 12 and the cell's padding fit it.
    const label = handover.xml.lastIndexOf('<w:tbl>', handover.xml.indexOf('Disampaikan melalui'));
    const column = Number(/<w:gridCol w:w="(\d+)"\/>/.exec(handover.xml.slice(label))![1]);
    const needed = textWidthPt('Disampaikan melalui', 12) * 20 + Math.round((0.1 * 1440) / 2.54);
    expect(column).toBeGreaterThan(needed * 1.05);
    expect(column).toBe(Math.round((4.5 * 1440) / 2.54));
    expect(handover.paragraphs).toContain('Disampaikan melalui');
  });
});
