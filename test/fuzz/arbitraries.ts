import fc from 'fast-check';
import type * as z from 'zod';

// Strings that tend to break things: right-to-left and override marks, zero-width
// joiners, surrogate pairs, NUL, SQL and path fragments, and very long text.
const NASTY = [
  '',
  ' ',
  '\u202Egnp.exe',
  '\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D',
  '\u200B\u200C\u200D\uFEFF',
  '\u0000',
  '\uD800',
  '👩‍👩‍👧‍👦',
  'Ⓣⓐⓝⓖⓖⓐⓟ',
  "'; DROP TABLE complaints; --",
  '../../etc/passwd',
  'C:\\Windows\\system32',
  '%s%n%x',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '{{nomor}} {unit} {tahun}',
  'null',
  '1e309',
  '-0',
];

// Values the office really has, so a share of the inputs gets past validation and
// reaches the handlers: dates, instants, known names, a register number.
const REAL = ['2026-11-20', '2026-11-24T02:00:00.000Z', '2026-11-24T09:00:00+07:00', 'staf', 'kasi', 'Seksi Pelayanan', 'biasa', 'proses_lanjut', 'kejayan'];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.constantFrom(...REAL) },
  { weight: 1, arbitrary: fc.nat({ max: 200_000 }).map((n) => 'A'.repeat(n)) },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{16,18}$/) },
);

const nastyNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 8 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, Number.MIN_VALUE) },
  { weight: 1, arbitrary: fc.double() },
);

// An object nested far deeper than any form (deeper still as raw HTTP bodies; fast-check
// itself overflows printing a counterexample beyond about a thousand levels).
const deep = fc.integer({ min: 50, max: 800 }).map((n) => {
  let v: unknown = 'dasar';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }),
  deep,
);

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const bagOf = (s: unknown): { patterns?: Set<RegExp>; format?: string } => (s as { _zod: { bag: object } })._zod.bag;

// Near-valid inputs for a zod schema: the right shape, values mostly of the right
// kind (real enum members, small ids that exist, strings matching the schema's
// pattern), now and then a wrong one. Shapes it does not know fall back to anything.
const built = new WeakMap<z.ZodType, fc.Arbitrary<unknown>>();
export function fromSchema(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  let arbitrary = built.get(schema);
  if (!arbitrary) built.set(schema, (arbitrary = buildFromSchema(schema, depth)));
  return arbitrary;
}

function buildFromSchema(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const sometimesWrong = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 8, arbitrary: a }, { weight: 1, arbitrary: wrongValue });
  if (depth > 8) return wrongValue;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const keys = Object.keys(shape);
      const fields = Object.fromEntries(keys.map((k) => [k, fromSchema(shape[k]!, depth + 1)]));
      const extra = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'id', ...keys), wrongValue, { maxKeys: 1 });
      return fc
        .tuple(fc.record(fields, { requiredKeys: keys.filter((k) => defOf(shape[k]).type !== 'optional' && defOf(shape[k]).type !== 'default') }), fc.option(extra, { freq: 6 }))
        .map(([obj, more]) => (more ? { ...obj, ...more } : obj));
    }
    case 'string': {
      const bag = bagOf(schema);
      const good: fc.Arbitrary<string>[] = [nastyString];
      for (const p of bag.patterns ?? []) good.push(fc.stringMatching(p));
      if (bag.format === 'datetime') good.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
      if (bag.format === 'email') good.push(fc.emailAddress());
      return sometimesWrong(fc.oneof(...good));
    }
    case 'number':
      return sometimesWrong(nastyNumber);
    case 'boolean':
      return sometimesWrong(fc.boolean());
    case 'enum':
      return sometimesWrong(fc.constantFrom(...Object.values(def.entries as Record<string, string | number>)));
    case 'literal':
      return sometimesWrong(fc.constantFrom(...(def.values as unknown[])));
    case 'array':
      return sometimesWrong(fc.array(fromSchema(def.element as z.ZodType, depth + 1), { maxLength: 4 }));
    case 'record':
      return fc.dictionary(nastyString, fromSchema(def.valueType as z.ZodType, depth + 1), { maxKeys: 3 });
    case 'optional':
    case 'default':
      return fc.option(fromSchema(def.innerType as z.ZodType, depth + 1), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(fromSchema(def.innerType as z.ZodType, depth + 1), { nil: null, freq: 4 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => fromSchema(o, depth + 1)));
    case 'pipe':
      return fromSchema(def.in as z.ZodType, depth);
    // A record with its rowVersion: both sides' fields in one object.
    case 'intersection':
      return fc
        .tuple(fromSchema(def.left as z.ZodType, depth), fromSchema(def.right as z.ZodType, depth))
        .map(([l, r]) => (l && r && typeof l === 'object' && typeof r === 'object' && !Array.isArray(l) && !Array.isArray(r) ? { ...l, ...r } : l));
    default:
      return wrongValue;
  }
}

const ownKeysOf = (def: Def): string[] =>
  def.type === 'object' ? Object.keys(def.shape as object) : def.type === 'intersection' ? [...ownKeysOf(defOf(def.left)), ...ownKeysOf(defOf(def.right))] : [];

// The call's own keys, each filled with a wrong or hostile value.
export function ownKeysWrong(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const keys = ownKeysOf(def);
  if (keys.length === 0) return fc.dictionary(nastyString, wrongValue, { maxKeys: 3 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, wrongValue])), { requiredKeys: [] });
}

function leafPaths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (v && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) leafPaths(child, [...at, Array.isArray(v) ? Number(k) : k], out);
    if (at.length > 0) out.push(at);
  } else if (at.length > 0) out.push(at);
  return out;
}

// A valid input with one value (leaf or whole branch) replaced or removed.
export function mutationOf(sample: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(sample);
  if (paths.length === 0) return fc.constant(sample);
  return fc.tuple(fc.constantFrom(...paths), fc.option(wrongValue, { freq: 8 }), fc.boolean()).map(([path, value, remove]) => {
    const copy = structuredClone(sample) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (remove && value === null) delete node[last];
    else node[last] = value;
    return copy;
  });
}

export const anyJson = fc.jsonValue({ maxDepth: 4 });
// Everything fast-check makes except functions (a transport could never carry one).
export const anyValue = fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true });
