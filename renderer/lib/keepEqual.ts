// An answer read again, with every part that equals the same part of the answer before
// (the same key, the same row, or the same place) replaced by that earlier part: the whole
// answer when nothing changed. Lists refreshed on each queue event, window focus and minute then
// keep the identity of their unchanged rows, and memoised rows render again only where
// something changed. Answers are JSON (plain objects, arrays, strings, numbers,
// booleans, null).
export function keepEqual<T>(before: unknown, after: T): T {
  if (Object.is(before, after)) return before as T;
  if (Array.isArray(before) && Array.isArray(after)) {
    // Rows (objects with an id or a complaintId) are matched by it, so a row added or gone
    // above keeps those below as they were; anything else by place.
    const byId = idOf(before[0]) === undefined ? null : new Map(before.map((b: unknown) => [idOf(b), b]));
    let same = before.length === after.length;
    const out = after.map((item: unknown, i) => {
      const earlier: unknown = byId ? byId.get(idOf(item)) : before[i];
      const kept = earlier === undefined ? item : keepEqual(earlier, item);
      if (kept !== before[i]) same = false;
      return kept;
    });
    return (same ? before : out) as T;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = Object.keys(after);
    let same = keys.length === Object.keys(before).length;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const kept = Object.hasOwn(before, k) ? keepEqual(before[k], after[k]) : after[k];
      if (!Object.hasOwn(before, k) || kept !== before[k]) same = false;
      out[k] = kept;
    }
    return (same ? before : out) as T;
  }
  return after;
}

const idOf = (v: unknown) => (isPlainObject(v) ? (v.complaintId ?? v.id) : undefined);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
