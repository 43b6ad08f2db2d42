// Font sizes in the weapp build's stylesheets (issue 17): no reading text under 32rpx (16 px on a
// 375-wide phone). The compiled wxss is what the mini-program draws, so this reads it rather than
// the scss: NutUI's own sizes and anything a build step changed are in it too.
//
// A size may come through CSS variables: `var(--x, fallback)` counts as every value the app's
// stylesheets give --x anywhere, or as its fallback when they give none (NutUI leaves its size
// variables unset and relies on fallbacks). Multipliers such as 大字模式's --fs-scale only enlarge
// and carry no unit, so they are not sizes. Relative sizes (em, %, inherit) follow their parent.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** 32rpx = 16 px at 375 px width. */
export const MIN_FONT_RPX = 32;

/**
 * The documented exceptions (docs/SENIOR-MODE.md): a selector listed here may set a smaller size.
 * Each is text nobody reads as content.
 */
export const SMALL_FONT_ALLOWED: Array<{ selector: RegExp; why: string }> = [
  { selector: /^\.qr-content$/, why: "the QR code's raw token under the code on the organiser's screen, for support staff to read out" },
];

export interface FontSizeProblem {
  file: string;
  selector: string;
  declaration: string;
  rpx: number;
}

interface Rule {
  file: string;
  selector: string;
  body: string;
}

/** Rules as selector + declarations; at-rule wrappers (@media) are seen through. */
export function rulesOf(css: string, file = ''): Rule[] {
  const rules: Rule[] = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const chunk of clean.split('}')) {
    const open = chunk.lastIndexOf('{');
    if (open < 0) continue;
    const before = chunk.slice(0, open);
    const selector = before.slice(before.lastIndexOf('{') + 1).trim();
    rules.push({ file, selector, body: chunk.slice(open + 1) });
  }
  return rules;
}

/** Declarations of a rule body as [property, value], splitting on semicolons outside parentheses. */
function declarations(body: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const decl = body.slice(start, end);
    const colon = decl.indexOf(':');
    if (colon > 0) out.push([decl.slice(0, colon).trim(), decl.slice(colon + 1).trim()]);
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ';' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(body.length);
  return out;
}

/** The text of `var(...)`'s arguments starting at `open` (the index of its '('), and the end. */
function argsAt(value: string, open: number): { args: string; end: number } {
  let depth = 0;
  for (let i = open; i < value.length; i++) {
    if (value[i] === '(') depth++;
    else if (value[i] === ')' && --depth === 0) return { args: value.slice(open + 1, i), end: i + 1 };
  }
  return { args: value.slice(open + 1), end: value.length };
}

/** Every absolute size (in rpx) a value can come to, given the app's variable definitions. */
export function sizesOf(value: string, vars: Map<string, string[]>, seen: Set<string> = new Set()): number[] {
  const sizes: number[] = [];
  let rest = '';
  for (let i = 0; i < value.length; ) {
    const at = value.indexOf('var(', i);
    if (at < 0) {
      rest += value.slice(i);
      break;
    }
    rest += value.slice(i, at);
    const { args, end } = argsAt(value, at + 3);
    const comma = args.indexOf(',');
    const name = (comma < 0 ? args : args.slice(0, comma)).trim();
    const fallback = comma < 0 ? '' : args.slice(comma + 1);
    const defined = vars.get(name);
    if (defined && !seen.has(name)) defined.forEach((d) => sizes.push(...sizesOf(d, vars, new Set([...seen, name]))));
    else sizes.push(...sizesOf(fallback, vars, seen));
    i = end;
  }
  for (const m of rest.matchAll(/(-?\d*\.?\d+)(rpx|px)\b/gi)) {
    const n = parseFloat(m[1]);
    sizes.push(m[2].toLowerCase() === 'rpx' ? n : n * 2);
  }
  return sizes;
}

/** Font sizes under the limit in these stylesheets (taken together: variables cross files). */
export function smallFontSizes(sheets: Array<{ file: string; css: string }>, minRpx = MIN_FONT_RPX): FontSizeProblem[] {
  const rules = sheets.flatMap((s) => rulesOf(s.css, s.file));
  const vars = new Map<string, string[]>();
  for (const r of rules) {
    for (const [prop, value] of declarations(r.body)) {
      if (prop.startsWith('--')) vars.set(prop, [...(vars.get(prop) ?? []), value]);
    }
  }
  const problems: FontSizeProblem[] = [];
  for (const r of rules) {
    if (SMALL_FONT_ALLOWED.some((a) => r.selector.split(',').every((s) => a.selector.test(s.trim())))) continue;
    for (const [prop, value] of declarations(r.body)) {
      if (prop !== 'font-size' && prop !== 'font') continue;
      const small = sizesOf(value, vars).filter((n) => n > 0 && n < minRpx);
      if (small.length > 0) problems.push({ file: r.file, selector: r.selector, declaration: `${prop}:${value}`, rpx: Math.min(...small) });
    }
  }
  return problems;
}

/** Every .wxss file of a weapp build. */
export function readWxss(dist: string): Array<{ file: string; css: string }> {
  const out: Array<{ file: string; css: string }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.wxss')) out.push({ file: path.relative(dist, full), css: readFileSync(full, 'utf8') });
    }
  };
  walk(dist);
  return out;
}
