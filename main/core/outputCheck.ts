import { isDeepStrictEqual } from 'node:util';
import type * as z from 'zod';

// A handler's answer checked against the call's output schema on its way out: only the
// fields the contract lists leave the core, each of the type it names. zod's own parse
// does that by running every field through a payload object, which for a page of 50
// register rows costs more than the page's SQL; the plain shapes that answers are made
// of (objects, arrays, nullable and optional values, enums, literals, strings, numbers,
// integers, booleans) are checked here by a function built once per schema. Any other
// part of a schema (a string format, a trim, a default, a refinement, a union, a
// record…) is still parsed by zod itself, so each value gets exactly zod's answer.

// The path of a refused value is its parent's path and, for a field, `key` (".name"):
// joined only when a value is refused or an object is entered, not for every field.
type Check = (value: unknown, path: string, key?: string) => unknown;
const at = (path: string, key: string | undefined) => (key === undefined ? path : path + key);

// What zod reads from a schema: its definition and, for objects, whether a field may be absent.
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string; value?: unknown; inclusive?: boolean } } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  element?: z.ZodType;
  innerType?: z.ZodType;
  values?: unknown[];
  coerce?: boolean;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const optionalOf = (schema: z.ZodType) => (schema as unknown as { _zod: { optin?: string; optout?: string } })._zod;
const traitsOf = (schema: z.ZodType) => (schema as unknown as { _zod: { traits: Set<string> } })._zod.traits;

export class OutputMismatch extends Error {}
const refuse = (path: string, what: string): never => {
  throw new OutputMismatch(`jawaban tidak sesuai kontrak di ${path || '(akar)'}: ${what}`);
};

const INT_RANGES: Record<string, [number, number]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
};

// Numbers: finite, and the integer formats and bounds that ids and counts use.
function numberCheck(def: Def): Check | null {
  const tests: ((n: number) => boolean)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format' && d.format && INT_RANGES[d.format]) {
      const [min, max] = INT_RANGES[d.format]!;
      tests.push((n) => Number.isInteger(n) && n >= min && n <= max);
    } else if ((d.check === 'greater_than' || d.check === 'less_than') && typeof d.value === 'number') {
      const v = d.value;
      if (d.check === 'greater_than') tests.push(d.inclusive ? (n) => n >= v : (n) => n > v);
      else tests.push(d.inclusive ? (n) => n <= v : (n) => n < v);
    } else return null;
  }
  return (value, path, key) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(at(path, key), 'bukan angka');
    for (const t of tests) if (!t(value)) return refuse(at(path, key), 'angka di luar ketentuan');
    return value;
  };
}

function build(schema: z.ZodType): Check {
  const def = defOf(schema);
  const plain = !def.checks?.length && !def.coerce;
  const byZod: Check = (value) => schema.parse(value);
  switch (def.type) {
    case 'string':
      return plain ? (v, path, key) => (typeof v === 'string' ? v : refuse(at(path, key), 'bukan teks')) : byZod;
    case 'boolean':
      return plain ? (v, path, key) => (typeof v === 'boolean' ? v : refuse(at(path, key), 'bukan ya/tidak')) : byZod;
    case 'number':
      return def.coerce ? byZod : (numberCheck(def) ?? byZod);
    case 'enum':
    case 'literal': {
      if (!plain) return byZod;
      const allowed = new Set(def.type === 'enum' ? (schema as unknown as z.ZodEnum).options : def.values);
      return (v, path, key) => (allowed.has(v as never) ? v : refuse(at(path, key), 'nilai di luar pilihan'));
    }
    case 'nullable': {
      const inner = compile(def.innerType!);
      return (v, path, key) => (v === null ? null : inner(v, path, key));
    }
    case 'optional': {
      // An exact optional refuses a present undefined; an optional default fills it in.
      if (traitsOf(schema).has('$ZodExactOptional') || optionalOf(def.innerType!).optin === 'defaulted') return byZod;
      const inner = compile(def.innerType!);
      return (v, path, key) => (v === undefined ? undefined : inner(v, path, key));
    }
    case 'array': {
      if (!plain) return byZod;
      const element = compile(def.element!);
      // An element's path is the list's own.
      // A settled list's elements are settled: each checked once (a kept queue read again
      // after a change is mostly the tasks it held).
      const elementSchema = def.element!;
      return (v, path, key) => {
        if (!Array.isArray(v)) return refuse(at(path, key), 'bukan daftar');
        const out = new Array<unknown>(v.length);
        if (settledValues.has(v)) {
          for (let i = 0; i < v.length; i++) {
            const e: unknown = v[i];
            out[i] = typeof e === 'object' && e !== null ? checkedOnce(elementSchema, e, () => element(e, path, key)) : element(e, path, key);
          }
        } else for (let i = 0; i < v.length; i++) out[i] = element(v[i], path, key);
        return out;
      };
    }
    case 'object': {
      if (!plain || def.catchall !== undefined) return byZod;
      // A field is either required or optional (absent stays absent); one that zod fills
      // in when absent (a default) leaves the whole object to zod.
      const shape = Object.entries(def.shape!).map(([key, s]) => ({ key, s, optin: optionalOf(s).optin, optout: optionalOf(s).optout }));
      if (shape.some(({ optin, optout }) => optin !== undefined && !(optin === 'optional' && optout === 'optional'))) return byZod;
      const fields = shape.map(({ key, s, optin }) => ({ key, check: compile(s), mayBeAbsent: optin === 'optional' }));
      return objectCheck(fields);
    }
    default:
      return byZod;
  }
}

// An object's check, written out for its fields: each read and stored by its own name in
// the schema's order, so the engine sees one shape per schema instead of a loop over keys.
// The keys are the contract's own, written in as JSON strings.
function objectCheck(fields: { key: string; check: Check; mayBeAbsent: boolean }[]): Check {
  const body = fields
    .map(({ key, mayBeAbsent }, i) => {
      const k = JSON.stringify(key);
      const field = JSON.stringify(`.${key}`);
      const store = `out[${k}] = checks[${i}](v[${k}], path, ${field});`;
      return mayBeAbsent ? `if (${k} in v) ${store}` : `if (!(${k} in v)) refuse(path + ${field}, 'tidak ada');\n${store}`;
    })
    .join('\n');
  const make = new Function(
    'checks',
    'refuse',
    `return function (v, parent, key) {
      const path = key === undefined ? parent : parent + key;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return refuse(path, 'bukan objek');
      const out = {};
      ${body}
      return out;
    };`,
  ) as (checks: Check[], r: typeof refuse) => Check;
  return make(
    fields.map((f) => f.check),
    refuse,
  );
}

const compiled = new WeakMap<z.ZodType, Check>();
function compile(schema: z.ZodType): Check {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = build(schema)));
  return check;
}

// Under the tests (TANGGAP_CHECK_OUTPUTS=1, set by the test configurations) every answer
// is parsed by zod as well, and both must agree: on the value, or on refusing it.
const againstZod = process.env.TANGGAP_CHECK_OUTPUTS === '1';

function attempt(fn: () => unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

// Answers the core keeps and gives again while they hold (a queue unchanged since the last
// call) are frozen through by `settled`; the checked form of each is kept beside it, frozen
// too, so an answer given again is not checked again.
const settledValues = new WeakSet<object>();
const checkedForms = new WeakMap<object, { schema: z.ZodType; out: unknown }>();

export function settled<T>(value: T): T {
  if (typeof value !== 'object' || value === null || settledValues.has(value)) return value;
  // An array's elements without the copy Object.values makes of it (a page of 50 tasks).
  if (Array.isArray(value)) for (const v of value) settled(v);
  else for (const v of Object.values(value)) settled(v);
  Object.freeze(value);
  settledValues.add(value);
  return value;
}

// The value as the schema lets it out: unlisted fields dropped, or OutputMismatch (or
// zod's own error) when a listed one is missing or of another type.
export function checkOutput(schema: z.ZodType, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !settledValues.has(value)) return checked(schema, value);
  return checkedOnce(schema, value, () => checked(schema, value));
}

// A settled value's checked form against the schema, worked out by `check` the first time.
function checkedOnce(schema: z.ZodType, value: object, check: () => unknown): unknown {
  const kept = checkedForms.get(value);
  if (kept?.schema === schema) return kept.out;
  const out = settled(check());
  checkedForms.set(value, { schema, out });
  return out;
}

function checked(schema: z.ZodType, value: unknown): unknown {
  if (!againstZod) return compile(schema)(value, '');
  const ours = attempt(() => compile(schema)(value, ''));
  const zods = attempt(() => schema.parse(value));
  if (ours.ok !== zods.ok || (ours.ok && zods.ok && !isDeepStrictEqual(ours.value, zods.value))) {
    throw new Error(`pemeriksaan jawaban berbeda dari zod: ${ours.ok ? 'diterima' : String(ours.error)} / ${zods.ok ? 'diterima' : String(zods.error)}`);
  }
  if (!ours.ok) throw ours.error;
  return ours.value;
}
