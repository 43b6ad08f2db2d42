// Reading the cells of one question row as real banks write them: type words, choice letters,
// judge words, fill answers, tags, and the labels and numbering exam systems leave in stems.
// Pure rules; questions.ts puts a row together from them and re-exports them.

import { cleanCell, toHalfWidth } from '../text';
import type { QuestionType } from './questions';

export const OPTION_LETTERS = 'ABCDEFGH';

const TYPE_ALIASES: Array<[QuestionType, RegExp]> = [
  ['single', /^(单选|单选题|单项选择|单项选择题|单|单项|single|radio)$/i],
  ['multiple', /^(多选|多选题|多项选择|多项选择题|多|多项|不定项|不定项选择|不定项选择题|multi|multiple|multi-choice|checkbox)$/i],
  ['judge', /^(判断|判断题|是非|是非题|对错题|判|judge|tf|true\/false)$/i],
  ['fill', /^(填空|填空题|填|fill|blank)$/i],
];

export function parseQuestionType(raw: string): QuestionType | null {
  const s = cleanCell(raw).replace(/\s+/g, '');
  for (const [type, re] of TYPE_ALIASES) if (re.test(s)) return type;
  return null;
}

/** 不定项: a multiple-choice question whose key may hold a single option. */
export function isIndefiniteType(raw: string): boolean {
  return /^不定项/.test(cleanCell(raw).replace(/\s+/g, ''));
}

const JUDGE_TRUE = /^(对|√|✓|✔|正确|是|t|true|y|yes|1|a)$/i;
const JUDGE_FALSE = /^(错|×|✗|✘|x|错误|否|f|false|n|no|0|b)$/i;

/** 对/错, √/×, 正确/错误, T/F (and a few more) to true/false; null when it is none of them. */
export function parseJudgeAnswer(raw: string): boolean | null {
  const s = cleanCell(raw).replace(/\s+/g, '');
  if (JUDGE_TRUE.test(s)) return true;
  if (JUDGE_FALSE.test(s)) return false;
  return null;
}

/** A judge option column's word: true for 正确/对/√…, false for 错误/错/×…, null for anything else (A/B included). */
export function judgeWord(raw: string): boolean | null {
  const s = cleanCell(raw).replace(/\s+/g, '');
  if (/^[ab01]$/i.test(s)) return null;
  return parseJudgeAnswer(s);
}

/**
 * Option letters written as "ABD", "A,B,D", "A;B;D", "A、B、D", "a b d" or with full-width
 * punctuation, to sorted distinct indices. Null when anything but letters and separators is there.
 */
export function parseChoiceLetters(raw: string): number[] | null {
  const s = toHalfWidth(cleanCell(raw)).toUpperCase().replace(/[\s,;、，；|/]+/g, '');
  if (s === '' || !/^[A-H]+$/.test(s)) return null;
  const set = new Set<number>();
  for (const ch of s) set.add(OPTION_LETTERS.indexOf(ch));
  return [...set].sort((a, b) => a - b);
}

/**
 * "遵义/遵义会议；毛泽东" → [["遵义","遵义会议"],["毛泽东"]]. Blanks are separated by ；/; only;
 * within one blank the accepted answers by / | or 或 (二十二|22 is one blank with two answers).
 * A / between two digits belongs to the answer (1945/8/15, 1/2): it never separates.
 * 或 separates only between two answers, never inside 不可或缺 or 或许 (splitOr).
 */
export function parseBlanks(raw: string): string[][] {
  return cleanCell(raw)
    .split(/[;；]/)
    .map(parseAlternatives)
    .filter((syn) => syn.length > 0);
}

/**
 * The accepted answers of one blank, by the rules of parseBlanks: | always, / except between digits,
 * 或 between two answers. The editor's one-line-per-blank field can read its lines with it.
 */
export function parseAlternatives(blank: string): string[] {
  return (
    splitSlashes(blank)
      // concat, not flatMap: the mini-program runs on phones without flatMap.
      .reduce<string[]>((all, alt) => all.concat(splitOr(alt)), [])
      .map((s) => s.trim())
      .filter((s) => s !== '')
  );
}

const DIGIT = /[0-9０-９]/;

/** Split on | and on a / that does not stand between two digits (a date or a fraction keeps it). */
function splitSlashes(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const slash = ch === '/' || ch === '／';
    if (ch !== '|' && ch !== '｜' && !slash) continue;
    if (slash && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '')) continue;
    parts.push(text.slice(start, i));
    start = i + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Words that hold 或 without meaning "or" between two answers. */
const OR_WORDS = ['或许', '或者', '或多或少', '不可或缺', '或缺', '或然', '间或', '偶或', '或则'];

/**
 * 甲乙 或 丙丁 / 二十二或22 / 遵义会议或遵义 → the answers; 不可或缺, 或许, 也或许, 或多或少 stay whole.
 * A 或 separates only when it is not part of one of OR_WORDS, has an answer on each side, and either
 * has spaces on both sides or each side is two characters or more, or a number (二或三). Otherwise
 * the text is one answer: a single 或 that does not qualify keeps the whole text together.
 */
function splitOr(text: string): string[] {
  const cuts: number[] = [];
  for (let i = text.indexOf('或'); i >= 0; i = text.indexOf('或', i + 1)) if (!inOrWord(text, i)) cuts.push(i);
  if (cuts.length === 0) return [text];
  const parts: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(text.slice(start, cut));
    start = cut + 1;
  }
  parts.push(text.slice(start));
  for (let k = 0; k < cuts.length; k++) {
    const left = parts[k].trim();
    const right = parts[k + 1].trim();
    if (left === '' || right === '') return [text];
    const spaced = /\s$/.test(parts[k]) && /^\s/.test(parts[k + 1]);
    if (!spaced && !(standsAlone(left) && standsAlone(right))) return [text];
  }
  return parts.map((p) => p.trim());
}

/** Whether the 或 at index i is part of one of OR_WORDS (checked at each 或 of the word). */
function inOrWord(text: string, i: number): boolean {
  for (const word of OR_WORDS) {
    for (let j = word.indexOf('或'); j >= 0; j = word.indexOf('或', j + 1)) {
      if (i - j >= 0 && text.slice(i - j, i - j + word.length) === word) return true;
    }
  }
  return false;
}

/** One side of 或 that is an answer of its own: two characters or more, or a number however short. */
function standsAlone(part: string): boolean {
  return part.length >= 2 || /^[0-9A-Za-z零〇一二两三四五六七八九十百千万亿]+$/.test(part);
}

/** Where a fill stem leaves its blanks: （）, ( ), an empty 《》, and runs of ＿ or _ (two or more). */
const BLANK_MARKER = /[（(][\s\u3000]*[）)]|《[\s\u3000]*》|[_＿]{2,}/g;

export function countStemBlanks(stem: string): number {
  return (stem.match(BLANK_MARKER) ?? []).length;
}

/** An option cell may carry its own label ("A. 遵义会议", "B、…", "（C）…", "Ａ．…"); drop it. */
/** Per option letter: `A.`, `A、`, `A:`, `A)`, `(A)` in front of an option's text (half-width form). */
const OPTION_LABELS = OPTION_LETTERS.split('').map((letter) => new RegExp(`^\\(?${letter}(?:\\)\\s*|\\s*[.、:)]\\s*)`, 'i'));

export function stripOptionLabel(text: string, index: number): string {
  const re = OPTION_LABELS[index];
  // A label starts with its letter or a bracket: most options start with neither (one character
  // looked at, half-width, instead of the whole text converted).
  const first = toHalfWidth(text.slice(0, 1)).toUpperCase();
  if (!re || (first !== '(' && first !== OPTION_LETTERS[index])) return text.trim();
  // Matched on the half-width form (one character for one), cut from the text as written.
  const m = re.exec(toHalfWidth(text));
  return (m ? text.slice(m[0].length) : text).trim();
}

const TYPE_WORD = '(?:单选|多选|判断|填空|不定项|单项选择|多项选择|不定项选择|是非|选择)题?';
const STEM_LABELS = [
  // 【判断题】, [判断题], 判断题】 (a bracket lost in copying)
  new RegExp(`^[【\\[]?\\s*${TYPE_WORD}\\s*[】\\]]\\s*[:：]?`),
  // 二。判断题 / 一、单选题： (a section heading pasted into the stem)
  new RegExp(`^[一二三四五六七八九十]+\\s*[、。.．]\\s*${TYPE_WORD}\\s*[:：]?`),
  // 第1题、 / 第 12 题． / 第一题：, but not 第一次…
  /^第\s*(?:\d{1,4}|[一二三四五六七八九十百]{1,6})\s*题\s*[.、．:：]?/,
  // 1. / 12、 / 1．: numbering, but not 1921年 or 1.5亿
  /^\d{1,4}\s*[.、．](?!\d)/,
  // （1） / (1) / 1）
  /^[（(]\s*\d{1,4}\s*[）)]/,
  /^\d{1,4}\s*[）)]/,
];

/** A stem without the type labels and numbering in front; '' when it is nothing but those. */
function peelStemLabel(stem: string): string {
  let s = stem.trim();
  for (let guard = 0; guard < 4; guard++) {
    const before = s;
    for (const re of STEM_LABELS) s = s.replace(re, '').trim();
    if (s === before) break;
  }
  return s;
}

/** A stem without the type labels and numbering an exam system or a pasted section left in front. */
export function stripStemLabel(stem: string): string {
  const s = peelStemLabel(stem);
  // A stem that is nothing but a label is left as written: the import refuses it (isOnlyStemLabel).
  return s === '' ? stem.trim() : s;
}

/** A stem that is nothing but a label or a number (【判断题】, 第1题、): no question in it. */
export function isOnlyStemLabel(stem: string): boolean {
  return stem.trim() !== '' && peelStemLabel(stem) === '';
}

/**
 * Question text as written: BOM, zero-width characters and odd spaces removed, runs of whitespace
 * collapsed, but full-width Chinese punctuation (？，（）) kept as it is.
 */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return s
    .replace(/[\uFEFF\u200B-\u200D\u2060]/g, '')
    .replace(/[\s\u3000\u00A0]+/g, ' ')
    .trim();
}

const EXAM_ONLY_YES = /^(是|1|√|✓|✔|y|yes|true)$/i;
const EXAM_ONLY_NO = /^(否|0|×|✗|✘|x|n|no|false)$/i;

/** 仅用于考试: 是/否, 1/0, √/×, Y/N, true/false; empty is 否. Null for anything else. */
export function parseExamOnly(raw: string): boolean | null {
  const s = toHalfWidth(cleanCell(raw)).replace(/\s+/g, '');
  if (s === '' || EXAM_ONLY_NO.test(s)) return false;
  if (EXAM_ONLY_YES.test(s)) return true;
  return null;
}

const DIFFICULTY_ALIASES: Array<[1 | 2 | 3, RegExp]> = [
  [1, /^(1|易|容易|简单|低|初级|★)$/],
  [2, /^(2|中|中等|一般|适中|普通|★★)$/],
  [3, /^(3|难|较难|困难|高|高级|★★★)$/],
];

export function parseDifficulty(raw: string): 1 | 2 | 3 | null {
  const s = cleanCell(raw).replace(/\s+/g, '');
  if (s === '') return 2;
  for (const [d, re] of DIFFICULTY_ALIASES) if (re.test(s)) return d;
  return null;
}

const TAG_SEPARATORS = ',，;；、|｜/／\n';
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '‘': '’', '"': '"', '《': '》', '「': '」', '『': '』', '（': '）', '(': ')' };
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';

/**
 * Tags split on , ， ; ； 、 | / and line breaks, never inside quotes or brackets
 * (“一个中心、两个基本点” is one tag). Spaces do not split: a space inside Chinese text is a typing
 * slip (坚持全面从 严治党) and is removed; between Latin words it stays.
 */
// No lookbehind: old phones' JavaScript cannot parse it, and this file runs in the mini-program.
// Global, used only by String.replace (which starts each search at 0).
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}])`, 'g');
const SPACE_AFTER_CJK = new RegExp(`([${CJK}])\\s+`, 'g');

export function parseTags(raw: string): string[] {
  const text = cleanCell(raw);
  const tags: string[] = [];
  let current = '';
  let closing: string | null = null;
  for (const ch of text) {
    if (closing !== null) {
      if (ch === closing) closing = null;
      current += ch;
    } else if (ch in QUOTE_PAIRS) {
      closing = QUOTE_PAIRS[ch];
      current += ch;
    } else if (TAG_SEPARATORS.includes(ch)) {
      tags.push(current);
      current = '';
    } else current += ch;
  }
  tags.push(current);
  const cleaned = tags.map((t) => t.replace(SPACE_BEFORE_CJK, '').replace(SPACE_AFTER_CJK, '$1').replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  return [...new Set(cleaned)];
}
