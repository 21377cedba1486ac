import { OFFICE_PRESETS } from '../../../shared/standards/presets';
import type { Role } from '../../../shared/domain';
import { addCalendarDays, defaultCalendar, localDate, nextOpening } from '../../../shared/time/workingTime';
import type { CoreDeps, SessionUser } from '../context';
import { write } from '../context';
import { hashPassword } from '../auth/passwords';
import { insertComplaint } from '../complaints/repo';
import { findOffice, writeSetting } from '../office/settings';
import { insertUser } from '../users/handlers';
import { demoComplaint, rng } from './generator';

export const DEMO_PASSWORD = 'tanggap123';

const DEMO_USERS: { username: string; name: string; role: Role; jabatan: string; pangkat: string; seksi: string; nip: string }[] = [
  { username: 'admin', name: 'Rudi Hartono', role: 'admin', jabatan: 'Pengelola Sistem Informasi', pangkat: 'Penata Muda (III/a)', seksi: '', nip: '199003152015031002' },
  { username: 'staf', name: 'Dewi Lestari', role: 'staf', jabatan: 'Petugas Pengaduan', pangkat: 'Pengatur (II/c)', seksi: '', nip: '199205102019032008' },
  { username: 'kasi.pelayanan', name: 'Agus Prasetyo, S.Sos.', role: 'kasi', jabatan: 'Kepala Seksi Pelayanan Umum', pangkat: 'Penata Tingkat I (III/d)', seksi: 'Seksi Pelayanan Umum', nip: '198107222006041005' },
  { username: 'kasi.pemerintahan', name: 'Sri Wahyuni, S.H.', role: 'kasi', jabatan: 'Kepala Seksi Pemerintahan', pangkat: 'Penata Tingkat I (III/d)', seksi: 'Seksi Pemerintahan', nip: '198302142008012011' },
  { username: 'sekcam', name: 'Bambang Santoso, S.Sos., M.M.', role: 'sekcam', jabatan: 'Sekretaris Kecamatan', pangkat: 'Pembina (IV/a)', seksi: '', nip: '197606181998031004' },
  { username: 'camat', name: 'Drs. Imam Sholeh, M.Si.', role: 'camat', jabatan: 'Camat Kejayan', pangkat: 'Pembina Tingkat I (IV/b)', seksi: '', nip: '197104051993031006' },
];

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
      insertComplaint(deps, staf, demoComplaint(r, preset.standard.kelengkapanChecklist, incident), [], at);
    }
    return { complaints: times.length, users: users.length, password: DEMO_PASSWORD };
  });
}
