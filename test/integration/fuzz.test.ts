import { expect, it } from 'vitest';
import { describeFailure, fuzzAll } from '../fuzz/harness';

// Per call: this many inputs in-process, as many as JSON over HTTP, a quarter as many raw
// HTTP bodies. Sized to keep the file within about a minute on two cores; `npm run fuzz`
// runs 10,000.
const RUNS = 50;

it('every call, fuzzed through the core and over HTTP: no 5xx, no crash, refusals change nothing', async () => {
  const report = await fuzzAll({ runs: RUNS });
  const inputs = report.stats.reduce((n, s) => n + s.inputs, 0);
  const accepted = report.stats.reduce((n, s) => n + s.accepted, 0);
  const calls = report.stats.length / 3;
  console.log(
    `fuzz: ${calls} panggilan × ${RUNS}+${RUNS}+${Math.round(RUNS / 4)} isian (core, HTTP, HTTP mentah) = ${inputs} isian; ${accepted} diterima, ${inputs - accepted} ditolak; ${Math.round(report.ms)} ms`,
  );
  expect(report.failures.map(describeFailure)).toEqual([]);
}, 300_000);
