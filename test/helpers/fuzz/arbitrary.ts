// fast-check arbitraries read from an action's zod (v4) schema: its definition (`_zod.def`) gives
// the type, the shape, the checks (lengths, ranges, regexes), enums, literals, unions and what may
// be left out. Values are aimed at passing the schema, so the action's own logic runs, while filled
// with hostile content; `malformed` gives the payloads the schema must refuse.
import fc from 'fast-check';
import type { z } from 'zod';
import { EDGE_STRINGS, HOSTILE_KEYS, huge, hostileNumber, hostileString, nested } from './hostile';

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: CheckDef } }>;
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

/** What the generators aim at: real ids per field name, uploaded files, the cloud's "now". */
export interface FuzzTargets {
  /** Real ids for a field (`examId`, `unitIds`, …), from objects of both branches. */
  idsFor(field: string): string[];
  /** fileIDs of real uploads (the caller's own and other members'). */
  files: string[];
  now: number;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** Keys a payload may leave out: optional ones and ones with a default. */
function omittable(schema: z.ZodType): boolean {
  const t = defOf(schema).type;
  return t === 'optional' || t === 'default';
}

/** An arbitrary of values aimed at passing `schema`, `field` naming where it sits (for real ids). */
export function arbitraryOf(schema: z.ZodType, t: FuzzTargets, field = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) model[key] = arbitraryOf(value, t, key);
      const requiredKeys = Object.keys(shape).filter((k) => !omittable(shape[k]));
      return fc.record(model, { requiredKeys });
    }
    case 'optional':
    case 'default':
    case 'prefault':
      // Left out by the enclosing object; here the value itself.
      return arbitraryOf(def.innerType as z.ZodType, t, field);
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, t, field), { nil: null, freq: 4 });
    case 'pipe':
      return arbitraryOf(def.in as z.ZodType, t, field);
    case 'string':
      return stringOf(def, t, field);
    case 'number':
      return numberOf(def, t, field);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryOf(o, t, field)));
    case 'array':
      return arrayOf(def, t, field);
    case 'record':
      return fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), arbitraryOf(def.valueType as z.ZodType, t, field), { maxKeys: 5 });
    case 'never':
      return fc.constant(undefined);
    default:
      return fc.anything();
  }
}

function stringOf(def: Def, t: FuzzTargets, field: string): fc.Arbitrary<string> {
  let min = 0;
  let max = 1000;
  let pattern: RegExp | null = null;
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = c.minimum ?? min;
    if (c.check === 'max_length') max = c.maximum ?? max;
    if (c.check === 'length_equals') min = max = c.value ?? min;
    if (c.check === 'string_format' && c.format === 'regex' && c.pattern) pattern = c.pattern;
  }
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (/^file(ID)?$|^(cover|photo|photos|images)$/.test(field) && t.files.length > 0) {
    return fc.oneof({ arbitrary: fc.constantFrom(...t.files), weight: 3 }, { arbitrary: hostileString(min, max), weight: 1 });
  }
  if (!pattern) {
    // Free text; ids without a regex (tokens) still get real ids now and then.
    const ids = t.idsFor(field).filter(fits);
    return ids.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 1 }, { arbitrary: hostileString(min, max), weight: 3 }) : hostileString(min, max);
  }
  const re = pattern;
  const matching = fc.stringMatching(re).filter(fits);
  const edges = EDGE_STRINGS.filter((s) => re.test(s) && fits(s));
  const ids = t.idsFor(field).filter((s) => re.test(s) && fits(s));
  // Longest id the pattern allows: ids are keys and paths downstream.
  const longest = re.test('a'.repeat(max)) ? ['a'.repeat(max), 'a'.repeat(max), 'a'.repeat(max), 'a'.repeat(max + 1)] : [];
  const parts: Array<fc.WeightedArbitrary<string>> = [{ arbitrary: matching, weight: 8 }];
  if (ids.length > 0) parts.push({ arbitrary: fc.constantFrom(...ids), weight: 24 });
  if (edges.length > 0) parts.push({ arbitrary: fc.constantFrom(...edges), weight: 8 });
  if (longest.length > 0) parts.push({ arbitrary: fc.constantFrom(...longest), weight: 2 });
  // A sliver of text that breaks the pattern (lower case for an upper-casing schema, NUL, …).
  parts.push({ arbitrary: hostileString(min, max), weight: 1 });
  return fc.oneof(...parts);
}

function numberOf(def: Def, t: FuzzTargets, field: string): fc.Arbitrary<number> {
  let min = -Infinity;
  let max = Infinity;
  let int = false;
  for (const c of checksOf(def)) {
    if (c.check === 'greater_than') min = c.inclusive ? (c.value ?? min) : (c.value ?? min) + (int ? 1 : Number.EPSILON);
    if (c.check === 'less_than') max = c.inclusive ? (c.value ?? max) : (c.value ?? max) - (int ? 1 : Number.EPSILON);
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true;
  }
  // Times: the cloud's now, a minute and a day around it, the epoch and the schema's far end.
  const times = /At$|^at$|Time$/.test(field) ? [t.now, t.now - 60_000, t.now + 60_000, t.now + 86_400_000, t.now - 86_400_000] : [];
  return hostileNumber(min, max, int, times);
}

function arrayOf(def: Def, t: FuzzTargets, field: string): fc.Arbitrary<unknown[]> {
  let min = 0;
  let max = 50;
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = c.minimum ?? min;
    if (c.check === 'max_length') max = c.maximum ?? max;
  }
  const el = arbitraryOf(def.element as z.ZodType, t, field);
  const few = fc.array(el, { minLength: min, maxLength: Math.min(max, Math.max(min, 6)) });
  // Full to the limit, or one past it: repeat one element (cheap to generate, still a huge array).
  const full = fc.tuple(el, fc.constantFrom(0, 0, 0, 1)).map(([v, over]) => Array.from({ length: Math.min(max, 2_000) + over }, () => v));
  return fc.oneof({ arbitrary: few, weight: 9 }, { arbitrary: full, weight: 1 });
}

/** Payloads the schema must refuse: wrong types, extra and missing keys, deep nesting, huge arrays. */
export function malformedOf(schema: z.ZodType, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const shape = defOf(schema).shape ?? {};
  const keys = Object.keys(shape);
  const required = keys.filter((k) => !omittable(shape[k]));
  const notObject = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null), fc.constant(true), fc.array(fc.anything(), { maxLength: 3 }), fc.constant(nested(200)));
  const record = valid.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
  const extraKey = fc.tuple(record, fc.constantFrom(...HOSTILE_KEYS), fc.anything({ maxDepth: 2 })).map(([v, k, x]) => withKey(v, k, x));
  const wrongType = keys.length === 0 ? extraKey : fc.tuple(record, fc.constantFrom(...keys), wrongValue()).map(([v, k, x]) => withKey(v, k, x));
  const missing = required.length === 0 ? wrongType : fc.tuple(record, fc.constantFrom(...required)).map(([v, k]) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k)));
  const deep = fc.tuple(record, fc.constantFrom(...(keys.length ? keys : ['x'])), fc.constantFrom(100, 1_000, 5_000, 10_000)).map(([v, k, d]) => withKey(v, k, nested(d)));
  const long = fc.tuple(record, fc.constantFrom(...(keys.length ? keys : ['x'])), fc.constantFrom(10_000, 100_000)).map(([v, k, n]) => withKey(v, k, huge(n, '\u0000')));
  return fc.oneof(notObject, extraKey, wrongType, missing, deep, long);
}

function wrongValue(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.constant(null), fc.constant({}), fc.constant([]), fc.constant(''), fc.constant(-1), fc.constant(true), fc.constant({ $gt: '' }), fc.constant({ $regex: '.*' }), fc.constant('\u0000'), fc.anything({ maxDepth: 2 }));
}

/** `v` with `key` set as an own property (even `__proto__`, as JSON.parse would give it). */
function withKey(v: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...v };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
