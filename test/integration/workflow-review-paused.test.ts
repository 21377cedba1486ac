import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { formatTanggalWaktu } from '../../shared/time/format';
import { standardDeadlineText, stepSuspendedText } from '../../renderer/components/complaint/suspended';
import { carrier, createUser, makeCore, ok, sampleComplaint, setupOffice, type TestCore } from '../support/core';

// Review finding: a complaint paused by "Berkas tidak lengkap" still showed the standard's
// deadline from before the pause ("Batas penyelesaian … 17 Desember 2026 pukul 08.00")
// while saying its clock had stopped. The core now sends, while paused, the working time
// each clock had left when it stopped; the page reads that instead of the date. Through the
// real core on a real SQLite file, and the page's own wording of what the core sent.

let t: TestCore | undefined;
afterEach(() => t?.dispose());

const PASSWORD = 'kata-sandi-123';

async function office(presetId: string, startIso: string) {
  t = makeCore(startIso, { sweepEveryMs: 0 });
  const { core, clock } = t;
  const admin = await setupOffice(core, presetId);
  for (const [username, role] of [
    ['staf', 'staf'],
    ['sekcam', 'sekcam'],
    ['camat', 'camat'],
  ] as const) {
    await createUser(core, admin, {
      username,
      password: PASSWORD,
      user: { name: `${role} kantor`, nip: '198001012005011001', jabatan: role, pangkat: '', role, seksi: '', active: true },
    });
  }
  const act = async <K extends CallName>(who: 'staf' | 'sekcam', atIso: string, name: K, input: CallInput<K>) => {
    clock.set(atIso);
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password: PASSWORD });
    return ok(core, s, name, input);
  };
  return { act };
}

// As the page's useDates writes a due (the office is in WIB).
const dueLong = (iso: string) => formatTanggalWaktu(iso, 'Asia/Jakarta');
const SUSPENDED = 'Ditangguhkan — menunggu pelapor; batas dihitung ulang saat berkas dilengkapi';

describe('the deadline of a file waiting for the reporter', () => {
  it('is shown as suspended, with the working time left when the clock stopped, and worked out again on completion', async () => {
    // Tue 1 Dec 2026 08.00 WIB, Kec. Pegantenan: 12 hari kerja from receipt → Thu 17 Dec 08.00.
    const o = await office('pegantenan', '2026-12-01T01:00:00.000Z');
    const preset = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!;
    const { id } = await o.act('staf', '2026-12-01T01:00:00.000Z', 'complaints.create', sampleComplaint({ kelengkapan: preset.standard.kelengkapanChecklist }));
    let j = await o.act('sekcam', '2026-12-01T02:00:00.000Z', 'workflow.advance', { id });
    expect(j.dueAt).toBe('2026-12-17T01:00:00.000Z');
    expect(j.suspended).toBeNull();
    expect(standardDeadlineText(j, dueLong)).toBe(dueLong('2026-12-17T01:00:00.000Z'));
    // Step 3 (Staf, 15 menit) from 09.00; at 09.05 the Staf finds the file incomplete.
    j = await o.act('staf', '2026-12-01T02:05:00.000Z', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'Fotokopi KTP pelapor belum dilampirkan.' });
    // Left when stopped: step 3, 10 of its 15 minutes; the standard, 12 days of 450 working
    // minutes less the 65 from 08.00 to 09.05 = 5,335 (88 jam 55 menit).
    expect(j).toMatchObject({ paused: true, current: null, suspended: { stepMinutesLeft: 10, standardMinutesLeft: 5335 } });
    // Two days later nothing has run down, and the page no longer shows the old date.
    j = await o.act('staf', '2026-12-03T02:00:00.000Z', 'workflow.journey', { id });
    expect(j.suspended).toEqual({ stepMinutesLeft: 10, standardMinutesLeft: 5335 });
    const shown = standardDeadlineText(j, dueLong);
    expect(shown).toBe(`${SUSPENDED} (sisa waktu kerja saat dihentikan 88 jam 55 menit)`);
    expect(shown).not.toContain('17 Desember');
    expect(stepSuspendedText(j)).toBe('Batas waktu langkah ditangguhkan (sisa waktu kerja saat dihentikan 10 menit)');

    // Thu 3 Dec 10.00 the reporter completes it: both dues are worked out again from the minutes left.
    j = await o.act('staf', '2026-12-03T03:00:00.000Z', 'workflow.resume', { id, note: 'Fotokopi KTP diserahkan.' });
    expect(j.suspended).toBeNull();
    // Step 3: 10 minutes from 10.00 → 10.10.
    expect(j.current).toMatchObject({ stepNo: 3, dueAt: '2026-12-03T03:10:00.000Z', remainingMinutes: 10 });
    // The standard: 5,335 minutes from Thu 3 Dec 10.00: 300 on Thursday, 450 on Friday, ten
    // working days from Mon 7 to Fri 18 Dec (4,500), 85 on Mon 21 Dec from 07.30 → 08.55.
    expect(j.dueAt).toBe('2026-12-21T01:55:00.000Z');
    expect(standardDeadlineText(j, dueLong)).toBe(dueLong('2026-12-21T01:55:00.000Z'));
  });

  it('says when the clock had not started, and when a step was already past its due when stopped', async () => {
    // Tue 24 Nov 2026 10.00 WIB, Kel. Wonoasih: the standard's clock starts with a complete file.
    const o = await office('wonoasih', '2026-11-24T03:00:00.000Z');
    const { id } = await o.act('staf', '2026-11-24T03:00:00.000Z', 'complaints.create', sampleComplaint({ kelengkapan: [] }));
    // Step 2 (15 menit) was due at 10.15; the file is found incomplete at 10.20.
    const j = await o.act('staf', '2026-11-24T03:20:00.000Z', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'Surat pengaduan belum dilampirkan.' });
    expect(j.suspended).toEqual({ stepMinutesLeft: -5, standardMinutesLeft: null });
    expect(standardDeadlineText(j, dueLong)).toBe('Dihitung setelah berkas pengaduan lengkap');
    expect(stepSuspendedText(j)).toBe('Batas waktu langkah ditangguhkan (saat dihentikan sudah lewat 5 menit dari batasnya)');
  });
});
