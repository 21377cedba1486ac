import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_CODES, CHANNEL_LABEL, type ChannelCode } from '../../shared/domain';
import { CHANNEL_PROSE } from '../../shared/documents/channelProse';
import type { ComplaintInput } from '../../shared/schemas/complaint';
import { sampleComplaint, type TestCore } from '../support/core';
import { paperOffice, pegantenanDrafted, type Office } from './paper';

// {kanal} in a letter reads as Indonesian prose ("… kami terima pada tanggal 23 November
// 2026 secara langsung di loket pelayanan …"), never as the channel's label ("melalui
// Langsung/Loket"), in the default templates and in templates an office saved.

let t: TestCore | undefined;
afterEach(() => t?.dispose());
const office = (presetId = 'kejayan') => paperOffice(presetId, '2026-11-23T02:00:00.000Z', (core) => (t = core));

/** The surat penerusan of a complaint forwarded at once, as its DOCX reads. */
async function penerusan(o: Office, over: Partial<ComplaintInput>) {
  const id = (await o.act('staf', 'complaints.create', sampleComplaint(over))).id;
  o.later(5);
  await o.act('camat', 'workflow.exit', { id, exit: 'bukan_kewenangan', note: 'Urusan air bersih.', forwardTo: 'Perumda Air Minum Kab. Pasuruan' });
  const letter = (await o.docs(id)).find((d) => d.kind === 'surat_penerusan')!;
  return (await o.docx(letter.id)).text;
}

const opening = (text: string) => text.split('\n').find((p) => p.startsWith('Bersama ini kami teruskan'))!;

describe('the channel in a letter', () => {
  it('reads as a phrase for every channel, with the sender’s letter or the tracking number where there is one', async () => {
    const o = await office();
    const extra: Partial<Record<ChannelCode, Partial<ComplaintInput>>> = {
      surat: { letterNo: '140/27/RT02/XI/2026', letterDate: '2026-11-20' },
      sp4n_lapor: { laporTrackingId: '5123456' },
    };
    for (const channel of CHANNEL_CODES) {
      const line = opening(await penerusan(o, { channel, ...extra[channel] }));
      // The label only where the phrase itself says it ("melalui WhatsApp").
      if (!CHANNEL_PROSE[channel].includes(CHANNEL_LABEL[channel])) expect(line, channel).not.toContain(CHANNEL_LABEL[channel]);
      expect(line, channel).not.toMatch(/melalui (secara|melalui)/);
      expect(line, channel).toContain(`pada tanggal 23 November 2026 ${CHANNEL_PROSE[channel]}`);
    }
    const one = async (over: Partial<ComplaintInput>) => opening(await penerusan(o, over));
    expect(await one({ channel: 'langsung' })).toContain('kami terima pada tanggal 23 November 2026 secara langsung di loket pelayanan dengan nomor register');
    expect(await one({ channel: 'surat', ...extra.surat })).toContain('melalui surat nomor 140/27/RT02/XI/2026 tanggal 20 November 2026 dengan nomor register');
    expect(await one({ channel: 'surat' })).toContain('melalui surat dengan nomor register');
    expect(await one({ channel: 'sp4n_lapor', laporTrackingId: '5123457' })).toContain('melalui SP4N-LAPOR! (nomor tracking 5123457) dengan nomor register');
    expect(await one({ channel: 'email' })).toContain('melalui surel dengan nomor register');
    expect(await one({ channel: 'whatsapp' })).toContain('melalui WhatsApp dengan nomor register');
  });

  it('keeps an office’s saved templates working: “melalui {kanal}”, “Melalui {kanal}” and a bare {kanal}', async () => {
    const o = await office();
    const settings = await o.act('admin', 'documents.settings', {});
    const penerusanTemplate = settings.templates.penerusan;
    // Saved as the defaults were, before this change: the placeholder is still "melalui {kanal}".
    expect(penerusanTemplate.body).toContain('melalui {kanal}');
    await o.act('admin', 'documents.updateSettings', {
      ...settings,
      templates: {
        ...settings.templates,
        penerusan: {
          ...penerusanTemplate,
          body: `${penerusanTemplate.body}\n\nMelalui {kanal} pula pelapor dapat dihubungi kembali. Kanal penerimaan: {kanal}.`,
        },
      },
    });
    const text = await penerusan(o, { channel: 'kotak_saran' });
    expect(opening(text)).toContain('pada tanggal 23 November 2026 melalui kotak saran dengan nomor register');
    expect(text).toContain('Melalui kotak saran pula pelapor dapat dihubungi kembali. Kanal penerimaan: melalui kotak saran.');
    expect(text).not.toContain('{kanal}');
    expect(text).not.toContain('Kotak Saran');
  });

  it('reads as a phrase in the surat tanggapan to the reporter too', async () => {
    const o = await office('pegantenan');
    const id = (await o.act('staf', 'complaints.create', sampleComplaint({ channel: 'langsung' }))).id;
    const draft = await pegantenanDrafted(o, id, 'Jalan sudah ditambal.');
    const text = (await o.docx(draft.id)).text;
    expect(text).toContain('Menindaklanjuti pengaduan Saudara yang kami terima pada tanggal 23 November 2026 secara langsung di loket pelayanan dengan nomor register');
    expect(text).not.toContain('Langsung/Loket');
  });
});
