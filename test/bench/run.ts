// `npm run bench`: figures, never assertions. Builds an office with N complaints in a
// temp folder and times the calls users wait for, through the whole core (session,
// role check, zod, handler), next to the same query in raw SQLite on the same file.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore } from '../../main/core';
import { write } from '../../main/core/context';
import { insertComplaint } from '../../main/core/complaints/repo';
import { demoComplaint, rng } from '../../main/core/demo/generator';
import { OFFICE_PRESETS } from '../../shared/standards/presets';
import { signDocument } from '../../main/core/documents/service';
import { PNG } from 'pngjs';
import { addUser, ok, setupOffice, silentLog } from '../support/core';

const N = Number(process.env.BENCH_N ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

async function time(runs: number, fn: (i: number) => unknown | Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

const f = (n: number) => n.toFixed(n < 1 ? 3 : n < 10 ? 2 : 1);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tanggap-bench-'));
  const core = createCore({ dataDir: dir, log: silentLog });
  try {
    const admin = await setupOffice(core, 'kejayan');
    const staf = await addUser(core, admin, 'staf', 'staf');
    const kelengkapan = OFFICE_PRESETS[0]!.standard.kelengkapanChecklist;
    const r = rng(7);
    const stafUser = core.db.prepare("SELECT * FROM users WHERE username = 'staf'").get() as { id: number };
    const sessionUser = { id: stafUser.id, username: 'staf', name: 'staf', nip: '', jabatan: '', pangkat: '', role: 'staf' as const, seksi: '', active: true };

    const start = Date.parse('2024-01-02T01:00:00Z');
    const step = Math.floor((Date.parse('2026-11-20T01:00:00Z') - start) / N);
    const t0 = performance.now();
    for (let done = 0; done < N; done += 5000) {
      write(core.db, () => {
        for (let i = done; i < Math.min(N, done + 5000); i++) {
          const at = new Date(start + i * step).toISOString();
          insertComplaint(core.deps, sessionUser, demoComplaint(r, kelengkapan, at.slice(0, 10)), [], at);
        }
      });
    }
    const loadMs = performance.now() - t0;
    // An office's history is mostly finished work: keep one complaint in twenty open.
    core.db.exec(`UPDATE complaints SET closed_at = received_at, status = 'selesai', acting = NULL, escalate_to = NULL WHERE id % 20 <> 0`);
    core.db.pragma('optimize');
    const kasi = await addUser(core, admin, 'kasi', 'kasi');
    const camat = await addUser(core, admin, 'camat', 'camat');

    const raw = new Database(join(dir, 'tanggap.sqlite'), { readonly: true });
    const rawPage = raw.prepare(
      'SELECT id, register_no, received_at, kind, channel, category, reporter_name, anonymous, subject, status FROM complaints ORDER BY year DESC, seq DESC LIMIT 50 OFFSET ?',
    );
    const rawFts = raw.prepare(
      `SELECT c.id, c.register_no, c.subject FROM complaints c WHERE c.id IN
        (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?) ORDER BY c.year DESC, c.seq DESC LIMIT 50`,
    );
    const rawSorted = raw.prepare(
      `SELECT id, register_no, received_at, kind, channel, category, reporter_name, anonymous, subject, status FROM complaints c
        WHERE c.year = ? AND c.category = ? ORDER BY c.reporter_name COLLATE NOCASE ASC, c.id ASC LIMIT 50 OFFSET 0`,
    );
    const rawGet = raw.prepare('SELECT * FROM complaints WHERE id = ?');
    // The same row INSERTed into the same file (indexes and FTS triggers fire), one
    // autocommit transaction each, with the core's pragmas: what the core adds on top is
    // numbering, the received event, the audit chain, the first step and its due time.
    const rawWrite = new Database(join(dir, 'tanggap.sqlite'));
    rawWrite.pragma('journal_mode = WAL');
    rawWrite.pragma('synchronous = FULL');
    rawWrite.pragma('foreign_keys = ON');
    const cols = (raw.prepare('PRAGMA table_info(complaints)').all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
    const sample = raw.prepare(`SELECT ${cols.join(', ')} FROM complaints WHERE id = 1`).get() as Record<string, unknown>;
    const rawInsert = rawWrite.prepare(`INSERT INTO complaints (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);

    const rows: [string, { p50: number; p95: number }, { p50: number; p95: number } | null][] = [];
    rows.push([
      'Catat pengaduan (complaints.create)',
      await time(RUNS, (i) => ok(core, staf, 'complaints.create', { ...demoComplaint(r, kelengkapan, '2026-11-20'), subject: `Bench ${i}` })),
      await time(RUNS, (i) => rawInsert.run(...cols.map((c) => (c === 'register_no' ? `raw-${i}` : c === 'seq' ? 1_000_000 + i : sample[c])))),
    ]);
    // What synchronous = FULL (a WAL fsync at every commit) costs: the same call and
    // insert with the former NORMAL, which may lose the last commits in a power cut.
    core.db.pragma('synchronous = NORMAL');
    rawWrite.pragma('synchronous = NORMAL');
    rows.push([
      'Catat pengaduan dengan synchronous=NORMAL (pembanding; aplikasi memakai FULL)',
      await time(RUNS, (i) => ok(core, staf, 'complaints.create', { ...demoComplaint(r, kelengkapan, '2026-11-20'), subject: `Bench normal ${i}` })),
      await time(RUNS, (i) => rawInsert.run(...cols.map((c) => (c === 'register_no' ? `raw-normal-${i}` : c === 'seq' ? 2_000_000 + i : sample[c])))),
    ]);
    core.db.pragma('synchronous = FULL');
    rawWrite.pragma('synchronous = FULL');
    rows.push(['Buku register, halaman 1', await time(RUNS, () => ok(core, staf, 'complaints.list', {})), await time(RUNS, () => rawPage.all(0))]);
    rows.push([`Buku register, halaman ${Math.floor(N / 2 / 50) + 1}`, await time(RUNS, () => ok(core, staf, 'complaints.list', { offset: Math.floor(N / 2) })), await time(RUNS, () => rawPage.all(Math.floor(N / 2)))]);
    rows.push([
      'Buku register, 2025 + kategori infrastruktur, urut nama pelapor',
      await time(RUNS, () => ok(core, staf, 'complaints.list', { year: 2025, category: 'infrastruktur', sort: 'reporterName', dir: 'asc' })),
      await time(RUNS, () => rawSorted.all(2025, 'infrastruktur')),
    ]);
    rows.push(['Cari "jalan krajan"', await time(RUNS, () => ok(core, staf, 'complaints.list', { q: 'jalan krajan' })), await time(RUNS, () => rawFts.all('"jalan"* AND "krajan"*'))]);
    rows.push(['Buka detail pengaduan', await time(RUNS, (i) => ok(core, staf, 'complaints.get', { id: 1 + ((i * 7919) % N) })), await time(RUNS, (i) => rawGet.get(1 + ((i * 7919) % N)))]);
    rows.push(['Tugas saya (Kasi)', await time(Math.min(RUNS, 50), () => ok(core, kasi, 'tasks.mine', {})), null]);
    rows.push(['Semua tugas kantor (Camat, 500 teratas)', await time(Math.min(RUNS, 20), () => ok(core, camat, 'tasks.office', {})), null]);
    rows.push(['Tanda terima DOCX', await time(Math.min(RUNS, 50), (i) => ok(core, staf, 'complaints.receiptDocx', { id: 1 + i })), null]);
    rows.push(...(await documentFigures(core, staf, kasi, camat)));
    raw.close();
    rawWrite.close();

    console.log(`Tanggap bench (${new Date().toISOString().slice(0, 10)}): ${N.toLocaleString('id-ID')} pengaduan dimuat dalam ${(loadMs / 1000).toFixed(1)} s (${Math.round(N / (loadMs / 1000)).toLocaleString('id-ID')}/s)`);
    console.log(`Mesin: ${cpus().length} core (${cpus()[0]?.model ?? '?'}), Node ${process.version}; ${RUNS} kali per operasi (antrean Kasi dan DOCX ${Math.min(RUNS, 50)}, antrean Camat ${Math.min(RUNS, 20)})`);
    console.log('| operasi | p50 ms | p95 ms | SQLite mentah p50 ms | rasio p50 |');
    console.log('|---|---|---|---|---|');
    for (const [name, t, rawT] of rows) {
      console.log(`| ${name} | ${f(t.p50)} | ${f(t.p95)} | ${rawT ? f(rawT.p50) : '–'} | ${rawT ? `${(t.p50 / Math.max(rawT.p50, 0.001)).toFixed(1)}×` : '–'} |`);
    }
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// The paper trail at this size: a letter drafted and stored (view, SHA-256, DOCX), a
// signature (number, freeze, DOCX, audit; the password check is argon2 and timed apart),
// and the Camat's queue of letters waiting for a signature.
async function documentFigures(core: ReturnType<typeof createCore>, staf: Session, kasi: Session, camat: Session) {
  const png = new PNG({ width: 40, height: 16 });
  await ok(core, camat, 'auth.setSignature', { image: `data:image/png;base64,${PNG.sync.write(png).toString('base64')}` });
  const kasiId = (core.db.prepare("SELECT id FROM users WHERE username = 'kasi'").get() as { id: number }).id;
  // One complaint walked to the drafting step (Kejayan step 5: the laporan tindak lanjut).
  const c = await ok(core, staf, 'complaints.create', demoComplaint(rng(1), [], '2026-11-20'));
  await ok(core, staf, 'workflow.dispose', { id: c.id, to: [kasiId], sifat: 'biasa', instructions: ['proses_lanjut'], note: '' });
  await ok(core, kasi, 'workflow.followUp', { id: c.id, kind: 'tindakan', text: 'Sudah ditinjau ke lokasi bersama perangkat desa.', attachments: [] });
  await ok(core, kasi, 'workflow.advance', { id: c.id, note: '' });
  await ok(core, camat, 'workflow.advance', { id: c.id, note: '' });
  let draft = await ok(core, staf, 'documents.draft', { complaintId: c.id, kind: 'laporan_tindak_lanjut' });
  const content = { hal: 'Laporan tindak lanjut', sifat: 'biasa' as const, lampiran: '-', body: ['Jalan telah diperbaiki oleh desa.'], tembusan: [], satisfaction: null };
  const revise = await time(Math.min(RUNS, 50), async () => {
    draft = await ok(core, staf, 'documents.revise', { id: draft.id, content });
  });
  const docx = await time(Math.min(RUNS, 50), async () => {
    draft = await ok(core, staf, 'documents.revise', { id: draft.id, content });
    await ok(core, staf, 'documents.docx', { id: draft.id });
  });
  // Letters waiting for the Camat: surat penerusan of complaints forwarded elsewhere.
  const open = core.db.prepare('SELECT id FROM complaints WHERE closed_at IS NULL ORDER BY id LIMIT 60').all() as { id: number }[];
  for (const o of open) await ok(core, camat, 'workflow.exit', { id: o.id, exit: 'bukan_kewenangan', note: 'Kewenangan dinas.', forwardTo: 'Dinas PUPR' });
  const queue = await time(Math.min(RUNS, 50), () => ok(core, camat, 'documents.signatureQueue', {}));
  const pending = (await ok(core, camat, 'documents.signatureQueue', {})).map((q) => q.id);
  const camatUser = { ...(core.db.prepare("SELECT id, username, name, nip, jabatan, pangkat, seksi FROM users WHERE username = 'camat'").get() as { id: number; username: string; name: string; nip: string; jabatan: string; pangkat: string; seksi: string }), role: 'camat' as const, active: true };
  const sign = await time(Math.min(pending.length, 50), (i) => signDocument(core.deps, camatUser, pending[i]!, true));
  const password = await time(5, () => ok(core, camat, 'documents.sign', { id: pending[pending.length - 1 - 0]!, password: 'salah' }).catch(() => undefined));
  return [
    ['Susun/ubah dokumen: bangun dan simpan versi baru (documents.revise)', revise, null],
    ['Ubah lalu unduh DOCX (berkas disusun dan disimpan sekali)', docx, null],
    ['Tanda tangan: nomor, bekukan, DOCX, audit (tanpa cek kata sandi)', sign, null],
    ['Cek kata sandi saat tanda tangan (argon2id)', password, null],
    ['Antrean Menunggu tanda tangan (Camat)', queue, null],
  ] as [string, { p50: number; p95: number }, null][];
}

type Session = Awaited<ReturnType<typeof addUser>>;

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
