import { afterEach, describe, expect, it } from 'vitest';
import type { LetterView } from '../../shared/documents/letter';
import { sampleComplaint, type TestCore } from '../support/core';
import { paperOffice, pegantenanDrafted, type Office } from './paper';

// A reporter recorded as rahasia (or anonymous) is never named in a letter that goes to
// another agency, and the agency is never asked to answer them directly; letters to the
// reporter still reach them by name, sealed. Through the real core on a real SQLite file,
// each letter read back from its DOCX.

let t: TestCore | undefined;
afterEach(() => t?.dispose());
const office = (presetId = 'kejayan') => paperOffice(presetId, '2026-11-23T02:00:00.000Z', (core) => (t = core));

const REPORTER = sampleComplaint().reporter;
const IDENTITY = [REPORTER.name, REPORTER.nik, REPORTER.phone];

async function forwarded(o: Office, reporter: Partial<typeof REPORTER>, description = sampleComplaint().description) {
  const id = (await o.act('staf', 'complaints.create', sampleComplaint({ reporter: { ...REPORTER, ...reporter }, description }))).id;
  o.later(5);
  await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
  const letter = (await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!;
  return { id, letter };
}

// A surat tanggapan drafted for a complaint followed up by a Kasi (preset pegantenan).
async function answered(o: Office, confidential: boolean) {
  const id = (await o.act('staf', 'complaints.create', sampleComplaint({ reporter: { ...REPORTER, confidential } }))).id;
  return { id, letter: await pegantenanDrafted(o, id, 'Pipa sudah diganti.') };
}

describe('surat penerusan of a rahasia complaint', () => {
  it('names no reporter, has no copy to them, and asks the agency to answer through the office', async () => {
    const o = await office();
    const { letter } = await forwarded(o, { confidential: true });
    const draft = await o.act('staf', 'documents.get', { id: letter.id });
    expect(draft.draft!.tembusan).toEqual([]);

    // Signed a.n. the Camat, as it leaves the office.
    o.later(30);
    await o.sign('sekcam', letter.id);
    const text = (await o.docx(letter.id)).text;
    for (const s of IDENTITY) expect(text).not.toContain(s);
    expect(text).not.toContain('Tembusan');
    expect(text).not.toMatch(/disampaikan\s+kepada\s+pelapor/);
    expect(text).toContain('Atas permintaan pelapor, identitas pelapor kami rahasiakan dan tidak kami cantumkan dalam surat ini.');
    expect(text).toContain('hasilnya disampaikan kepada kami untuk kami teruskan kepada pelapor');
    // The rest of the letter is as before: the agency, the reason, the complaint.
    expect(text).toContain('Perumda Air Minum Kab. Pasuruan');
    expect(text).toContain('Urusan air bersih.');
    expect(text).toContain(sampleComplaint().description);
  });

  it('keeps the identity out even where the complaint’s own words or the drafter name the reporter', async () => {
    const o = await office();
    const { letter } = await forwarded(o, { confidential: true }, `Saya, ${REPORTER.name} (HP ${REPORTER.phone}), melaporkan pipa PDAM bocor di depan rumah.`);
    const text = (await o.docx(letter.id)).text;
    for (const s of IDENTITY) expect(text).not.toContain(s);
    expect(text).toContain('Saya, pelapor (identitas dirahasiakan) (HP dirahasiakan), melaporkan pipa PDAM bocor');

    // A draft written as before this rule: the reporter's copy, the name, an answer to the reporter.
    const current = await o.act('staf', 'documents.get', { id: letter.id });
    const revised = await o.act('staf', 'documents.revise', {
      id: letter.id,
      rowVersion: current.rowVersion,
      content: {
        ...current.draft!,
        body: [`Bersama ini kami teruskan pengaduan Sdr. ${REPORTER.name}, NIK ${REPORTER.nik}.`, 'Kami mohon hasilnya disampaikan kepada pelapor dengan tembusan kepada kami.'],
        tembusan: ['Bupati Pasuruan', `Sdr. ${REPORTER.name} (pelapor)`],
      },
    });
    const view = (await o.act('staf', 'documents.get', { id: revised.id })).content.view as LetterView;
    expect(view.tembusan).toEqual(['Bupati Pasuruan']);
    const signed = await o.sign('camat', revised.id);
    expect(signed.status).toBe('ditandatangani');
    const out = (await o.docx(revised.id)).text;
    for (const s of IDENTITY) expect(out).not.toContain(s);
    expect(out).toContain('Bersama ini kami teruskan pengaduan pelapor (identitas dirahasiakan), NIK (dirahasiakan).');
    expect(out).toContain('Kami mohon hasilnya disampaikan kepada kami untuk kami teruskan kepada pelapor.');
    expect(out).toContain('Bupati Pasuruan');
  });

  it('keeps the address and the numbers out however they are written', async () => {
    const o = await office();
    const words = [
      `Saya tinggal di ${REPORTER.address!.toUpperCase().replace(/ /g, '  ')}.`,
      'Hubungi saya di 0812-3456-7890 atau +62 812 3456 7890, WA (0812) 34567890.',
      `NIK saya ${REPORTER.nik!.replace(/(\d{4})(?=\d)/g, '$1 ')}, surel SITI@contoh.id, telepon rumah (081234567890).`,
      'Pipa bocor sejak 12 November 2026 di RT 03, 150 meter dari balai desa.',
    ].join(' ');
    const { letter } = await forwarded(o, { confidential: true, email: 'siti@contoh.id' }, words);
    const text = (await o.docx(letter.id)).text;
    expect(text).not.toMatch(/krajan rt 02/i);
    expect(text).not.toMatch(/3456/);
    expect(text).not.toMatch(/0680/);
    expect(text).not.toMatch(/contoh\.id/i);
    expect(text).toContain('Saya tinggal di (dirahasiakan). Hubungi saya di (dirahasiakan) atau (dirahasiakan), WA (dirahasiakan).');
    expect(text).toContain('NIK saya (dirahasiakan), surel (dirahasiakan), telepon rumah (dirahasiakan).');
    // Other numbers and places stay.
    expect(text).toContain('Pipa bocor sejak 12 November 2026 di RT 03, 150 meter dari balai desa.');
  });

  it('keeps out the name however it is shortened and the RT/RW however written, and says so once; marks the letter Rahasia', async () => {
    const o = await office();
    const words = [
      'Pelapor (Bu Aminah, warga RT 2/RW 1 Dusun Krajan) melihat pungutan liar oleh perangkat desa.',
      'Sdri. Siti juga menyampaikan bahwa pungutan terjadi di RT.002 RW.001 dan di RT 03.',
    ].join(' ');
    const { id, letter } = await forwarded(o, { confidential: true }, words);
    const draft = await o.act('staf', 'documents.get', { id: letter.id });
    expect(draft.draft!.sifat).toBe('rahasia');
    // The drafter writes the reporter in as before this rule.
    const revised = await o.act('staf', 'documents.revise', {
      id: letter.id,
      rowVersion: draft.rowVersion,
      content: { ...draft.draft!, body: [...draft.draft!.body, 'Pelapor, Siti Aminah, dari Dusun Krajan RT 02 RW 01, dapat dihubungi melalui kantor kami.'] },
    });
    const text = (await o.docx(revised.id)).text;
    expect(text).not.toMatch(/Siti|Aminah|RT\.?\s*0*2\b|RW\.?\s*0*1\b/);
    expect(text).toContain('Pelapor (identitas dirahasiakan, warga (dirahasiakan) Dusun Krajan) melihat pungutan liar oleh perangkat desa.');
    expect(text).toContain('Pelapor (identitas dirahasiakan) juga menyampaikan bahwa pungutan terjadi di (dirahasiakan) dan di RT 03.');
    expect(text).toContain('Pelapor (identitas dirahasiakan), dari (dirahasiakan), dapat dihubungi melalui kantor kami.');
    expect(text).toMatch(/Sifat\s*:\s*Rahasia/);
    // The complaint itself keeps its words.
    expect((await o.act('staf', 'complaints.get', { id })).description).toBe(words);
  });

  it('leaves out the number of a rahasia reporter’s own letter, which names its sender', async () => {
    const o = await office();
    const id = (await o.act('staf', 'complaints.create', sampleComplaint({ channel: 'surat', letterNo: '045/RT03/XI/2026', letterDate: '2026-11-21', reporter: { ...REPORTER, confidential: true } }))).id;
    o.later(5);
    await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
    const text = (await o.docx((await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!.id)).text;
    expect(text).toContain('kami terima pada tanggal 23 November 2026 melalui surat dengan nomor register');
    expect(text).not.toContain('045/RT03/XI/2026');
  });

  it('still copies a reporter who is neither anonim nor rahasia, who is answered by the agency', async () => {
    const o = await office();
    const { letter } = await forwarded(o, {});
    // No files, nothing attached.
    expect((await o.act('staf', 'documents.get', { id: letter.id })).draft!.lampiran).toBe('-');
    const text = (await o.docx(letter.id)).text;
    expect(text).toContain(`Sdr. ${REPORTER.name} (pelapor)`);
    expect(text).toContain('hasilnya disampaikan kepada pelapor dengan tembusan kepada kami');
    expect(text).not.toContain('dirahasiakan');
  });

  it('asks for the answer through the office for an anonymous reporter, who cannot be answered directly', async () => {
    const o = await office();
    const { letter } = await forwarded(o, { name: '', address: '', nik: '', phone: '', anonymous: true });
    const text = (await o.docx(letter.id)).text;
    expect(text).not.toContain('Tembusan');
    expect(text).toContain('Pengaduan tersebut disampaikan tanpa identitas pelapor.');
    expect(text).toContain('hasilnya disampaikan kepada kami.');
    expect(text).not.toMatch(/disampaikan\s+kepada\s+pelapor/);
  });
});

describe('the surat penerusan’s lampiran', () => {
  it('counts the complaint’s files for a reporter the agency may know, and leaves them to the drafter otherwise', async () => {
    const o = await office();
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const files = [1, 2].map((i) => ({ fileName: `foto-${i}.png`, mime: 'image/png', dataBase64: png }));
    const lampiranOf = async (reporter: Partial<typeof REPORTER>) => {
      const id = (await o.act('staf', 'complaints.create', sampleComplaint({ reporter: { ...REPORTER, ...reporter }, attachments: files }))).id;
      o.later(5);
      await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Kepala Perumda Air Minum' });
      const letter = (await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!;
      return (await o.act('staf', 'documents.get', { id: letter.id })).draft!.lampiran;
    };
    expect(await lampiranOf({})).toBe('2 berkas');
    expect(await lampiranOf({ confidential: true })).toBe('-');
  });

  it('forwards an uraian of 1,500 characters whole', async () => {
    const o = await office();
    const long = Array.from({ length: 30 }, (_, i) => `Kalimat ke-${i + 1} tentang pipa air bersih yang bocor di depan rumah warga.`).join(' ').slice(0, 1500).trim();
    const { letter } = await forwarded(o, {}, long);
    expect((await o.docx(letter.id)).paragraphs).toContain(long);
  });
});

describe('letters to a rahasia reporter', () => {
  it('reach the reporter by name, marked Rahasia and without the template’s copies', async () => {
    const o = await office('pegantenan');
    // The office copies its answers to the Kepala Desa: not for a rahasia reporter.
    const settings = await o.act('admin', 'documents.settings', {});
    const t0 = settings.templates.tanggapan_ditindaklanjuti;
    await o.act('admin', 'documents.updateSettings', {
      ...settings,
      templates: { ...settings.templates, tanggapan_ditindaklanjuti: { ...t0, tembusan: ['Kepala Desa Pegantenan'] } },
    });
    const open = async (confidential: boolean) => (await answered(o, confidential)).letter;
    const secret = await open(true);
    const secretView = (await o.act('staf', 'documents.get', { id: secret.id })).content.view as LetterView;
    expect(secretView.meta.find((m) => m.label === 'Sifat')?.value).toBe('Rahasia');
    expect(secretView.addressee[0]).toBe(`Sdr. ${REPORTER.name}`);
    expect(secretView.tembusan).toEqual([]);
    const secretText = (await o.docx(secret.id)).text;
    expect(secretText).toContain('Rahasia');
    expect(secretText).not.toContain('Kepala Desa Pegantenan');

    const plain = await open(false);
    const plainView = (await o.act('staf', 'documents.get', { id: plain.id })).content.view as LetterView;
    expect(plainView.meta.find((m) => m.label === 'Sifat')?.value).toBe('Biasa');
    expect(plainView.tembusan).toEqual(['Kepala Desa Pegantenan']);
  });
});

describe('a letter to an anonymous reporter', () => {
  it('is addressed to the holder of the tanda terima, by its register number, not by a channel', async () => {
    const o = await office('pegantenan');
    const { id, registerNo } = await o.act('staf', 'complaints.create', sampleComplaint({ channel: 'surat', reporter: { ...REPORTER, name: '', address: '', nik: '', phone: '', anonymous: true } }));
    const letter = await pegantenanDrafted(o, id, 'Pipa sudah diganti.');
    const view = (await o.act('staf', 'documents.get', { id: letter.id })).content.view as LetterView;
    expect(view.addressee).toEqual([`Pelapor pengaduan nomor register ${registerNo}`, 'di', 'Tempat']);
    expect((await o.docx(letter.id)).text).not.toContain('Pelapor anonim (Surat)');
  });
});

describe('opening a letter to a rahasia reporter', () => {
  it('is recorded once when shown with what changed since its earlier version', async () => {
    const o = await office('pegantenan');
    const { id, letter } = await answered(o, true);
    const v1 = await o.act('staf', 'documents.get', { id: letter.id });
    const v2 = await o.act('staf', 'documents.revise', { id: v1.id, rowVersion: v1.rowVersion, content: { ...v1.draft!, body: ['Pipa yang bocor sudah kami ganti.'] } });
    const openings = async () => (await o.act('admin', 'audit.personalDataViews', {})).filter((v) => v.complaintId === id).map((v) => v.reason);
    const before = await openings();
    // The document page: version 2, and its changes since version 1, from one opening.
    const shown = await o.act('staf', 'documents.get', { id: v2.id });
    expect(shown.previousDraft).toEqual(v1.draft);
    expect(await openings()).toEqual(['Membuka surat tanggapan', ...before]);
    // Version 1 opened from the trail is an opening of its own, with no earlier draft.
    expect((await o.act('staf', 'documents.get', { id: v1.id })).previousDraft).toBeNull();
    expect(await openings()).toEqual(['Membuka surat tanggapan', 'Membuka surat tanggapan', ...before]);
  });
});
