import { performance } from 'node:perf_hooks';

// The bound on every target: a call (or a start) at most this many times its fair twin.
export const MAX_RATIO = 1.5;

export interface Stats {
  p50: number;
  p95: number;
  n: number;
}

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

// Interleaved rounds (core, twin, core, twin …) so drift in load, cache or file size
// touches both alike. before: untimed, ahead of each core call and each twin (e.g. a change
// of data, so that each reads right after one); afterCore: untimed, after each core call.
export async function interleaved(
  rounds: number,
  core: () => Promise<unknown>,
  twin: (() => unknown) | null,
  before?: () => void,
  afterCore?: () => void,
): Promise<{ core: Stats; twin: Stats | null }> {
  const c: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    before?.();
    let t0 = performance.now();
    await core();
    c.push(performance.now() - t0);
    afterCore?.();
    if (!twin) continue;
    before?.();
    t0 = performance.now();
    twin();
    t.push(performance.now() - t0);
  }
  return { core: stats(c), twin: twin ? stats(t) : null };
}

export const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(n < 1 ? 3 : n < 10 ? 2 : 1));
