import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ComplaintInput } from '../../shared/schemas/complaint';
import { createCore, type Core, type CoreOptions } from '../../main/core';
import type { SessionCarrier } from '../../main/core/context';
import { auditKey, dataDirVault, type AuditKey } from '../../main/core/audit/key';
import { OFFICE_PRESETS } from '../../shared/standards/presets';

// The audit seal key a core keeps in its data folder (the default vault).
export function sealKeyOf(dataDir: string): AuditKey {
  const secret = dataDirVault(dataDir).load();
  if (!secret) throw new Error(`no audit seal key in ${dataDir}`);
  return auditKey(secret);
}

export const silentLog = { info() {}, warn() {}, error() {} };

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advanceMinutes(m: number): void;
}

export function testClock(start = '2026-11-24T02:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  return { now: () => new Date(t), set: (iso) => (t = Date.parse(iso)), advanceMinutes: (m) => (t += m * 60_000) };
}

export const carrier = (): SessionCarrier => {
  const c: SessionCarrier = { token: null, setToken: (t) => void (c.token = t) };
  return c;
};

export interface TestCore {
  core: Core;
  dir: string;
  clock: TestClock;
  dispose(): void;
}

// A real core over a real SQLite file in a fresh temp folder.
export function makeCore(start?: string, options: Partial<CoreOptions> = {}): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-test-'));
  const clock = testClock(start);
  const core = createCore({ dataDir: dir, now: clock.now, log: silentLog, ...options });
  return { core, dir, clock, dispose: () => (core.close(), rmSync(dir, { recursive: true, force: true })) };
}

// Calls the core and unwraps the result, failing loudly with the Indonesian message.
export async function ok<K extends CallName>(core: Core, s: SessionCarrier, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const r = await core.call(name, input, s);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as CallOutput<K>;
}

export async function fail(core: Core, s: SessionCarrier, name: CallName | 'no.such.call', input: unknown) {
  const r = await core.call(name, input, s);
  if (r.ok) throw new Error(`${name} was expected to fail`);
  return r.error;
}

// Calls made by name at a set time, each from a fresh login: days pass between steps, and
// a session ends after 30 idle minutes.
export function timedCalls<Who extends string>(core: Core, clock: TestClock, password: string) {
  const as = async (who: Who) => {
    const s = carrier();
    await ok(core, s, 'auth.login', { username: who, password });
    return s;
  };
  const act = async <K extends CallName>(who: Who, atIso: string, name: K, input: CallInput<K>) => {
    clock.set(atIso);
    return ok(core, await as(who), name, input);
  };
  const refuse = async (who: Who, atIso: string, name: CallName, input: unknown) => {
    clock.set(atIso);
    return fail(core, await as(who), name, input);
  };
  return { as, act, refuse };
}

export const ADMIN = { username: 'admin', password: 'rahasia-admin-1' };

export async function setupOffice(core: Core, presetId = 'kejayan') {
  const preset = OFFICE_PRESETS.find((p) => p.id === presetId)!;
  const admin = carrier();
  await ok(core, admin, 'setup.complete', {
    presetId,
    office: { ...preset.office, logo: '' },
    admin: {
      username: ADMIN.username,
      password: ADMIN.password,
      user: { name: 'Rina Admin', nip: '', jabatan: 'Pengelola Sistem', pangkat: '', role: 'admin', seksi: '', active: true },
    },
  });
  return admin;
}

// The Admin creates the account with a first password; the user signs in once and
// replaces it (as the app demands) with `input.password`. Returns the created user.
export async function createUser(core: Core, admin: SessionCarrier, input: CallInput<'users.create'>, s = carrier()) {
  const first = `${input.password}-dari-admin`;
  const created = await ok(core, admin, 'users.create', { ...input, password: first });
  await ok(core, s, 'auth.login', { username: input.username, password: first });
  await ok(core, s, 'auth.changePassword', { oldPassword: first, newPassword: input.password });
  return created;
}

export async function addUser(core: Core, admin: SessionCarrier, username: string, role: 'staf' | 'kasi' | 'sekcam' | 'camat' | 'admin', name = username) {
  const s = carrier();
  await createUser(
    core,
    admin,
    {
      username,
      password: 'kata-sandi-123',
      user: { name, nip: '198001012005011001', jabatan: role, pangkat: 'Penata (III/c)', role, seksi: role === 'kasi' ? 'Seksi Pelayanan' : '', active: true },
    },
    s,
  );
  return s;
}

export const sampleComplaint = (over: Partial<ComplaintInput> = {}): ComplaintInput => ({
  kind: 'pengaduan',
  channel: 'langsung',
  category: 'infrastruktur',
  reporter: { name: 'Siti Aminah', address: 'Dusun Krajan RT 02 RW 01, Desa Kejayan', nik: '3514015506800002', phone: '081234567890', email: '', anonymous: false, confidential: false },
  subject: 'Jalan desa rusak di Dusun Krajan',
  description: 'Jalan makadam sepanjang 300 meter berlubang dan tergenang setiap hujan sehingga anak sekolah sulit lewat.',
  loss: 'Sepeda motor warga rusak',
  expectation: 'Jalan segera diperbaiki',
  incidentPlace: 'Dusun Krajan',
  incidentDate: '',
  laporTrackingId: '',
  kelengkapan: [],
  attachments: [],
  ...over,
});
