import { OFFICE_PRESETS } from '../../../shared/standards/presets';
import type { Role } from '../../../shared/domain';
import { addCalendarDays, addWorkingTime, defaultCalendar, localDate, nextOpening } from '../../../shared/time/workingTime';
import type { CoreDeps, SessionUser } from '../context';
import { write } from '../context';
import { hashPassword } from '../auth/passwords';
import { insertComplaint } from '../complaints/repo';
import { closeWithExit, completeStep, loadState, sweep } from '../workflow/engine';
import { officeCalendar } from '../workflow/standard';
import { findOffice, writeSetting } from '../office/settings';
import { insertUser } from '../users/handlers';
import { demoComplaint, rng } from './generator';

export const DEMO_PASSWORD = 'tanggap123';

// A drawn stroke standing in for the demo Camat's and Sekcam's signature specimen, so
// letters can be signed on screen in the demo without uploading one first.
const DEMO_SPECIMEN =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAALQAAAA8CAYAAADPLpCHAAAEgUlEQVR4Ae3BvXHjagwF0Hu9GylGEShChSEUMxTGIlAEYqV4DnbeaL6hZOrHFiXjHLTWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttfZqiDchaoUVMpx4MaJWOCPDifY/4sWJWuFKGU68AFErrJDhxAsQtcIZGU48APGiRK1whwwnNk7UCitlOLFholb4QoYTdyJejKgVvpDhxAlRKyzIcGKjRK2wIMMpaoUFGU5skKgVVspw4g7EixC1whcynDhD1AoLMpzYGFErDDKcOCFqhQUZTmyMqBUGGU5RKwwynLjDH7wAUStckOE85jzhgmPO0072Bwx2sj8cc56wEaJWGGQ4MTjmPO1kf8DgmPOEDRG1wiDDiU/HnKed7A84sZP94ZjzhBt9YONErXBGhjPDiZUynNgwUStcIcOJgagVNkLUCoMMJ05kODEQtcKNPrBholZYkOHMcOIGGU4MRK2wURlOXJDhxEDUCi8kw4kH+cBGiVphQYYTd8pwYiBqhScStcIgw4kXJWqFQYYTK4la4QYf2CBRKyzIcOINiVphkOHEShlODEStsCEZTlyQ4cRA1ApX+sAKolaiVqJW+GaiVliQ4cQDZTgxELXCDxO1wgNkODEQtcITiFrhBhlODEStcIW/uJKoVYYT30DUCgsynPgGGU5RK5wQtcpw4geIWmFBhhM/RNQKX8hw4g4ZTtxB1CrDiRU+cANRKzyYqBUWZDjxZkStRK2wIMOJG2U4MRC1wgJRK1ErrCBqhZVErXCHDCcWiFphBWIFUSsMMpx4EFErLMhw4geIWmGQ4cSdRK1whQwnHkDUCgsynPgkaoUbZDjxBVErnMhw4gaiVliQ4cQFxEqiVhhkOPEAolYYZDjxg0StMMhw4gqiVrhRhhMPJGqFK2U48Y+oFRZkOHGGqBUGGU7cSNQKgwwnLviDlY45TzvZH3BiJ/vDMecJdxC1wiDDiR+2k/0Bg2POE1YQtdrJ/oAbZDiPOU94sGPO0072B6yQ4TzmPOHEMedpJ/sDBjvZH445TxiIWmGQ4cQdjjlPO9kfcOKY84QLiCuIWmGQ4cSNRK0wyHDiSUStMMhw4gxRK6yU4cQTiFrhjAwnviBqhQUZTvwjaoUFGU78MOJKolYYZDhxJVErLMhw4olErTDIcGIgaoULMpx4E6JWuFKGE09A3EDUCoMMJ64gaoVBhhNPJmqFMzKcola4IMOJNyRqhZUynHgS4kaiVhhkOLGCqBUGGU5shKgVrpThxJsTtcIXMpx4IuJGolZYkOHEBaJWGGQ4sUGiVlghw4lfRNQKCzKc+CRqhStlOPEAxB1ErbAgw4kFolYYZDixYaJWWJDhxJsQtcKTZTjxAMSdRK1wRoYTn0StcEaGE+0qolZ4MxlOPADxAKJWuEGGE7+AqBV+qQwnfhDxIKJWWCnDiQ0TtcIvleHECyMeTNQKF2Q48WCiVvilMpxo/yM2TNQKbybDifZt/qJdlOFEexl/8WYynGittdZaa6211lprrbXWWmuttfaL/AexrioR9SIJPwAAAABJRU5ErkJggg==';

const DEMO_USERS: { username: string; name: string; role: Role; jabatan: string; pangkat: string; seksi: string; nip: string }[] = [
  { username: 'admin', name: 'Rudi Hartono', role: 'admin', jabatan: 'Pengelola Sistem Informasi', pangkat: 'Penata Muda (III/a)', seksi: '', nip: '199003152015031002' },
  { username: 'staf', name: 'Dewi Lestari', role: 'staf', jabatan: 'Petugas Pengaduan', pangkat: 'Pengatur (II/c)', seksi: '', nip: '199205102019032008' },
  { username: 'kasi.pelayanan', name: 'Agus Prasetyo, S.Sos.', role: 'kasi', jabatan: 'Kepala Seksi Pelayanan Umum', pangkat: 'Penata Tingkat I (III/d)', seksi: 'Seksi Pelayanan Umum', nip: '198107222006041005' },
  { username: 'kasi.pemerintahan', name: 'Sri Wahyuni, S.H.', role: 'kasi', jabatan: 'Kepala Seksi Pemerintahan', pangkat: 'Penata Tingkat I (III/d)', seksi: 'Seksi Pemerintahan', nip: '198302142008012011' },
  { username: 'sekcam', name: 'Bambang Santoso, S.Sos., M.M.', role: 'sekcam', jabatan: 'Sekretaris Kecamatan', pangkat: 'Pembina (IV/a)', seksi: '', nip: '197606181998031004' },
  { username: 'camat', name: 'Drs. Imam Sholeh, M.Si.', role: 'camat', jabatan: 'Camat Kejayan', pangkat: 'Pembina Tingkat I (IV/b)', seksi: '', nip: '197104051993031006' },
];

// Plays the office's part up to now: most steps done on time, some late, a few
// complaints refused or forwarded, recent ones still under way.
function progress(deps: CoreDeps, id: number, users: SessionUser[], r: () => number, now: string) {
  const byRole = (role: string) => users.filter((u) => u.role === role);
  const cal = officeCalendar(deps.db);
  for (let guard = 0; guard < 20; guard++) {
    const l = loadState(deps.db, id);
    if (!l.step || l.c.closed_at || !l.c.step_started_at) return;
    const late = r() < 0.12;
    const planned = addWorkingTime(l.c.step_started_at, late ? { ...l.step.duration, amount: l.step.duration.amount * 2 } : l.step.duration, cal);
    const at = new Date(Math.max(Date.parse(l.c.step_started_at) + 60_000, Date.parse(planned) - Math.floor(r() * 20) * 60_000)).toISOString();
    if (at > now) return;
    const camat = byRole('camat')[0]!;
    if (r() < 0.006) {
      closeWithExit(deps, l, camat, at, r() < 0.5 ? 'ditolak' : 'bukan_kewenangan', r() < 0.5 ? 'Pengaduan tidak disertai uraian yang dapat ditindaklanjuti.' : 'Diteruskan ke Dinas PUPR Kabupaten Pasuruan.');
      return;
    }
    const kasi = byRole('kasi');
    const target = l.state.dispositionTo[0];
    const executor = l.c.acting ?? l.step.executor;
    const actor =
      executor === 'kasi' ? (users.find((u) => u.id === target) ?? kasi[0]!) : executor === 'tim_pengelola' ? byRole('staf')[0]! : byRole(executor)[0]!;
    if (l.step.stage === 'disposisi') {
      const to = kasi[Math.floor(r() * kasi.length)]!;
      deps.db
        .prepare('INSERT INTO dispositions (complaint_id, from_user, to_user, sifat, instructions, note, created_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, actor.id, to.id, r() < 0.2 ? 'segera' : 'biasa', JSON.stringify(['proses_lanjut']), '', at, at);
    }
    completeStep(deps, loadState(deps.db, id), actor, at, '');
  }
}

// `--demo`: a ready office (Kec. Kejayan, its published standard), one account per
// role and a few months of complaints, so a new user can look around at once.
// Does nothing when the data folder already holds an office.
export async function seedDemo(deps: CoreDeps, count = 300): Promise<{ complaints: number; users: number; password: string } | null> {
  if (findOffice(deps.db)) return null;
  const preset = OFFICE_PRESETS.find((p) => p.id === 'kejayan')!;
  const hash = await hashPassword(DEMO_PASSWORD);
  const tz = preset.office.timeZone;
  const cal = defaultCalendar(tz);
  const r = rng(2026);
  const now = deps.now().toISOString();
  return write(deps.db, () => {
    if (findOffice(deps.db)) return null;
    writeSetting(deps.db, 'office', { ...preset.office, logo: '' });
    writeSetting(deps.db, 'standard', preset.standard);
    const users = DEMO_USERS.map((u) => insertUser(deps, u.username, hash, { ...u, active: true }));
    deps.db.prepare("UPDATE users SET signature_image = ? WHERE role IN ('camat', 'sekcam')").run(DEMO_SPECIMEN);
    const staf = users.find((u) => u.role === 'staf')! as SessionUser;
    // Spread over the last 120 days, oldest first so register numbers follow dates.
    const times = Array.from({ length: count }, () => {
      const day = addCalendarDays(now, -Math.floor(r() * 120), tz);
      const minute = Math.floor(r() * 8 * 60);
      return nextOpening(new Date(Date.parse(day) - minute * 60_000).toISOString(), cal);
    })
      .filter((t) => t <= now)
      .sort();
    for (const at of times) {
      const incident = localDate(addCalendarDays(at, -Math.floor(r() * 10), tz), tz);
      const id = insertComplaint(deps, staf, demoComplaint(r, preset.standard.kelengkapanChecklist, incident), [], at);
      progress(deps, id, users as SessionUser[], r, now);
    }
    sweep(deps);
    return { complaints: times.length, users: users.length, password: DEMO_PASSWORD };
  });
}
