// What identifies a question across imports (issue 15), and what a re-import changes in it.
//
// A file's own ID column (题目编号, 编号, 试题编号, ID…) names a question when the file has one: it
// survives a corrected stem. 题号 and 序号 are not IDs: exported banks number their rows 1, 2, 3,
// and a renumbered file would then update the wrong questions. Without an ID a question is its
// type plus its stem with its labels (【单选题】, 二。判断题, 1.) stripped and spacing, punctuation
// (full or half width) and quotes folded. The parser strips the labels of a new row; the identity
// strips them again, so a question stored before the parser did (its stem still 【判断题】…) has
// the identity of the clean row that corrects it. Options are not part of the identity, so a
// corrected option is an update, not a new question.

import { toHalfWidth } from '../text';
import { stripStemLabel } from './questionCells';
import { QUESTION_TYPE_LABELS, type QuestionContent, type QuestionType } from './questions';

const fold = (s: string) =>
  toHalfWidth(s.normalize('NFKC'))
    .replace(/[\s\p{P}\p{S}_]+/gu, '')
    .toLowerCase();

/**
 * The rule's version, in front of every identity. An identity stored by an earlier rule (without
 * the labels stripped: `judge|判断题…`) or none at all is recomputed by the next import
 * (functions/exam/bank.ts, backfillIdents), which finds those by this prefix.
 */
export const IDENT_PREFIX = '2|';
/** Every identity of the current rule sorts in [IDENT_PREFIX, IDENT_PREFIX_END). */
export const IDENT_PREFIX_END = '2}';

/** The identity of a question without a file ID: its type and folded stem, labels stripped. */
export function questionIdent(type: QuestionType, stem: string): string {
  return `${IDENT_PREFIX}${type}|${fold(stripStemLabel(stem))}`;
}

/** Whether a stored identity is the current rule's (false for none). */
export function isCurrentIdent(ident: string | null | undefined): boolean {
  return typeof ident === 'string' && ident.startsWith(IDENT_PREFIX);
}

/** A file's ID cell as stored (`ref`): spacing and width folded, case kept apart from digits. */
export function normaliseRef(cell: string): string | null {
  const s = toHalfWidth(cell.normalize('NFKC')).replace(/\s+/g, '').toUpperCase();
  return s === '' ? null : s.slice(0, 64);
}

/** The fields of a question an import may change, in the order a change line names them. */
export type ChangedField = 'type' | 'stem' | 'options' | 'answer' | 'explanation' | 'tags' | 'difficulty' | 'examOnly';

/** The columns a file has: a missing column keeps what the bank holds (a file without 标签 keeps the tags). */
export interface FileColumns {
  explanation: boolean;
  tags: boolean;
  difficulty: boolean;
  examOnly: boolean;
}

const LETTERS = 'ABCDEFGH';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** A text quoted in a change line, shortened with … past `max` characters. */
const quoted = (s: string, max: number) => `“${s.length > max ? `${s.slice(0, max)}…` : s}”`;
const OPTION_TEXT = 20;
const EXPLANATION_TEXT = 30;

/** 选项 B：“…” → “…”, 新增选项 E：“…”, 删去选项 F：“…”: one line per option letter that changes. */
function optionChanges(before: string[], after: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const letter = LETTERS[i] ?? String(i + 1);
    const was = before[i];
    const now = after[i];
    if (was === now) continue;
    if (was === undefined) out.push(`新增选项 ${letter}：${quoted(now, OPTION_TEXT)}`);
    else if (now === undefined) out.push(`删去选项 ${letter}：${quoted(was, OPTION_TEXT)}`);
    else out.push(`选项 ${letter}：${quoted(was, OPTION_TEXT)} → ${quoted(now, OPTION_TEXT)}`);
  }
  return out;
}

/** 解析：“…” → “…”, 新增解析：“…”, 删去解析. */
function explanationChange(before: string, after: string): string {
  if (before === '') return `新增解析：${quoted(after, EXPLANATION_TEXT)}`;
  if (after === '') return '删去解析';
  return `解析：${quoted(before, EXPLANATION_TEXT)} → ${quoted(after, EXPLANATION_TEXT)}`;
}

/** The key as an organiser writes it: letters, 对/错, or the blanks' answers. */
export function keyText(q: Pick<QuestionContent, 'type' | 'answer' | 'blanks'>): string {
  if (q.type === 'judge') return q.answer[0] === 0 ? '对' : '错';
  if (q.type === 'fill') return q.blanks.map((b) => b.join('/')).join('；');
  return q.answer.map((i) => LETTERS[i] ?? '?').join('');
}

/**
 * The content a re-import stores: the file's, except the columns the file lacks. Tags: the file
 * is the truth for the questions it names, so a tag column may add and remove tags.
 */
export function mergedContent(stored: QuestionContent, incoming: QuestionContent, cols: FileColumns): QuestionContent {
  return {
    ...incoming,
    explanation: cols.explanation ? incoming.explanation : stored.explanation,
    tags: cols.tags ? incoming.tags : stored.tags,
    difficulty: cols.difficulty ? incoming.difficulty : stored.difficulty,
    examOnly: cols.examOnly ? incoming.examOnly : stored.examOnly,
  };
}

/** What changes from the stored question to the merged one, one phrase per field; empty when nothing does. */
export function describeChanges(before: QuestionContent, after: QuestionContent): string[] {
  const out: string[] = [];
  // Only a row matched by its ID can change the type (without one, the type is part of the identity).
  if (before.type !== after.type) out.push(`题型 ${QUESTION_TYPE_LABELS[before.type]} → ${QUESTION_TYPE_LABELS[after.type]}`);
  if (before.stem !== after.stem) out.push(`题干改为“${after.stem.slice(0, 20)}${after.stem.length > 20 ? '…' : ''}”`);
  if (!same(before.options, after.options)) out.push(...optionChanges(before.options, after.options));
  if (!same(before.answer, after.answer) || !same(before.blanks, after.blanks)) out.push(`答案 ${keyText(before)} → ${keyText(after)}`);
  if (before.explanation !== after.explanation) out.push(explanationChange(before.explanation, after.explanation));
  const added = after.tags.filter((t) => !before.tags.includes(t));
  const removed = before.tags.filter((t) => !after.tags.includes(t));
  if (added.length > 0 || removed.length > 0) {
    out.push(`标签${added.map((t) => ` +${t}`).join('')}${removed.map((t) => ` −${t}`).join('')}`);
  } else if (!same(before.tags, after.tags)) out.push('标签顺序有改动');
  if (before.difficulty !== after.difficulty) out.push(`难度 ${before.difficulty} → ${after.difficulty}`);
  // Records written before the field existed have none: read as 否.
  const yesNo = (v: boolean | undefined) => (v === true ? '是' : '否');
  if (yesNo(before.examOnly) !== yesNo(after.examOnly)) out.push(`仅用于考试 ${yesNo(before.examOnly)} → ${yesNo(after.examOnly)}`);
  return out;
}

/**
 * A change line for a reader the key is held from: 答案 A → B says only 答案有改动, and the
 * explanation, which may state the key, only 解析有改动. Options are shown to takers anyway.
 */
export function lineWithoutKey(line: string): string {
  if (line.startsWith('答案 ')) return '答案有改动';
  if (line.startsWith('解析') || line.startsWith('新增解析') || line.startsWith('删去解析')) return '解析有改动';
  return line;
}

/**
 * Two rows of one file naming the same question: null when they say the same (merged into the
 * first), else the difference that makes the second an error.
 */
export function rowConflict(first: QuestionContent, second: QuestionContent): string | null {
  if (first.type !== second.type) return `题型不同（${QUESTION_TYPE_LABELS[first.type]} / ${QUESTION_TYPE_LABELS[second.type]}）`;
  if (!same(first.options, second.options)) return '选项不同';
  if (!same(first.answer, second.answer) || !same(first.blanks, second.blanks)) return `答案不同（${keyText(first)} / ${keyText(second)}）`;
  return null;
}
