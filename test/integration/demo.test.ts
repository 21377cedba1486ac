import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionCarrier } from '../../main/core/context';
import { DEMO_PASSWORD, seedDemo } from '../../main/core/demo/seed';
import { carrier, makeCore, ok, type TestCore } from '../support/core';

// `--demo` plays fourteen months of an office through the app's own calls: every role
// finds work in Tugas saya, leaders see late and at-risk complaints, the trail is whole.

const NOW = '2026-11-25T03:00:00.000Z'; // Wed 25 Nov 2026 10.00 WIB
let t: TestCore;
const sessions: Record<string, SessionCarrier> = {};

beforeAll(async () => {
  t = makeCore(NOW);
  const seeded = await seedDemo(t.core.deps, 40);
  expect(seeded).toMatchObject({ users: 6, password: DEMO_PASSWORD });
  expect(seeded!.complaints).toBeGreaterThan(40);
  for (const username of ['admin', 'staf', 'kasi.pelayanan', 'kasi.pemerintahan', 'sekcam', 'camat']) {
    sessions[username] = carrier();
    await ok(t.core, sessions[username], 'auth.login', { username, password: DEMO_PASSWORD });
  }
}, 240_000);
afterAll(() => t?.dispose());

const as = (who: string) => sessions[who]!;

describe('demo office', () => {
  it('leaves the clock as it found it and seeds only an empty folder', async () => {
    expect(t.core.deps.now().toISOString()).toBe(NOW);
    expect(await seedDemo(t.core.deps, 5)).toBeNull();
  });

  it('gives every role work in Tugas saya', async () => {
    for (const who of ['staf', 'kasi.pelayanan', 'kasi.pemerintahan', 'sekcam', 'camat']) {
      expect((await ok(t.core, as(who), 'tasks.mine', {})).length, who).toBeGreaterThan(0);
    }
    // The Sekcam verifies and parafs; the Camat disposes and signs.
    const sekcam = await ok(t.core, as('sekcam'), 'tasks.mine', {});
    expect(new Set(sekcam.map((x) => x.stepNo))).toEqual(new Set([2, 8]));
    const camat = await ok(t.core, as('camat'), 'tasks.mine', {});
    expect(camat.map((x) => x.stepNo)).toEqual(expect.arrayContaining([4, 10]));
    const staf = await ok(t.core, as('staf'), 'tasks.mine', {});
    expect(staf.filter((x) => x.paused).length).toBe(2);
  });

  it('shows leaders late and at-risk complaints, letters to sign and open complaints at every step', async () => {
    const page = await ok(t.core, as('camat'), 'tasks.office', { limit: 200 });
    const office = page.rows;
    expect(office).toHaveLength(page.total);
    const risks = new Set(office.map((x) => x.risk));
    expect(risks).toEqual(new Set(['aman', 'berisiko', 'terlambat']));
    expect(new Set(office.filter((x) => !x.paused).map((x) => x.stepNo))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    // Some are past the standard's whole 12 hari kerja, not only their step's time.
    const overdue = t.core.db.prepare("SELECT count(*) AS n FROM complaints WHERE closed_at IS NULL AND due_at < ?").get(NOW) as { n: number };
    expect(overdue.n).toBeGreaterThan(0);
    const queue = await ok(t.core, as('camat'), 'documents.signatureQueue', {});
    expect(queue.map((q) => q.kind)).toEqual(expect.arrayContaining(['surat_tanggapan', 'pemberitahuan_kelengkapan']));
  });

  it('spans more than a year, mostly finished with their documents, with every way out', async () => {
    const span = t.core.db.prepare('SELECT min(received_at) AS first, max(received_at) AS last FROM complaints').get() as { first: string; last: string };
    expect(Date.parse(span.last) - Date.parse(span.first)).toBeGreaterThan(365 * 86_400_000);
    const byStatus = Object.fromEntries(
      (t.core.db.prepare('SELECT status, count(*) AS n FROM complaints WHERE closed_at IS NOT NULL GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
    expect(byStatus.selesai).toBeGreaterThan(20);
    expect(byStatus).toMatchObject({ ditolak: expect.any(Number), bukan_kewenangan: expect.any(Number) });
    const finished = t.core.db.prepare("SELECT id FROM complaints WHERE status = 'selesai' ORDER BY id LIMIT 1").get() as { id: number };
    const docs = await ok(t.core, as('camat'), 'documents.list', { complaintId: finished.id });
    expect(docs.map((d) => d.kind)).toEqual(expect.arrayContaining(['tanda_terima', 'kartu_kendali', 'lembar_disposisi', 'surat_tanggapan']));
    expect(docs.find((d) => d.kind === 'surat_tanggapan')).toMatchObject({ status: 'ditandatangani', signerName: 'Drs. Imam Sholeh, M.Si.' });
    const j = await ok(t.core, as('camat'), 'workflow.journey', { id: finished.id });
    expect(j.steps.every((s) => s.completedAt !== null)).toBe(true);
    const open = t.core.db.prepare('SELECT sum(anonymous) AS anon, sum(confidential) AS secret FROM complaints WHERE closed_at IS NULL').get() as { anon: number; secret: number };
    expect(open.anon).toBeGreaterThan(0);
    expect(open.secret).toBeGreaterThan(0);
  });

  it('records what reporters said at closing and their questionnaires, entered by the Staf and on the kiosk', async () => {
    const said = Object.fromEntries(
      (t.core.db.prepare("SELECT coalesce(satisfaction, '-') AS s, count(*) AS n FROM complaints WHERE status = 'selesai' GROUP BY 1").all() as { s: string; n: number }[]).map((r) => [r.s, r.n]),
    );
    expect(said.puas).toBeGreaterThan(said.tidak_puas ?? 0);
    expect(said.tidak_puas).toBeGreaterThan(0);
    const year = Number(NOW.slice(0, 4));
    const summaries = [await ok(t.core, as('camat'), 'skm.summary', { year: year - 1 }), await ok(t.core, as('camat'), 'skm.summary', { year })];
    const respondents = summaries.reduce((n, s) => n + s.total.respondents, 0);
    expect(respondents).toBeGreaterThan(5);
    expect(summaries.reduce((n, s) => n + s.fromKiosk, 0)).toBeGreaterThan(0);
    expect(summaries.reduce((n, s) => n + s.fromKiosk, 0)).toBeLessThan(respondents);
    for (const s of summaries.filter((x) => x.total.respondents > 0)) expect(s.total.grade).toMatch(/^[A-D]$/);
    // Each questionnaire the Staf entered belongs to a finished complaint, one at most.
    const linked = t.core.db.prepare("SELECT count(*) AS n, count(DISTINCT r.complaint_id) AS d, sum(c.status = 'selesai') AS done FROM skm_responses r JOIN complaints c ON c.id = r.complaint_id").get() as { n: number; d: number; done: number };
    expect(linked.n).toBeGreaterThan(0);
    expect(linked).toEqual({ n: linked.n, d: linked.n, done: linked.n });
  });

  it('keeps an audit trail that verifies', async () => {
    expect(await ok(t.core, as('admin'), 'audit.verify', {})).toMatchObject({ ok: true, firstBroken: null });
  });
});
