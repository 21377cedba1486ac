import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { OFFICE_PRESETS } from '../../../shared/standards/presets';
import type { Category, Role } from '../../../shared/domain';
import type { ComplaintInput } from '../../../shared/schemas/complaint';
import type { ServiceStandard } from '../../../shared/standards/schema';
import type { Instruction } from '../../../shared/schemas/workflow';
import type { ClosingSatisfaction, SkmKioskInput } from '../../../shared/schemas/skm';
import type { Sifat } from '../../../shared/domain';
import {
  addCalendarDays,
  addWorkingTime,
  defaultCalendar,
  localDate,
  localTime,
  nextOpening,
  workingMinutesBetween,
  yearOf,
  type Duration,
  type OfficeCalendar,
} from '../../../shared/time/workingTime';
import type { CoreDeps, SessionCarrier, SessionUser } from '../context';
import { write } from '../context';
import { hashPassword } from '../auth/passwords';
import { createSession, endSession } from '../auth/sessions';
import { dispatch } from '../dispatch';
import { handlers } from '../handlers';
import { sweep } from '../workflow/engine';
import { findOffice, writeSetting } from '../office/settings';
import { insertUser } from '../users/handlers';
import { demoComplaint, demoSkm, rng } from './generator';

export const DEMO_PASSWORD = 'tanggap123';

// A drawn stroke standing in for the demo Camat's and Sekcam's signature specimen, so
// letters can be signed on screen in the demo without uploading one first.
const DEMO_SPECIMEN =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAALQAAAA8CAYAAADPLpCHAAAEgUlEQVR4Ae3BvXHjagwF0Hu9GylGEShChSEUMxTGIlAEYqV4DnbeaL6hZOrHFiXjHLTWWmuttdZaa6211lprrbXWWmuttdZaa6211lprrbXWWmuttfZqiDchaoUVMpx4MaJWOCPDifY/4sWJWuFKGU68AFErrJDhxAsQtcIZGU48APGiRK1whwwnNk7UCitlOLFholb4QoYTdyJejKgVvpDhxAlRKyzIcGKjRK2wIMMpaoUFGU5skKgVVspw4g7EixC1whcynDhD1AoLMpzYGFErDDKcOCFqhQUZTmyMqBUGGU5RKwwynLjDH7wAUStckOE85jzhgmPO0072Bwx2sj8cc56wEaJWGGQ4MTjmPO1kf8DgmPOEDRG1wiDDiU/HnKed7A84sZP94ZjzhBt9YONErXBGhjPDiZUynNgwUStcIcOJgagVNkLUCoMMJ05kODEQtcKNPrBholZYkOHMcOIGGU4MRK2wURlOXJDhxEDUCi8kw4kH+cBGiVphQYYTd8pwYiBqhScStcIgw4kXJWqFQYYTK4la4QYf2CBRKyzIcOINiVphkOHEShlODEStsCEZTlyQ4cRA1ApX+sAKolaiVqJW+GaiVliQ4cQDZTgxELXCDxO1wgNkODEQtcITiFrhBhlODEStcIW/uJKoVYYT30DUCgsynPgGGU5RK5wQtcpw4geIWmFBhhM/RNQKX8hw4g4ZTtxB1CrDiRU+cANRKzyYqBUWZDjxZkStRK2wIMOJG2U4MRC1wgJRK1ErrCBqhZVErXCHDCcWiFphBWIFUSsMMpx4EFErLMhw4geIWmGQ4cSdRK1whQwnHkDUCgsynPgkaoUbZDjxBVErnMhw4gaiVliQ4cQFxEqiVhhkOPEAolYYZDjxg0StMMhw4gqiVrhRhhMPJGqFK2U48Y+oFRZkOHGGqBUGGU7cSNQKgwwnLviDlY45TzvZH3BiJ/vDMecJdxC1wiDDiR+2k/0Bg2POE1YQtdrJ/oAbZDiPOU94sGPO0072B6yQ4TzmPOHEMedpJ/sDBjvZH445TxiIWmGQ4cQdjjlPO9kfcOKY84QLiCuIWmGQ4cSNRK0wyHDiSUStMMhw4gxRK6yU4cQTiFrhjAwnviBqhQUZTvwjaoUFGU78MOJKolYYZDhxJVErLMhw4olErTDIcGIgaoULMpx4E6JWuFKGE09A3EDUCoMMJ64gaoVBhhNPJmqFMzKcola4IMOJNyRqhZUynHgS4kaiVhhkOLGCqBUGGU5shKgVrpThxJsTtcIXMpx4IuJGolZYkOHEBaJWGGQ4sUGiVlghw4lfRNQKCzKc+CRqhStlOPEAxB1ErbAgw4kFolYYZDixYaJWWJDhxJsQtcKTZTjxAMSdRK1wRoYTn0StcEaGE+0qolZ4MxlOPADxAKJWuEGGE7+AqBV+qQwnfhDxIKJWWCnDiQ0TtcIvleHECyMeTNQKF2Q48WCiVvilMpxo/yM2TNQKbybDifZt/qJdlOFEexl/8WYynGittdZaa6211lprrbXWWmuttfaL/AexrioR9SIJPwAAAABJRU5ErkJggg==';

type Who = 'staf' | 'kasi.pelayanan' | 'kasi.pemerintahan' | 'sekcam' | 'camat';
const KASI: readonly Who[] = ['kasi.pelayanan', 'kasi.pemerintahan'];

const DEMO_USERS: { username: string; name: string; role: Role; jabatan: string; pangkat: string; seksi: string; nip: string }[] = [
  { username: 'admin', name: 'Rudi Hartono', role: 'admin', jabatan: 'Pengelola Sistem Informasi', pangkat: 'Penata Muda (III/a)', seksi: '', nip: '199003152015031002' },
  { username: 'staf', name: 'Dewi Lestari', role: 'staf', jabatan: 'Petugas Pengaduan', pangkat: 'Pengatur (II/c)', seksi: '', nip: '199205102019032008' },
  { username: 'kasi.pelayanan', name: 'Agus Prasetyo, S.Sos.', role: 'kasi', jabatan: 'Kepala Seksi Pelayanan Umum', pangkat: 'Penata Tingkat I (III/d)', seksi: 'Seksi Pelayanan Umum', nip: '198107222006041005' },
  { username: 'kasi.pemerintahan', name: 'Sri Wahyuni, S.H.', role: 'kasi', jabatan: 'Kepala Seksi Pemerintahan', pangkat: 'Penata Tingkat I (III/d)', seksi: 'Seksi Pemerintahan', nip: '198302142008012011' },
  { username: 'sekcam', name: 'Bambang Santoso, S.Sos., M.M.', role: 'sekcam', jabatan: 'Sekretaris Kecamatan', pangkat: 'Pembina (IV/a)', seksi: '', nip: '197606181998031004' },
  { username: 'camat', name: 'Drs. Imam Sholeh, M.Si.', role: 'camat', jabatan: 'Camat Pegantenan', pangkat: 'Pembina Tingkat I (IV/b)', seksi: '', nip: '197104051993031006' },
];

// ── Planning: when each complaint reaches each step ─────────────────────────────

type Act =
  | { do: 'intake' }
  | { do: 'step'; no: number }
  | { do: 'pause' }
  | { do: 'resume' }
  | { do: 'exit'; exit: 'ditolak' | 'bukan_kewenangan' }
  | { do: 'signLetter' }
  | { do: 'read' };

interface Case {
  data: ComplaintInput;
  kasi: Who;
  // Who takes the steps a role may share: the Sekcam disposes on behalf of the Camat,
  // a Kasi parafs in place of the Sekcam.
  sekcamDisposes: boolean;
  kasiParafs: boolean;
  followUp: boolean;
  // The Kasi has not opened the disposition yet (it shows as "belum dibuka").
  unread: boolean;
  plan: { at: string; act: Act }[];
  // What the reporter says when the last step closes it, and the SKM questionnaire they
  // fill in then: the Staf enters it for the complaint, or the reporter on the kiosk.
  closing: ClosingSatisfaction;
  skm: { via: 'staf' | 'kiosk'; input: SkmKioskInput } | null;
  id?: number;
  registerNo?: string;
  draftId?: number;
}

// What is left open at the demo's "now": each role's Tugas saya, the office list's
// late and at-risk rows, a letter to sign, a paraf, files waiting for the reporter.
type OpenState = 'baru' | 'berisiko' | 'terlambat' | 'terlambat_total';
const OPEN: { step: number; state: OpenState; kasi?: 0 | 1; tweak?: 'anonim' | 'rahasia' | 'kasiParaf' }[] = [
  { step: 2, state: 'baru' },
  { step: 2, state: 'berisiko' },
  { step: 2, state: 'terlambat' },
  { step: 3, state: 'baru' },
  { step: 3, state: 'terlambat' },
  { step: 4, state: 'baru', tweak: 'anonim' },
  { step: 4, state: 'berisiko' },
  { step: 4, state: 'terlambat_total' },
  { step: 5, state: 'baru', kasi: 0 },
  { step: 5, state: 'berisiko', kasi: 0 },
  { step: 5, state: 'terlambat_total', kasi: 0 },
  { step: 5, state: 'baru', kasi: 1, tweak: 'rahasia' },
  { step: 5, state: 'berisiko', kasi: 1 },
  { step: 5, state: 'terlambat', kasi: 1 },
  { step: 6, state: 'baru', kasi: 0 },
  { step: 6, state: 'terlambat', kasi: 1 },
  { step: 7, state: 'baru' },
  { step: 8, state: 'berisiko' },
  { step: 8, state: 'terlambat_total', tweak: 'kasiParaf' },
  { step: 9, state: 'baru' },
  { step: 10, state: 'baru' },
  { step: 10, state: 'terlambat' },
  { step: 11, state: 'baru' },
  { step: 12, state: 'terlambat' },
];

const MINUTE = 60_000;
const roundMinute = (ms: number) => Math.round(ms / MINUTE) * MINUTE;
const iso = (ms: number) => new Date(roundMinute(ms)).toISOString();

// Working minutes a duration spans, roughly (7.5 working hours a day): only to choose
// how far into a step an open complaint stands.
const roughMinutes = (d: Duration) => d.amount * (d.unit === 'menit_kerja' ? 1 : d.unit === 'jam_kerja' ? 60 : 450);

// The moment an officer finishes a step: `frac` of the step's time after it started
// (above 1: late), at a time the office is open.
function pace(from: string, d: Duration, frac: number, cal: OfficeCalendar): string {
  const due = Date.parse(addWorkingTime(from, d, cal));
  const start = Date.parse(from);
  return nextOpening(iso(start + Math.max(3 * MINUTE, (due - start) * frac)), cal);
}

// The latest instant from which `minutes` of working time have passed by `to`.
function workingBefore(to: string, minutes: number, cal: OfficeCalendar): string {
  return latest(to, (at) => workingMinutesBetween(at, to, cal) >= minutes);
}

// When a step of duration `d` must have started for `share` of its own working time
// (its calendar, Ramadan hours included) to have passed by `now`.
function startedFor(now: string, d: Duration, share: number, cal: OfficeCalendar): string {
  return latest(now, (at) => workingMinutesBetween(at, now, cal) >= share * workingMinutesBetween(at, addWorkingTime(at, d, cal), cal));
}

// The latest instant before `to` (to the minute, at most 60 days back: the demo's open
// complaints are younger) for which `enough` holds; it holds for every earlier instant
// once it holds for one.
function latest(to: string, enough: (at: string) => boolean): string {
  let lo = Date.parse(to) - 60 * 86_400_000;
  let hi = Date.parse(to);
  while (hi - lo > MINUTE) {
    const mid = (lo + hi) / 2;
    if (enough(iso(mid))) lo = mid;
    else hi = mid;
  }
  return iso(lo);
}

// Completion times of steps 2..last from a receipt at `at`.
function walk(standard: ServiceStandard, at: string, last: number, fracs: number[], cal: OfficeCalendar): string[] {
  const times: string[] = [];
  let t = at;
  for (let no = 2; no <= last; no++) {
    t = pace(t, standard.steps[no - 1]!.duration, fracs[no] ?? 0.5, cal);
    times.push(t);
  }
  return times;
}

// The receipt time from which the steps before `step` end as close as possible before
// `startAt` (when the open step is to have started).
function receiptFor(standard: ServiceStandard, step: number, startAt: string, fracs: number[], cal: OfficeCalendar): string {
  if (step === 2) return startAt;
  const end = (r: number) => walk(standard, nextOpening(iso(r), cal), step - 1, fracs, cal).at(-1)!;
  let lo = Date.parse(startAt) - 60 * 86_400_000;
  let hi = Date.parse(startAt);
  while (hi - lo > MINUTE) {
    const mid = (lo + hi) / 2;
    if (end(mid) <= startAt) lo = mid;
    else hi = mid;
  }
  return nextOpening(iso(lo), cal);
}

// ── Playing it through the app's own calls ──────────────────────────────────────

const INSTRUCTION_SETS: Instruction[][] = [['proses_lanjut'], ['tanggapan_saran', 'proses_lanjut'], ['koordinasi'], ['koordinasi', 'proses_lanjut']];
const SIFATS: Sifat[] = ['biasa', 'biasa', 'biasa', 'segera', 'segera', 'sangat_segera'];
const FOLLOW_UPS = [
  'Klarifikasi ke kantor desa: kepala desa membenarkan dan menjadwalkan penanganan.',
  'Peninjauan lapangan bersama perangkat desa; kondisi sesuai laporan pelapor.',
  'Koordinasi dengan dinas terkait melalui telepon; usulan penanganan dicatat.',
  'Pelapor dihubungi untuk melengkapi keterangan; keterangan diterima.',
];
// Where a complaint of each category is forwarded, addressed as on the letter: to the head.
const FORWARD_TO: Record<Category, string> = {
  administrasi_kependudukan: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pamekasan',
  infrastruktur: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Pamekasan',
  kebersihan_lingkungan: 'Kepala Dinas Lingkungan Hidup Kabupaten Pamekasan',
  ketertiban_umum: 'Kepala Satuan Polisi Pamong Praja Kabupaten Pamekasan',
  bantuan_sosial: 'Kepala Dinas Sosial Kabupaten Pamekasan',
  pelayanan_aparatur: 'Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Pamekasan',
  pertanahan: 'Kepala Kantor Pertanahan Kabupaten Pamekasan',
  kesehatan: 'Kepala Dinas Kesehatan Kabupaten Pamekasan',
  pendidikan: 'Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Pamekasan',
  kepegawaian: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Pamekasan',
  lainnya: 'Sekretaris Daerah Kabupaten Pamekasan',
};

class DemoOffice {
  private clock = '';
  private lastSweepDay = '';

  constructor(
    readonly deps: CoreDeps,
    readonly users: Record<string, SessionUser>,
    readonly standard: ServiceStandard,
    readonly cal: OfficeCalendar,
    readonly r: () => number,
  ) {}

  at(instant: string) {
    this.clock = instant;
  }

  now = () => new Date(this.clock);

  // Each call as the demo user would make it: a session of their own, through the gate.
  async call<K extends CallName>(who: Who | 'admin', name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const token = createSession(this.deps, this.users[who]!.id);
    try {
      return await this.through({ token, setToken: () => {} }, who, name, input);
    } finally {
      endSession(this.deps, token);
    }
  }

  private async through<K extends CallName>(session: SessionCarrier, who: string, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await dispatch(this.deps, handlers, name, input, session);
    if (!result.ok) throw new Error(`data demo: ${name} oleh ${who} ditolak: ${result.error.message}`);
    return result.value as CallOutput<K>;
  }

  // The Staf opens the SKM kiosk on the office PC, the reporter answers there, and the
  // Staf closes it with their password.
  async kiosk(input: SkmKioskInput) {
    const session: SessionCarrier = { token: createSession(this.deps, this.users.staf!.id), setToken: (token) => (session.token = token) };
    await this.through(session, 'staf', 'skm.kioskStart', {});
    await this.through(session, 'kios', 'skm.kioskSubmit', input);
    await this.through(session, 'staf', 'skm.kioskExit', { password: DEMO_PASSWORD });
    endSession(this.deps, session.token!);
  }

  // Escalations and automatic withdrawals run as the office's background sweep would.
  sweepDaily() {
    const day = localDate(this.clock, this.cal.timeZone);
    if (day === this.lastSweepDay) return;
    this.lastSweepDay = day;
    write(this.deps.db, () => sweep(this.deps));
  }

  async play(c: Case, act: Act) {
    const { r } = this;
    if (act.do === 'intake') {
      const created = await this.call('staf', 'complaints.create', c.data);
      c.id = created.id;
      c.registerNo = created.registerNo;
      return;
    }
    const id = c.id!;
    if (act.do === 'pause') {
      await this.call('sekcam', 'workflow.exit', { id, exit: 'tidak_lengkap', note: 'Fotokopi KTP/KK pelapor belum dilampirkan.' });
      return;
    }
    if (act.do === 'resume') {
      await this.call('staf', 'workflow.resume', { id, note: 'Pengadu menyerahkan fotokopi KTP dan formulir yang sudah ditandatangani.' });
      return;
    }
    if (act.do === 'exit') {
      await this.call(
        'camat',
        'workflow.exit',
        act.exit === 'ditolak'
          ? { id, exit: 'ditolak', note: 'Pengaduan tidak disertai uraian yang dapat ditindaklanjuti dan pengadu tidak dapat dihubungi.' }
          : { id, exit: 'bukan_kewenangan', note: 'Substansi pengaduan menjadi kewenangan instansi kabupaten.', forwardTo: FORWARD_TO[c.data.category] },
      );
      return;
    }
    if (act.do === 'read') {
      // Opening the complaint marks the disposition as read.
      await this.call(c.kasi, 'workflow.journey', { id });
      return;
    }
    if (act.do === 'signLetter') {
      const letters = await this.call('camat', 'documents.list', { complaintId: id });
      const draft = letters.find((d) => d.status === 'draf' && d.actions.includes('sign'));
      if (draft) await this.call('camat', 'documents.sign', { id: draft.id, password: DEMO_PASSWORD });
      return;
    }
    const step = this.standard.steps[act.no - 1]!;
    const next = this.standard.steps[act.no];
    const who: Who = step.executor === 'kasi' ? c.kasi : step.executor === 'tim_pengelola' ? 'staf' : step.executor;
    switch (step.stage) {
      case 'disposisi':
        await this.call(c.sekcamDisposes ? 'sekcam' : 'camat', 'workflow.dispose', {
          id,
          to: [this.users[c.kasi]!.id],
          sifat: SIFATS[Math.floor(r() * SIFATS.length)]!,
          instructions: INSTRUCTION_SETS[Math.floor(r() * INSTRUCTION_SETS.length)]!,
          note: '',
        });
        return;
      case 'penyusunan_jawaban':
        if (next?.stage !== 'penyusunan_jawaban') {
          const outcome = c.data.kind === 'permintaan_informasi' ? 'informasi' : 'ditindaklanjuti';
          c.draftId = (await this.call(who, 'documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome })).id;
        }
        await this.call(who, 'workflow.advance', { id, note: '' });
        return;
      case 'paraf':
        await this.call(step.executor === 'sekcam' && c.kasiParafs ? c.kasi : who, 'documents.paraf', { id: c.draftId! });
        return;
      case 'penandatanganan':
        await this.call('camat', 'documents.sign', { id: c.draftId!, password: DEMO_PASSWORD });
        return;
      case 'arsip':
        await this.call(who, 'documents.archive', { complaintId: id, location: `Ordner Pengaduan ${yearOf(this.clock, this.cal.timeZone)}` });
        return;
      case 'penyampaian':
        await this.call(who, 'documents.deliver', {
          complaintId: id,
          channel: c.data.reporter.anonymous ? 'lainnya' : 'langsung',
          deliveredAt: `${localDate(this.clock, this.cal.timeZone)}T${localTime(this.clock, this.cal.timeZone)}`,
          recipient: c.data.reporter.anonymous ? 'Pelapor anonim, melalui papan pengumuman kantor kecamatan' : (c.data.reporter.name ?? 'Pengadu'),
          note: '',
          proof: [],
          ...(next ? {} : { satisfaction: c.closing }),
        });
        if (!next && c.skm?.via === 'staf') await this.call('staf', 'skm.submit', { ...c.skm.input, registerNo: c.registerNo! });
        if (!next && c.skm?.via === 'kiosk') await this.kiosk(c.skm.input);
        return;
      default:
        if (step.stage === 'tindak_lanjut' && c.followUp) {
          await this.call(who, 'workflow.followUp', { id, kind: 'klarifikasi', text: FOLLOW_UPS[Math.floor(r() * FOLLOW_UPS.length)]! });
        }
        await this.call(who, 'workflow.advance', { id, note: '' });
    }
  }
}

// ── The demo ──────────────────────────────────────────────────────────────────

// `--demo`: a ready office (Kec. Pegantenan, whose standard has a step for every role),
// one account per role and fourteen months of complaints played through the app's own
// calls with a clock that moves: most finished with their documents, and the open ones
// spread over every step so each role's Tugas saya has work, some of it late.
// Does nothing when the data folder already holds an office.
export async function seedDemo(deps: CoreDeps, count = 120): Promise<{ complaints: number; users: number; password: string } | null> {
  if (findOffice(deps.db)) return null;
  const started = Date.now();
  const preset = OFFICE_PRESETS.find((p) => p.id === 'pegantenan')!;
  const standard = preset.standard;
  const tz = preset.office.timeZone;
  const cal = defaultCalendar(tz);
  const r = rng(2026);
  // Satisfaction draws from a sequence of its own, so the complaints stay as they were.
  const rs = rng(17);
  const { now: realNow, log } = deps;
  const now = realNow().toISOString();
  const hash = await hashPassword(DEMO_PASSWORD);
  const checklist = standard.kelengkapanChecklist;
  const between = (a: number, b: number) => a + r() * (b - a);
  const lastStep = standard.steps.length;

  let askedSoFar = 0;
  const newCase = (incidentBefore: string, over: Partial<Case> = {}): Case => {
    const data = demoComplaint(r, checklist, localDate(addCalendarDays(incidentBefore, -Math.floor(r() * 10), tz), tz));
    // An anonymous reporter hears the answer from the notice board: nobody to ask. Of those
    // asked, one in six is not satisfied, so even a small demo has both answers.
    const asked = !data.reporter.anonymous && rs() <= 0.92;
    if (asked) askedSoFar++;
    const closing = !asked ? 'tidak_ditanyakan' : askedSoFar % 6 === 0 ? 'tidak_puas' : 'puas';
    const skm = closing !== 'tidak_ditanyakan' && rs() < 0.6 ? { via: data.channel === 'langsung' && rs() < 0.5 ? ('kiosk' as const) : ('staf' as const), input: demoSkm(rs, closing === 'puas') } : null;
    return {
      data: { ...data, kelengkapan: [...checklist] },
      kasi: KASI[Math.floor(r() * 2)]!,
      sekcamDisposes: r() < 0.2,
      kasiParafs: r() < 0.25,
      followUp: r() < 0.5,
      unread: false,
      plan: [],
      closing,
      skm,
      ...over,
    };
  };

  // Finished (or closed) ones, received over the fourteen months before the last month.
  const cases: Case[] = [];
  const first = Date.parse(addCalendarDays(now, -425, tz));
  const last = Date.parse(addCalendarDays(now, -35, tz));
  for (let i = 0; i < count; i++) {
    const received = nextOpening(iso(between(first, last)), cal);
    const c = newCase(received);
    c.plan.push({ at: received, act: { do: 'intake' } });
    const fate = r();
    const lateStep = r() < 0.12 ? 2 + Math.floor(r() * (lastStep - 1)) : 0;
    let t = received;
    for (let no = 2; no <= lastStep; no++) {
      const d = standard.steps[no - 1]!.duration;
      if (no === 2 && fate < 0.08) {
        // Sent back as incomplete: the letter signed, then completed days later or withdrawn.
        const p = pace(t, d, 0.3, cal);
        c.plan.push({ at: p, act: { do: 'pause' } }, { at: pace(p, { amount: 90, unit: 'menit_kerja' }, 1, cal), act: { do: 'signLetter' } });
        if (fate < 0.025) break;
        const back = addWorkingTime(p, { amount: 1 + Math.floor(r() * 6), unit: 'hari_kerja' }, cal);
        c.plan.push({ at: back, act: { do: 'resume' } });
        t = pace(back, d, 0.4, cal);
      } else if (standard.steps[no - 1]!.stage === 'disposisi' && fate > 0.95) {
        const exit = fate > 0.975 ? 'bukan_kewenangan' : 'ditolak';
        const at = pace(t, d, 0.5, cal);
        c.plan.push({ at, act: { do: 'exit', exit } });
        if (exit === 'bukan_kewenangan') c.plan.push({ at: pace(at, { amount: 60, unit: 'menit_kerja' }, 1, cal), act: { do: 'signLetter' } });
        break;
      } else {
        t = pace(t, d, no === lateStep ? between(1.2, 2.5) : between(0.1, 0.85), cal);
      }
      c.plan.push({ at: t, act: { do: 'step', no } });
    }
    cases.push(c);
  }

  // The open ones, each standing at its step as far along as its state says.
  for (const o of OPEN) {
    const d = standard.steps[o.step - 1]!.duration;
    const m = roughMinutes(d);
    const share = o.state === 'baru' ? 0.15 : o.state === 'berisiko' ? 0.88 : o.state === 'terlambat' ? Math.max(1.6, 1 + 120 / m) : 1 + (11 * 450) / m;
    const startAt = nextOpening(startedFor(now, d, share, cal), cal);
    const fracs = standard.steps.map(() => between(0.2, 0.8));
    // A little earlier than the latest possible, so receipts do not crowd at closing time.
    const received = o.step === 2 ? startAt : nextOpening(workingBefore(receiptFor(standard, o.step, startAt, fracs, cal), Math.floor(between(0, 240)), cal), cal);
    const c = newCase(received, { kasi: KASI[o.kasi ?? Math.floor(r() * 2)]!, kasiParafs: o.tweak === 'kasiParaf', unread: o.step === 5 && o.state === 'baru' });
    if (o.tweak === 'anonim') c.data = { ...c.data, reporter: { ...c.data.reporter, name: '', address: '', nik: '', phone: '', anonymous: true, confidential: false } };
    if (o.tweak === 'rahasia') c.data = { ...c.data, reporter: { ...c.data.reporter, anonymous: false, confidential: true } };
    c.plan.push({ at: received, act: { do: 'intake' } });
    // The step before ends exactly when the open step is to have started.
    const times = [...walk(standard, received, o.step - 1, fracs, cal).slice(0, -1), ...(o.step > 2 ? [startAt] : [])];
    times.forEach((at, i) => c.plan.push({ at, act: { do: 'step', no: i + 2 } }));
    cases.push(c);
  }

  // Waiting for the reporter: one whose letter is signed, one whose letter waits for the
  // Camat; and, closed this month, one refused and one forwarded.
  for (const [days, signed] of [[6, true], [2, false]] as const) {
    const pausedAt = workingBefore(now, days * 450, cal);
    const c = newCase(pausedAt, { data: { ...demoComplaint(r, checklist, localDate(addCalendarDays(pausedAt, -3, tz), tz)), kelengkapan: checklist.slice(0, 1) } });
    c.plan.push({ at: workingBefore(pausedAt, 45, cal), act: { do: 'intake' } }, { at: pausedAt, act: { do: 'pause' } });
    if (signed) c.plan.push({ at: pace(pausedAt, { amount: 60, unit: 'menit_kerja' }, 1, cal), act: { do: 'signLetter' } });
    cases.push(c);
  }
  const disposition = standard.steps.find((s) => s.stage === 'disposisi')!;
  for (const exit of ['ditolak', 'bukan_kewenangan'] as const) {
    const received = workingBefore(now, between(5, 9) * 450, cal);
    const c = newCase(received);
    const times = walk(standard, received, disposition.no - 1, standard.steps.map(() => between(0.2, 0.6)), cal);
    c.plan.push({ at: received, act: { do: 'intake' } }, ...times.map((at, i) => ({ at, act: { do: 'step' as const, no: i + 2 } })));
    const at = pace(times.at(-1) ?? received, disposition.duration, 0.4, cal);
    c.plan.push({ at, act: { do: 'exit', exit } });
    if (exit === 'bukan_kewenangan') c.plan.push({ at: pace(at, { amount: 60, unit: 'menit_kerja' }, 1, cal), act: { do: 'signLetter' } });
    cases.push(c);
  }

  // Each Kasi opens a disposition within the hour.
  for (const c of cases) {
    if (c.unread) continue;
    const disposed = c.plan.find((p) => p.act.do === 'step' && standard.steps[p.act.no - 1]!.stage === 'disposisi');
    if (disposed) c.plan.push({ at: pace(disposed.at, { amount: 60, unit: 'menit_kerja' }, between(0.2, 1), cal), act: { do: 'read' } });
  }

  // Everything in time order, across complaints, so numbers, the audit chain and the
  // sweep follow the calendar.
  const events = cases
    .flatMap((c, ci) => c.plan.filter((p) => p.at <= now).map((p, pi) => ({ ...p, c, order: ci * 100 + pi })))
    .sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  const start = events[0]!.at;

  const office = new DemoOffice(deps, {}, standard, cal, r);
  office.at(start);
  deps.now = office.now;
  // Hundreds of "pengaduan dicatat" lines would bury the address the server prints.
  deps.log = { ...log, info: () => {} };
  // One transaction for the whole demo: all of it or nothing, and fast (one sync at the end).
  deps.db.exec('BEGIN IMMEDIATE');
  try {
    if (findOffice(deps.db)) {
      deps.db.exec('ROLLBACK');
      return null;
    }
    writeSetting(deps.db, 'office', { ...preset.office, logo: '' });
    writeSetting(deps.db, 'standard', standard);
    for (const u of DEMO_USERS) office.users[u.username] = insertUser(deps, u.username, hash, { ...u, active: true });
    for (const who of ['camat', 'sekcam'] as const) await office.call(who, 'auth.setSignature', { image: DEMO_SPECIMEN });
    for (const e of events) {
      office.at(e.at);
      office.sweepDaily();
      await office.play(e.c, e.act);
    }
    office.at(now);
    write(deps.db, () => sweep(deps));
    deps.db.exec('COMMIT');
  } catch (err) {
    if (deps.db.inTransaction) deps.db.exec('ROLLBACK');
    throw err;
  } finally {
    deps.now = realNow;
    deps.log = log;
  }
  deps.log.info(`data demo: ${cases.length} pengaduan dalam ${Date.now() - started} ms`);
  return { complaints: cases.length, users: DEMO_USERS.length, password: DEMO_PASSWORD };
}
