import type { ApiError } from '../../../shared/contract';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '../../../shared/domain';

// A sliding window per key (a client address or window): at most `max` hits in the last
// `windowMs`. In memory only: one process serves one office.
export interface RateLimit {
  max: number;
  windowMs: number;
}

export function slidingWindow({ max, windowMs }: RateLimit, now: () => number = Date.now) {
  const hits = new Map<string, number[]>();
  return {
    // Records a hit and tells whether it is within the limit.
    allow(key: string): boolean {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      // Forget keys gone quiet, so the map cannot grow without bound.
      if (hits.size > 1000) for (const [k, list] of hits) if (t - list[list.length - 1]! >= windowMs) hits.delete(k);
      const allowed = recent.length < max;
      if (allowed) recent.push(t);
      hits.set(key, recent);
      return allowed;
    },
  };
}

// Login attempts per client (an address over HTTP, a window over IPC): enough for a busy
// shared PC, far too few to guess passwords (the per-account lock guards each account).
export const LOGIN_LIMIT: RateLimit = { max: 30, windowMs: 60_000 };

export const LOGIN_RATE_LIMITED = {
  code: 'rate_limited',
  message: 'Terlalu banyak percobaan masuk dari komputer ini. Tunggu satu menit, lalu coba lagi.',
} as const satisfies ApiError;

// Each further lock of an account (or of a kiosk's exit) doubles, up to a day: a slow
// guesser gets few tries.
const MAX_LOCK_MINUTES = 24 * 60;
/** How long the lock lasts that the `failures`th wrong password (a multiple of the limit) sets. */
export const lockMinutesAfter = (failures: number) => Math.min(LOGIN_LOCK_MINUTES * 2 ** (failures / LOGIN_MAX_FAILURES - 1), MAX_LOCK_MINUTES);
