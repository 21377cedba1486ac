import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { OFFICE_PRESETS } from '../../shared/standards/presets';

// Helpers for e2e specs: prepare an office through the real HTTP API (as another PC
// of the office would), then drive the renderer in Chromium.

export const PASSWORD = 'kata-sandi-123';
// What the Admin gives a new account; its holder replaces it at the first login.
export const FIRST_PASSWORD = 'dari-admin-123';

export class ApiClient {
  private cookie = '';
  constructor(private readonly url: string) {}

  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const res = await fetch(`${this.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tanggap': '1', cookie: this.cookie },
      body: JSON.stringify(input),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
    return body.value as CallOutput<K>;
  }
}

// A complaint as the Staf records it at the counter; a spec changes what it needs.
export const sampleComplaint = (change: Partial<CallInput<'complaints.create'>> = {}): CallInput<'complaints.create'> => ({
  kind: 'pengaduan',
  channel: 'langsung',
  category: 'infrastruktur',
  reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01, Desa Kejayan', nik: '3514015203850002', phone: '081234567890', email: '' },
  subject: 'Lampu penerangan jalan padam di Dusun Krajan',
  description: 'Sudah dua minggu lampu penerangan jalan di depan balai dusun padam sehingga jalan gelap pada malam hari.',
  expectation: 'Lampu segera diperbaiki.',
  incidentPlace: 'Jl. Raya Krajan',
  incidentDate: '2026-11-20',
  ...change,
});

export interface Office {
  admin: ApiClient;
  // username of one user per role, all with PASSWORD
  users: { staf: string; kasi: string; kasi2: string; sekcam: string; camat: string; admin: string };
}

// A set-up office from a preset, with one user per role (and two Kasi).
export async function seedOffice(url: string, presetId = 'kejayan'): Promise<Office> {
  const preset = OFFICE_PRESETS.find((p) => p.id === presetId)!;
  const admin = new ApiClient(url);
  await admin.call('setup.complete', {
    presetId,
    office: { ...preset.office, logo: '' },
    admin: {
      username: 'admin',
      password: PASSWORD,
      user: { name: 'Rina Wulandari', nip: '', jabatan: 'Pengelola Sistem', pangkat: '', role: 'admin', seksi: '', active: true },
    },
  });
  const people = [
    ['staf', 'Dewi Lestari', 'Pengadministrasi Umum', 'staf', ''],
    ['kasi', 'Bambang Sutrisno, S.Sos.', 'Kepala Seksi Pelayanan', 'kasi', 'Seksi Pelayanan'],
    ['kasi2', 'Hadi Purnomo, S.H.', 'Kepala Seksi Pemerintahan', 'kasi', 'Seksi Pemerintahan'],
    ['sekcam', 'Drs. Agus Salim', 'Sekretaris Kecamatan', 'sekcam', ''],
    ['camat', 'Ahmad Fauzi, S.STP., M.Si.', 'Camat', 'camat', ''],
  ] as const;
  for (const [username, name, jabatan, role, seksi] of people) {
    await admin.call('users.create', {
      username,
      password: FIRST_PASSWORD,
      user: { name, nip: '198001012005011001', jabatan, pangkat: 'Penata (III/c)', role, seksi, active: true },
    });
    // The first login demands a password of one's own; each user picks PASSWORD.
    const user = new ApiClient(url);
    await user.call('auth.login', { username, password: FIRST_PASSWORD });
    await user.call('auth.changePassword', { oldPassword: FIRST_PASSWORD, newPassword: PASSWORD });
  }
  return { admin, users: { staf: 'staf', kasi: 'kasi', kasi2: 'kasi2', sekcam: 'sekcam', camat: 'camat', admin: 'admin' } };
}

// Another user at the same browser. Logging out is not under test where this is used, and the
// menu's "Keluar" sits under the success notices (top right) until they close: the session
// cookie is dropped instead, and the login page comes back on the next load.
export async function as(page: Page, url: string, username: string) {
  await page.context().clearCookies();
  await login(page, url, username);
}

export async function login(page: Page, url: string, username: string, password = PASSWORD) {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('button', { name: 'Menu akun' })).toBeVisible();
}

// Signs in with the password the Admin gave and replaces it on the "Ganti kata sandi"
// screen, which opens before anything else.
export async function firstLogin(page: Page, url: string, username: string, given = FIRST_PASSWORD, chosen = PASSWORD) {
  await page.goto(url);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(given);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
  await page.getByLabel('Kata sandi lama', { exact: true }).fill(given);
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(chosen);
  await page.getByLabel('Ulangi kata sandi baru', { exact: true }).fill(chosen);
  await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(page.getByRole('button', { name: 'Menu akun' })).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Menu akun' }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
}

export type Desk = Record<'staf' | 'kasi' | 'sekcam' | 'camat', ApiClient>;

/** One API session for each handler seedOffice made, as their own PCs would hold. */
export async function deskOf(url: string): Promise<Desk> {
  const api: Desk = { staf: new ApiClient(url), kasi: new ApiClient(url), sekcam: new ApiClient(url), camat: new ApiClient(url) };
  for (const [who, client] of Object.entries(api)) await client.call('auth.login', { username: who, password: PASSWORD });
  return api;
}

/**
 * Pegantenan through the API, as other PCs would: complaint `id`, just recorded, disposed at
 * step 4 to the Kasi of `api.kasi`, his action `noted` (null: none), the answer drafted (step 7)
 * and initialled by the Sekcam and the Staf (8, 9): at step 10, the Camat's signature. Gives the letter.
 */
export async function toPegantenanSigning(api: Desk, id: number, noted: string | null = 'Jalan sudah ditambal oleh desa.'): Promise<CallOutput<'documents.draft'>> {
  const kasiId = (await api.kasi.call('auth.me', {}))!.id;
  await api.sekcam.call('workflow.advance', { id, note: '' }); // 2
  await api.staf.call('workflow.advance', { id, note: '' }); // 3
  await api.camat.call('workflow.dispose', { id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'] }); // 4
  if (noted) await api.kasi.call('workflow.followUp', { id, kind: 'tindakan', text: noted, attachments: [] });
  await api.kasi.call('workflow.advance', { id, note: '' }); // 5
  await api.kasi.call('workflow.advance', { id, note: '' }); // 6
  const letter = await api.staf.call('documents.draft', { complaintId: id, kind: 'surat_tanggapan', outcome: 'ditindaklanjuti' });
  await api.staf.call('workflow.advance', { id, note: '' }); // 7
  await api.sekcam.call('documents.paraf', { id: letter.id }); // 8
  await api.staf.call('documents.paraf', { id: letter.id }); // 9
  expect((await api.camat.call('workflow.journey', { id })).current?.stepNo).toBe(10);
  return letter;
}
