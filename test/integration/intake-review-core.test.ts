import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { complaintInputSchema, intakeFormSchema } from '../../shared/schemas/complaint';
import { addUser, fail, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';
import { laporFixture } from '../support/importFixture';

// Findings of the intake review, through the real core on a real SQLite file: the fields of
// another channel, a date of incident after the receipt, the SP4N-LAPOR! tracking number
// (required, one complaint each, also against imported reports), and a repeated Perihal.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

// Tuesday 24 November 2026, 09.00 WIB.
const NOW = '2026-11-24T02:00:00.000Z';

async function office() {
  t = makeCore(NOW, { sweepEveryMs: 0 });
  const { core } = t;
  const admin = await setupOffice(core, 'pegantenan');
  const staf = await addUser(core, admin, 'staf', 'staf', 'Dewi Lestari');
  const act = <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => ok(core, staf, name, input);
  const refuse = (name: CallName, input: unknown) => fail(core, staf, name, input);
  return { core, admin, staf, act, refuse };
}

describe('fields of another channel', () => {
  it('neither checks nor keeps a letter or a tracking number on a WhatsApp complaint', async () => {
    const o = await office();
    // What a form switched from Surat, then SP4N-LAPOR!, to WhatsApp may still hold.
    const c = await o.act(
      'complaints.create',
      sampleComplaint({ channel: 'whatsapp', letterNo: 'x'.repeat(150), letterDate: '2026-11-31', laporTrackingId: 'L'.repeat(45) }),
    );
    expect([c.channel, c.letterNo, c.letterDate, c.laporTrackingId]).toEqual(['whatsapp', '', '', '']);
    const row = o.core.db.prepare('SELECT letter_no, letter_date, lapor_tracking_id FROM complaints WHERE id = ?').get(c.id);
    expect(row).toEqual({ letter_no: '', letter_date: '', lapor_tracking_id: '' });
    // A letter's own fields are still checked on a letter.
    const badDate = await o.refuse('complaints.create', sampleComplaint({ channel: 'surat', letterDate: '2026-11-31' }));
    expect(badDate.fields?.letterDate ?? badDate.message).toBe('Tanggal surat tidak valid; tulis sebagai HH/BB/TTTT.');
    const longNo = await o.refuse('complaints.create', sampleComplaint({ channel: 'surat', letterNo: 'x'.repeat(101) }));
    expect(longNo.fields?.letterNo ?? longNo.message).toBe('Nomor surat paling panjang 100 karakter.');
  });

  it('gives the form the same answer: nothing hidden holds a save back', () => {
    const form = intakeFormSchema(() => ({ backdateDays: 14, tz: 'Asia/Jakarta' }), () => new Date(NOW));
    const r = form.safeParse(sampleComplaint({ channel: 'whatsapp', letterDate: '31/11/2026', laporTrackingId: '1'.repeat(40) + 'x' }));
    expect(r.success).toBe(true);
    expect(r.data && [r.data.letterNo, r.data.letterDate, r.data.laporTrackingId]).toEqual(['', '', '']);
    const lapor = form.safeParse(sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: '1'.repeat(41) }));
    expect(lapor.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['laporTrackingId', 'Nomor tracking SP4N-LAPOR! paling panjang 40 karakter; periksa nomornya di lapor.go.id.'],
    ]);
  });
});

describe('tanggal kejadian', () => {
  it('refuses a date of incident after the date of receipt, naming the field', async () => {
    const o = await office();
    const future = await o.refuse('complaints.create', sampleComplaint({ incidentDate: '2030-01-01' }));
    expect(future.code).toBe('validation');
    expect(future.field).toBe('incidentDate');
    expect(future.message).toBe('Tanggal kejadian tidak boleh sesudah tanggal diterima (24 November 2026); periksa tanggal kejadiannya.');
    // Against a receipt dated back, too; the day of receipt itself is fine.
    const backdated = await o.refuse('complaints.create', sampleComplaint({ receivedDate: '2026-11-20', receivedTime: '10.00', incidentDate: '2026-11-21' }));
    expect(backdated.fields?.incidentDate ?? backdated.message).toBe('Tanggal kejadian tidak boleh sesudah tanggal diterima (20 November 2026); periksa tanggal kejadiannya.');
    const sameDay = await o.act('complaints.create', sampleComplaint({ receivedDate: '2026-11-20', receivedTime: '10.00', incidentDate: '2026-11-20' }));
    expect(sameDay.incidentDate).toBe('2026-11-20');
    expect((await o.act('complaints.create', sampleComplaint({ incidentDate: '2026-11-24', subject: 'Hari ini' }))).incidentDate).toBe('2026-11-24');
    expect(o.core.db.prepare("SELECT count(*) FROM complaints WHERE incident_date > '2026-11-24'").pluck().get()).toBe(0);
  });

  it('is checked by the form against the computer clock when received now, and against a receipt dated back', () => {
    const form = intakeFormSchema(() => ({ backdateDays: 14, tz: 'Asia/Jakarta' }), () => new Date(NOW));
    const issues = (input: unknown) => form.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues(sampleComplaint({ incidentDate: '2026-11-25' }))).toEqual([
      ['incidentDate', 'Tanggal kejadian tidak boleh sesudah tanggal diterima (24 November 2026); periksa tanggal kejadiannya.'],
    ]);
    expect(issues(sampleComplaint({ receivedDate: '2026-11-20', receivedTime: '10.00', incidentDate: '2026-11-21' }))).toEqual([
      ['incidentDate', 'Tanggal kejadian tidak boleh sesudah tanggal diterima (20 November 2026); periksa tanggal kejadiannya.'],
    ]);
    expect(issues(sampleComplaint({ incidentDate: '2026-11-24' }))).toBeUndefined();
    // A day of receipt after today is said at once, with the hour still missing or wrong, and once.
    expect(issues(sampleComplaint({ receivedDate: '2026-11-25', receivedTime: '' }))).toEqual([
      ['receivedTime', 'Isi jam diterima (JJ.MM), atau kosongkan tanggal diterima bila diterima sekarang.'],
      ['receivedDate', 'Tanggal diterima tidak boleh sesudah hari ini; periksa tanggalnya.'],
    ]);
    expect(issues(sampleComplaint({ receivedDate: '2026-11-25', receivedTime: '25.00' }))?.map(([path]) => path)).toEqual(['receivedTime', 'receivedDate']);
    expect(issues(sampleComplaint({ receivedDate: '2026-11-25', receivedTime: '08.00' }))).toEqual([['receivedDate', 'Tanggal diterima tidak boleh sesudah hari ini; periksa tanggalnya.']]);
    // Later today is checked against the hour, as before.
    expect(issues(sampleComplaint({ receivedDate: '2026-11-24', receivedTime: '10.00' }))).toEqual([
      ['receivedDate', 'Tanggal dan jam diterima tidak boleh sesudah saat ini; periksa tanggal dan jamnya.'],
    ]);
    // Said on the first save, beside the other fields' messages.
    expect(issues(sampleComplaint({ subject: '', channel: 'sp4n_lapor', incidentDate: '2026-11-25' }))?.map(([path]) => path).sort()).toEqual(['incidentDate', 'laporTrackingId', 'subject']);
    // And beside a wrong date of receipt: against that date, or today when it is after today or none.
    const after = (day: string) => `Tanggal kejadian tidak boleh sesudah tanggal diterima (${day}); periksa tanggal kejadiannya.`;
    expect(issues(sampleComplaint({ receivedDate: '2026-10-01', receivedTime: '10.00', incidentDate: '2026-12-20' }))).toEqual([
      ['receivedDate', 'Tanggal diterima paling jauh 14 hari ke belakang (sejak 10 November 2026); untuk yang lebih lama, kosongkan tanggal diterima dan sebut tanggal aslinya di uraian.'],
      ['incidentDate', after('1 Oktober 2026')],
    ]);
    // A date of receipt after today is said wrong itself: the incident is said against today.
    expect(issues(sampleComplaint({ receivedDate: '2026-12-25', receivedTime: '08.00', incidentDate: '2026-12-20' }))).toEqual([
      ['receivedDate', 'Tanggal diterima tidak boleh sesudah hari ini; periksa tanggalnya.'],
      ['incidentDate', 'Tanggal kejadian tidak boleh sesudah hari ini (24 November 2026); periksa tanggal kejadiannya.'],
    ]);
    expect(issues(sampleComplaint({ receivedDate: '', receivedTime: '08.00', incidentDate: '2026-11-25' }))).toEqual([
      ['receivedDate', 'Isi tanggal diterima, atau kosongkan jamnya bila diterima sekarang.'],
      ['incidentDate', after('24 November 2026')],
    ]);
  });
});

describe('nomor tracking SP4N-LAPOR!', () => {
  it('is required for the SP4N-LAPOR! channel and taken once', async () => {
    const o = await office();
    const none = await o.refuse('complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: '' }));
    expect(none.fields?.laporTrackingId ?? none.message).toBe('Nomor tracking SP4N-LAPOR! wajib diisi untuk kanal SP4N-LAPOR!; salin nomor laporan dari lapor.go.id.');
    const odd = await o.refuse('complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: '#12/34' }));
    expect(odd.fields?.laporTrackingId ?? odd.message).toMatch(/^Nomor tracking SP4N-LAPOR! hanya berisi huruf, angka dan tanda hubung/);

    const first = await o.act('complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: ' LAP-123 ' }));
    expect(first.laporTrackingId).toBe('LAP-123');
    const again = await o.refuse('complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: 'LAP-123', subject: 'Laporan lain' }));
    expect(again.code).toBe('validation');
    expect(again.field).toBe('laporTrackingId');
    expect(again.message).toBe(
      `Nomor tracking SP4N-LAPOR! LAP-123 sudah tercatat pada pengaduan ${first.registerNo}; periksa nomornya, atau buka pengaduan ${first.registerNo} bila laporannya sama.`,
    );
    // Spaces typed inside count for nothing, as at import.
    expect((await o.refuse('complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: 'LAP -123' }))).field).toBe('laporTrackingId');
    expect(o.core.db.prepare("SELECT count(*) FROM complaints WHERE lapor_tracking_id = 'LAP-123'").pluck().get()).toBe(1);
    // Nothing else was numbered: the next complaint takes the next number.
    const next = await o.act('complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: 'LAP-124' }));
    expect(Number(next.registerNo.slice(0, 4))).toBe(Number(first.registerNo.slice(0, 4)) + 1);
  });

  it('refuses the tracking number of a report imported from SP4N-LAPOR!, naming its register number', async () => {
    const o = await office();
    const lapor = await laporFixture('5839203');
    const file = { fileName: 'ekspor-lapor.xlsx', dataBase64: lapor.bytes.toString('base64') };
    const preview = await ok(o.core, o.admin, 'import.preview', { file });
    const { jobId } = await ok(o.core, o.admin, 'import.start', { file, source: 'lapor', mapping: preview.mapping, confirm: true });
    let status: CallOutput<'import.status'>;
    do {
      await new Promise((r) => setTimeout(r, 5));
      status = await ok(o.core, o.admin, 'import.status', { jobId });
    } while (!status.report);
    const imported = o.core.db.prepare("SELECT register_no FROM complaints WHERE lapor_tracking_id = '5839201'").pluck().get() as string;
    expect(imported).toBeTruthy();
    const refused = await o.refuse('complaints.create', sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: '583 9201' }));
    expect(refused.field).toBe('laporTrackingId');
    expect(refused.message).toContain(`sudah tercatat pada pengaduan ${imported}`);
  });
});

describe('possible duplicates by Perihal', () => {
  const LONG = 'Jalan makadam sepanjang 300 meter berlubang dan tergenang setiap hujan sehingga anak sekolah sulit lewat dan sepeda motor warga sering jatuh di tikungan dekat masjid.';

  it('offers an open complaint with the same or nearly the same Perihal, however short the Uraian', async () => {
    const o = await office();
    const open = await o.act(
      'complaints.create',
      sampleComplaint({ reporter: { name: 'Budi', address: '', nik: '', phone: '', email: '', anonymous: false, confidential: false }, subject: 'Jalan desa rusak di Dusun Tegalrejo', description: LONG }),
    );
    const other = await o.act(
      'complaints.create',
      sampleComplaint({ reporter: { name: 'Sri', address: '', nik: '', phone: '', email: '', anonymous: false, confidential: false }, subject: 'Jalan desa rusak di Dusun Krajan', description: 'Aspal mengelupas sejak musim kemarau, kerikil berserakan di depan sekolah dasar negeri dan pasar pagi.' }),
    );
    const ask = (subject: string) => o.act('complaints.similar', { subject, description: 'Rusak parah.' });
    for (const subject of ['Jalan desa rusak di Dusun Tegalrejo', '  jalan DESA rusak di dusun   tegalrejo ', 'Jalan desa rusak di Dusun Tegalrejo.', 'Jalan rusak di Dusun Tegalrejo', 'Jalan desa rusak di Dusun Tegalreja']) {
      const found = await ask(subject);
      expect(found.map((s) => [s.id, s.reason]), subject).toEqual([[open.id, 'isi mirip']]);
    }
    // Another hamlet is another road.
    expect(await ask('Jalan desa rusak di Dusun Sumberejo')).toEqual([]);
    expect((await ask('Jalan desa rusak di Dusun Krajan')).map((s) => s.id)).toEqual([other.id]);
    expect(await ask('Lampu penerangan jalan padam')).toEqual([]);
  });

  it('finds the one with the same Perihal among many sharing its common words', async () => {
    const o = await office();
    const hamlets = ['Krajan', 'Tegalrejo', 'Sumberejo', 'Karanganyar', 'Ledok', 'Tengah', 'Kidul', 'Lor', 'Wetan', 'Kulon', 'Babakan', 'Gondang'];
    const ids: number[] = [];
    for (const [i, h] of hamlets.entries()) {
      const c = await o.act('complaints.create', sampleComplaint({ subject: `Jalan desa rusak di Dusun ${h}`, description: `${LONG} Catatan ${i}.` }));
      ids.push(c.id);
    }
    const found = await o.act('complaints.similar', { subject: 'jalan desa rusak di dusun gondang', description: 'Aspal habis.', reporterNik: '', reporterPhone: '' });
    expect(found.map((s) => s.id)).toEqual([ids.at(-1)]);
  });

  it('offers no closed complaint', async () => {
    const o = await office();
    const c = await o.act('complaints.create', sampleComplaint({ subject: 'Saluran irigasi tersumbat sampah', description: LONG }));
    expect((await o.act('complaints.similar', { subject: 'Saluran irigasi tersumbat sampah', description: 'x' })).map((s) => s.id)).toEqual([c.id]);
    o.core.db.prepare("UPDATE complaints SET closed_at = ?, status = 'selesai' WHERE id = ?").run(NOW, c.id);
    expect(await o.act('complaints.similar', { subject: 'Saluran irigasi tersumbat sampah', description: 'x' })).toEqual([]);
  });
});

describe('the schema alone', () => {
  it('refuses what is not a complaint at all with a message rather than an exception', () => {
    for (const input of [null, undefined, 5, 'x', []]) {
      const form = intakeFormSchema(() => ({ backdateDays: 14, tz: 'Asia/Jakarta' }), () => new Date(NOW));
      for (const schema of [complaintInputSchema, form]) expect(schema.safeParse(input).success).toBe(false);
    }
  });

  it('keeps the tracking number of an SP4N-LAPOR! complaint without spaces, and the letter of a Surat', () => {
    const lapor = complaintInputSchema.parse(sampleComplaint({ channel: 'sp4n_lapor', laporTrackingId: ' 583 9201 ', letterNo: '1/2026' }));
    expect([lapor.laporTrackingId, lapor.letterNo, lapor.letterDate]).toEqual(['5839201', '', '']);
    const surat = complaintInputSchema.parse(sampleComplaint({ channel: 'surat', laporTrackingId: '5839201', letterNo: ' 1/2026 ', letterDate: '2026-11-20' }));
    expect([surat.laporTrackingId, surat.letterNo, surat.letterDate]).toEqual(['', '1/2026', '2026-11-20']);
  });
});
