// `npm run fuzz [-- --runs N] [-- --seed S] [-- --call name]`: every call of the contract
// with N inputs (default 10,000) through the core and over HTTP; a summary table and
// exit code 1 when any property broke.
import { parseArgs } from 'node:util';
import { describeFailure, fuzzAll, type CallStats } from './harness';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' }, call: { type: 'string', multiple: true } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs harus bilangan bulat positif');
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const only = values.call;

const row = (s: CallStats) =>
  [s.name.padEnd(34), s.transport.padEnd(5), String(s.inputs).padStart(7), String(s.accepted).padStart(7), s.maxMs.toFixed(1).padStart(8), s.totalMs.toFixed(0).padStart(8), '  ' + Object.entries(s.refused).map(([c, n]) => `${c}:${n}`).join(' ')].join(' ');

async function main() {
  console.log(`fuzz: ${runs} isian per panggilan per transport, seed ${seed}`);
  console.log(['call'.padEnd(34), 'via'.padEnd(5), 'inputs'.padStart(7), 'accept'.padStart(7), 'max ms'.padStart(8), 'sum ms'.padStart(8), '  refused by code'].join(' '));
  const report = await fuzzAll({ runs, seed, only: only ? (n) => only.includes(n) : undefined, onCall: (done) => done.forEach((s) => console.log(row(s))) });
  const inputs = report.stats.reduce((n, s) => n + s.inputs, 0);
  const accepted = report.stats.reduce((n, s) => n + s.accepted, 0);
  console.log(`\n${report.stats.length / 3} panggilan, ${inputs} isian, ${accepted} diterima, ${inputs - accepted} ditolak, ${(report.ms / 1000).toFixed(1)} s`);
  for (const f of report.failures) console.error(`\nGAGAL ${describeFailure(f)}`);
  if (report.failures.length > 0) {
    console.error(`\n${report.failures.length} properti gagal (ulangi dengan --seed ${seed}).`);
    process.exitCode = 1;
  }
}

void main();
