// A sliding window per key (the client address): at most `max` hits in the last
// `windowMs`. In memory only: one server process serves one office.
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
      // Forget addresses gone quiet, so the map cannot grow without bound.
      if (hits.size > 1000) for (const [k, list] of hits) if (t - list[list.length - 1]! >= windowMs) hits.delete(k);
      const allowed = recent.length < max;
      if (allowed) recent.push(t);
      hits.set(key, recent);
      return allowed;
    },
  };
}
