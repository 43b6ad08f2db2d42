// Fill-in answers as people actually type them: full-width or half-width, with or without the
// book-title marks and quotes the key was written with, and numbers in Chinese numerals or digits.
// Pure rules; gradeQuestion (./index.ts) calls them.
//
// Scope, decided here and documented in the README's import section:
// - width, spaces, letter case, surrounding quotes/brackets (《》“”「」『』‘’"'()（）〈〉【】) and a
//   trailing 。.，,；;！! never change an answer;
// - numbers fold only when the accepted answer is a number, optionally with units, as in 22, 二十二,
//   1921年, 一九二一年, 1945年8月15日 (also written 1945/8/15 or 1945-8-15), 50%, 百分之五十: digits, Chinese numerals (二十二, 两百) and
//   digit-by-digit Chinese (一九二一) are the same number, and a unit written on one side only at the
//   end is allowed (1921 = 1921年); words that merely contain a numeral
//   (一国两制, 三个代表) are compared as text;
// - a member who typed every blank into the first box, separated by ；;，,、 or spaces, while the
//   other boxes are empty, is graded as if each part were in its own box — but only when the parts
//   are exactly as many as the blanks, so nothing is guessed.

import { toHalfWidth } from '../text';

const SURROUND_OPEN = '《“「『‘"\'(（〈【<[';
const SURROUND_CLOSE = '》”」』’"\')）〉】>]';
const TRAILING = /[。.，,；;！!、]+$/u;

/** Text as compared: NFKC and half-width, no whitespace, lower case, no surrounding marks. */
export function normaliseFillText(s: string): string {
  let t = toHalfWidth(s.normalize('NFKC'))
    .replace(/[\s\u00A0]+/g, '')
    .toLowerCase();
  // Peel marks off both ends, repeatedly: “《共产党宣言》。” → 共产党宣言.
  for (let guard = 0; guard < 8; guard++) {
    const before = t;
    t = t.replace(TRAILING, '');
    if (t.length > 0 && SURROUND_OPEN.includes(t[0])) t = t.slice(1);
    if (t.length > 0 && SURROUND_CLOSE.includes(t[t.length - 1])) t = t.slice(0, -1);
    if (t === before) break;
  }
  return t;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const CN_NUMERAL = '零〇一二两三四五六七八九十百千万亿';

/** 二十二 → 22, 一九二一 → 1921, 两百零五 → 205; null when it is not a well-formed numeral. */
export function parseChineseNumber(s: string): number | null {
  if (s === '' || [...s].some((ch) => !CN_NUMERAL.includes(ch))) return null;
  // Digit by digit (years, 一九二一): only digits, at least two of them.
  if ([...s].every((ch) => ch in DIGIT)) {
    if (s.length < 2) return DIGIT[s];
    return Number([...s].map((ch) => DIGIT[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && DIGIT[ch] !== 0) return null; // 二三十: two digits in a row
      digit = DIGIT[ch] === 0 ? null : DIGIT[ch];
    } else if (ch in SMALL_UNIT) {
      section += (digit ?? (section === 0 && ch === '十' ? 1 : NaN)) * SMALL_UNIT[ch];
      digit = null;
    } else {
      section += digit ?? 0;
      total += (section === 0 ? NaN : section) * BIG_UNIT[ch];
      section = 0;
      digit = null;
    }
  }
  const value = total + section + (digit ?? 0);
  return Number.isFinite(value) ? value : null;
}

/** Units that may follow a number in an accepted answer (1921年, 22个, 50%). */
const UNITS = ['周年', '年', '月', '日', '号', '个', '次', '岁', '人', '名', '条', '项', '章', '节', '倍', '天', '届', '%'];
const NUMBER_RUN = new RegExp(`^(\\d+(?:\\.\\d+)?|[${CN_NUMERAL}]+)`, 'u');

/** A date written with digits and one separator: 1945/8/15, 1945-08-15, 1945.8.15. */
const NUMERIC_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;

/**
 * An answer read as numbers with units, e.g. 1945年8月15日 → [1945,'年',8,'月',15,'日']; null if not
 * one. A date written 1945/8/15 (a CSV's text, a key typed that way) reads as 1945年8月15日.
 */
export function readNumeric(text: string): Array<number | string> | null {
  const date = NUMERIC_DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[3]), Number(date[4])];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return [y, '年', m, '月', d, '日'];
  }
  let rest = text.replace(/^百分之(.+)$/u, '$1%');
  const out: Array<number | string> = [];
  while (rest.length > 0) {
    const m = NUMBER_RUN.exec(rest);
    if (!m) return null;
    const value = /^\d/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
    if (value === null) return null;
    out.push(value);
    rest = rest.slice(m[1].length);
    const unit = UNITS.find((u) => rest.startsWith(u));
    if (unit) {
      out.push(unit);
      rest = rest.slice(unit.length);
    }
  }
  return out.length > 0 ? out : null;
}

/** Equal numbers and units; one trailing unit written on one side only is allowed (1921 = 1921年). */
function sameNumbers(a: Array<number | string>, b: Array<number | string>): boolean {
  const [x, y] = a.length < b.length ? [a, b] : [b, a];
  const long = y.length === x.length + 1 && typeof y[y.length - 1] === 'string' ? y.slice(0, -1) : y;
  return long.length === x.length && x.every((v, i) => v === long[i]);
}

/** Whether a typed answer is one of the accepted ones for a blank. */
export function fillMatches(given: string, accepted: readonly string[]): boolean {
  const g = normaliseFillText(given);
  if (g === '') return false;
  let gNum: Array<number | string> | null | undefined;
  return accepted.some((a) => {
    const n = normaliseFillText(a);
    if (n === g) return true;
    const aNum = readNumeric(n);
    if (!aNum) return false;
    gNum ??= readNumeric(g);
    return gNum !== null && sameNumbers(gNum, aNum);
  });
}

const ONE_BOX_SEPARATORS = /[；;，,、\s]+/u;

/**
 * The member's texts, one per blank. When several blanks were typed into the first box (the others
 * empty) and split into exactly as many parts as there are blanks, the parts; otherwise as given.
 */
export function spreadBlanks(texts: readonly string[], blankCount: number): string[] {
  if (blankCount < 2) return [...texts];
  const filled = texts.filter((t) => t.trim() !== '');
  if (filled.length !== 1 || texts[0]?.trim() === '') return [...texts];
  const parts = texts[0]
    .trim()
    .split(ONE_BOX_SEPARATORS)
    .filter((p) => p !== '');
  return parts.length === blankCount ? parts : [...texts];
}
