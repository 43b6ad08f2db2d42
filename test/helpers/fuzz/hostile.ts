// Hostile building blocks for payload fuzzing: text and numbers that have broken parsers, regexes,
// storage and rendering before. Mixed with ordinary Chinese text so most strings still look typed.
import fc from 'fast-check';

/** Characters and fragments that break naive handling of text. */
export const HOSTILE_FRAGMENTS = [
  '\u0000',
  '\u0001\u0007\u001b',
  '\u007f',
  '\r\n',
  '\t',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u200b\u200c\u200d\ufeff', // zero-width characters and BOM
  '.*+?^${}()|[]\\',
  '(a+)+$',
  '\\',
  '%00',
  '%',
  '$where',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '<img src="https://x.invalid/t.png">',
  "' OR '1'='1",
  '../../etc/passwd',
  'cloud://',
  '😀',
  '𠮷', // outside the BMP: two UTF-16 units, one character
  ' ',
  '　', // ideographic space (not trimmed the same everywhere)
];

/** Ordinary text members type. */
const PLAIN = ['党', '学习', '支部', '活动', '考试', '打卡', '张伟', 'A', 'z', '1', ' '];

/** Keys that mean something to a JS object or a database query. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '$where', '$set', '_id', '_openid', 'openid', 'memberId', 'orgId', 'role', 'x'];

/** Strings that only some checks accept: edge dates, months, times, ids. */
export const EDGE_STRINGS = [
  '1970-01-01',
  '2000-02-29',
  '2100-02-29',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-13-01',
  '1970-01',
  '9999-12',
  '0000-00',
  '2026-13',
  '00:00',
  '23:59',
  '24:00',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '_',
  '-',
  '0',
  '0000',
  '9999',
  '000000',
  'ZZZZZZ',
];

/** Text up to `max` (UTF-16 units), at least `min`: hostile fragments among typed words. */
export function hostileString(min: number, max: number): fc.Arbitrary<string> {
  const piece = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN), weight: 6 }, { arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS), weight: 2 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 });
  const short = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
  // Exactly at the limit (the classic off-by-one), or just past it.
  const atMax = fc.tuple(fc.constantFrom(...PLAIN.filter((p) => p.trim())), fc.constantFrom(0, 0, 0, 1)).map(([c, over]) => c.repeat(Math.ceil((Math.min(max, 50_000) + over) / c.length)).slice(0, Math.min(max, 50_000) + over));
  return fc.oneof({ arbitrary: short, weight: 12 }, { arbitrary: atMax, weight: 1 }).map((s) => fit(s, min, max));
}

/** Cut to `max` (which may split a surrogate pair: also hostile) or pad to `min` with typed text. */
function fit(s: string, min: number, max: number): string {
  let out = s.length > max + 1 ? s.slice(0, max) : s;
  while (out.trim().length < min) out += '党';
  return out;
}

/** Numbers at and around the edges of [min, max], plus the values JSON and JS mishandle. */
export function hostileNumber(min: number, max: number, int: boolean, extra: readonly number[] = []): fc.Arbitrary<number> {
  const lo = Number.isFinite(min) ? min : -1e15;
  const hi = Number.isFinite(max) ? max : 1e15;
  const inside = [lo, hi, lo + 1, hi - 1, 0, -0, 1, ...extra].filter((n) => n >= lo && n <= hi && (!int || Number.isInteger(n)));
  const outside = [lo - 1, hi + 1, -1, NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5];
  const within = int ? fc.integer({ min: Math.max(lo, Number.MIN_SAFE_INTEGER), max: Math.min(hi, Number.MAX_SAFE_INTEGER) }) : fc.double({ min: lo, max: hi, noNaN: true });
  return fc.oneof({ arbitrary: fc.constantFrom(...inside), weight: 10 }, { arbitrary: within, weight: 10 }, { arbitrary: fc.constantFrom(...outside), weight: 1 });
}

const RAW_JSON = Symbol('rawJson');

/** A value nested `depth` levels (objects and arrays alternating). */
export function nested(depth: number): unknown {
  let v: object = ['x'];
  const openers: string[] = [];
  let closers = '';
  for (let i = 1; i < depth; i++) {
    v = i % 2 === 0 ? [v] : { a: v };
    openers.push(i % 2 === 0 ? '[' : '{"a":');
    closers += i % 2 === 0 ? ']' : '}';
  }
  // Its JSON text, built without recursion: JSON.stringify overflows the stack at these depths.
  Object.defineProperty(v, RAW_JSON, { value: `${openers.reverse().join('')}["x"]${closers}`, enumerable: false });
  return printedAs(v, `<nested ${depth} levels>`);
}

/** JSON text of a payload, deep values included (as a client could send it). */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && RAW_JSON in v) {
      raws.push((v as { [RAW_JSON]: string })[RAW_JSON]);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]);
}

/** How deep a value nests (counted without recursion: the values can be deeper than the stack). */
export function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, d + 1);
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
  }
  return max;
}

/** An array of `length` copies of `value`. */
export function huge(length: number, value: unknown): unknown[] {
  return printedAs(new Array<unknown>(length).fill(value), `<array of ${length} × ${JSON.stringify(value)}>`);
}

/**
 * How fast-check prints the value in a counter-example (its own printer recurses and would
 * overflow the stack on deep values). A symbol key: JSON and the function host never see it.
 */
function printedAs<T extends object>(value: T, text: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text, enumerable: false });
  return value;
}
