// Questions of the bank: their types, tags, and how one row of an organiser's spreadsheet becomes
// a question. Pure rules, no I/O: the cloud function, the seed bank and the tests share them.

import { cleanCell, toHalfWidth } from '../text';
import {
  cleanText,
  countStemBlanks,
  isIndefiniteType,
  isOnlyStemLabel,
  judgeWord,
  OPTION_LETTERS,
  parseBlanks,
  parseChoiceLetters,
  parseDifficulty,
  parseExamOnly,
  parseJudgeAnswer,
  parseQuestionType,
  parseTags,
  stripOptionLabel,
  stripStemLabel,
} from './questionCells';

export {
  cleanText,
  countStemBlanks,
  isOnlyStemLabel,
  OPTION_LETTERS,
  parseBlanks,
  parseChoiceLetters,
  parseDifficulty,
  parseExamOnly,
  parseJudgeAnswer,
  parseQuestionType,
  parseTags,
  stripOptionLabel,
  stripStemLabel,
} from './questionCells';

export const QUESTION_TYPES = ['single', 'multiple', 'judge', 'fill'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  judge: '判断题',
  fill: '填空题',
};

/** The five areas every bank is organised by (四史 plus 党章党规); free tags may follow them. */
export const AREA_TAGS = ['党史', '新中国史', '改革开放史', '社会主义发展史', '党章党规'] as const;

export const DIFFICULTY_LABELS: Record<1 | 2 | 3, string> = { 1: '容易', 2: '中等', 3: '较难' };

/** A judge question's two fixed options; its answer is [0] (正确) or [1] (错误). */
export const JUDGE_OPTIONS = ['正确', '错误'];

export const LIMITS = {
  stem: 500,
  option: 200,
  explanation: 500,
  blank: 50,
  synonyms: 8,
  blanks: 10,
  tags: 8,
  tag: 30,
} as const;

/** The content of a question: what an exam pins when it is published. */
export interface QuestionContent {
  type: QuestionType;
  stem: string;
  /** Choice questions: 2–8 options. Judge: JUDGE_OPTIONS. Fill: empty. */
  options: string[];
  /** Indices into `options` that are correct (sorted). Fill: empty. */
  answer: number[];
  /** Fill only: per blank, the accepted answers (first is the one shown in reviews). */
  blanks: string[][];
  explanation: string;
  tags: string[];
  difficulty: 1 | 2 | 3;
  /**
   * 仅用于考试: exams only, never served by the daily quiz or contests. Questions stored before it
   * existed have no such field and read as false.
   */
  examOnly: boolean;
}

// ---------------------------------------------------------------------------------------------
// Normalising what people type

/** Text compared for equality: half-width, no whitespace, lower case, no trailing full stop. */
export function normaliseAnswerText(s: string): string {
  return toHalfWidth(s.normalize('NFKC'))
    .replace(/[\s\u00A0]+/g, '')
    .replace(/[。.]+$/u, '')
    .toLowerCase();
}

/**
 * The stem and the options with spaces and punctuation removed: a new question's `_id` derives
 * from it (so racing creates of one question settle in the database) and the editor refuses a
 * second copy by it. What a re-import matches by is questionIdentity.ts.
 */
export function questionKey(stem: string, options: string[]): string {
  const norm = (s: string) =>
    toHalfWidth(s.normalize('NFKC'))
      .replace(/[\s\p{P}\p{S}_]+/gu, '')
      .toLowerCase();
  return [norm(stem), ...options.map(norm)].join('|');
}

// ---------------------------------------------------------------------------------------------
// Checking a question as a whole (import rows, the editor and the seed bank all end here)

export interface QuestionDraft {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: number[];
  blanks: string[][];
  explanation: string;
  tags: string[];
  difficulty: 1 | 2 | 3;
  /** 不定项: a multiple-choice key may hold one option. */
  indefinite?: boolean;
  /** 仅用于考试; absent is false. */
  examOnly?: boolean;
}

/** The first problem of a question and the column it is in; null when it is sound. */
export function findQuestionProblem(q: QuestionDraft): { reason: string; column: RowColumn } | null {
  const at = (column: RowColumn) => (reason: string) => ({ reason, column });
  const stem = at('stem');
  const answer = at('answer');
  const options = at('options');
  if (q.stem.trim() === '') return stem('题干为空');
  if (q.stem.length > LIMITS.stem) return stem(`题干超过 ${LIMITS.stem} 字`);
  if (q.explanation.length > LIMITS.explanation) return at('explanation')(`解析超过 ${LIMITS.explanation} 字`);
  if (q.tags.length > LIMITS.tags) return at('tags')(`标签最多 ${LIMITS.tags} 个`);
  const longTag = q.tags.find((t) => t.length > LIMITS.tag);
  if (longTag) return at('tags')(`标签“${longTag.slice(0, 20)}”超过 ${LIMITS.tag} 字`);
  if (q.type === 'single' || q.type === 'multiple') {
    if (q.options.length < 2) return options('选择题至少需要两个选项');
    if (q.options.length > OPTION_LETTERS.length) return options('选项最多 8 个（A–H）');
    if (q.options.some((o) => o.trim() === '')) return options('选项不能为空');
    const long = q.options.findIndex((o) => o.length > LIMITS.option);
    if (long >= 0) return at(`option${long}`)(`选项 ${OPTION_LETTERS[long]} 超过 ${LIMITS.option} 字`);
    // The second copy is named, on its own column, with the option it repeats.
    const norm = q.options.map(normaliseAnswerText);
    const copy = norm.findIndex((n, i) => norm.indexOf(n) !== i);
    if (copy >= 0) return at(`option${copy}`)(`选项 ${OPTION_LETTERS[copy]} 与选项 ${OPTION_LETTERS[norm.indexOf(norm[copy])]} 相同`);
    if (q.answer.length === 0) return answer('缺少答案');
    const out = q.answer.find((i) => i < 0 || i >= q.options.length);
    if (out !== undefined) return answer(`答案 ${OPTION_LETTERS[out] ?? '?'} 超出了选项范围（共 ${q.options.length} 个选项）`);
    if (q.type === 'single' && q.answer.length !== 1) return answer('单选题只能有一个答案');
    if (q.type === 'multiple' && q.answer.length < 2 && !q.indefinite) return answer('多选题至少应有两个正确答案');
  }
  if (q.type === 'judge') {
    if (q.answer.length !== 1 || (q.answer[0] !== 0 && q.answer[0] !== 1)) return answer('判断题答案应为“对”或“错”');
  }
  if (q.type === 'fill') {
    if (q.blanks.length === 0) return answer('填空题缺少答案');
    if (q.blanks.length > LIMITS.blanks) return answer(`填空最多 ${LIMITS.blanks} 个空`);
    for (const syn of q.blanks) {
      if (syn.length > LIMITS.synonyms) return answer(`每个空最多 ${LIMITS.synonyms} 个可接受答案`);
      if (syn.some((s) => s.length > LIMITS.blank)) return answer(`填空答案超过 ${LIMITS.blank} 字`);
    }
    // A stem that marks its blanks must mark as many as the answer fills. One without any marker
    // ("中国共产党成立于哪一年？") is read as asking for what the answer gives: members see its boxes.
    const marked = countStemBlanks(q.stem);
    if (marked > 0 && marked !== q.blanks.length) {
      return answer(marked > q.blanks.length ? `题干有 ${marked} 处空，答案只有 ${q.blanks.length} 个` : `题干有 ${marked} 处空，答案却有 ${q.blanks.length} 个`);
    }
  }
  return null;
}

/**
 * A multiple-choice key of one option. Only a 不定项 question has one (the import's 不定项 type, the
 * editor's 不定项 choice), so a stored question like this is 不定项 and is saved again as it is.
 */
export function isIndefiniteKey(q: Pick<QuestionContent, 'type' | 'answer'>): boolean {
  return q.type === 'multiple' && q.answer.length === 1;
}

/** The first problem of a question, in words an organiser understands; null when it is sound. */
export function questionProblem(q: QuestionDraft): string | null {
  return findQuestionProblem(q)?.reason ?? null;
}

/** Canonical content: judge options fixed, fill without options, answers sorted. */
export function canonicalQuestion(q: QuestionDraft): QuestionContent {
  const type = q.type;
  return {
    type,
    stem: q.stem.trim(),
    options: type === 'judge' ? [...JUDGE_OPTIONS] : type === 'fill' ? [] : q.options.map((o) => o.trim()),
    answer: type === 'fill' ? [] : [...new Set(q.answer)].sort((a, b) => a - b),
    blanks: type === 'fill' ? q.blanks.map((syn) => syn.map((s) => s.trim())) : [],
    explanation: q.explanation.trim(),
    tags: q.tags,
    difficulty: q.difficulty,
    examOnly: q.examOnly === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a spreadsheet of questions

export type ColumnKey = 'type' | 'stem' | 'answer' | 'explanation' | 'tags' | 'difficulty' | 'ref' | 'examOnly' | `option${number}`;

const HEADER_ALIASES: Array<[Exclude<ColumnKey, `option${number}`>, RegExp]> = [
  ['type', /^(题型|类型|题目类型|试题类型|题类)$/],
  ['stem', /^(题干|题目|试题|问题|题目内容|试题内容|题干内容|内容)$/],
  ['answer', /^(答案|正确答案|标准答案|参考答案)$/],
  ['explanation', /^(解析|答案解析|试题解析|题目解析|说明|解释|依据)$/],
  ['tags', /^(标签|分类|知识点|类别|题目分类|所属分类|专题)$/],
  ['difficulty', /^(难度|难易度|难易程度|难度系数)$/],
  // The file's own question ID (questionIdentity.ts); 题号 and 序号 number rows and are not IDs.
  ['ref', /^(题目编号|试题编号|编号|题目ID|试题ID|题库编号|ID)$/],
  ['examOnly', /^(仅用于考试|仅考试|考试专用|仅限考试)$/],
];

function headerKey(cell: string): ColumnKey | null {
  const s = toHalfWidth(cleanCell(cell)).replace(/[\s*＊:：]/g, '').toUpperCase();
  for (const [key, re] of HEADER_ALIASES) if (re.test(s)) return key;
  const opt = /^(?:选项)?([A-H])(?:选项|项)?$/.exec(s);
  if (opt) return `option${OPTION_LETTERS.indexOf(opt[1])}`;
  return null;
}

/** The header row (the first of the first 10 rows naming both the stem and the answer) and its columns. */
export function findQuestionHeader(rows: string[][]): { index: number; columns: Map<ColumnKey, number> } | null {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const columns = new Map<ColumnKey, number>();
    rows[i].forEach((cell, c) => {
      const key = headerKey(cell);
      if (key && !columns.has(key)) columns.set(key, c);
    });
    if (columns.has('stem') && columns.has('answer')) return { index: i, columns };
  }
  return null;
}

/** The column a row's problem is in: one of the header's, or the option columns as a whole. */
export type RowColumn = ColumnKey | 'options';

export type ParsedRow = { ok: true; question: QuestionContent } | { ok: false; reason: string; column?: RowColumn };

/** Two options that are 正确 and 错误 (or 对/错 …) in some order: a judge question's own columns. */
function judgeColumns(options: string[]): [boolean, boolean] | null {
  if (options.length !== 2) return null;
  const [a, b] = options.map(judgeWord);
  return a !== null && b !== null && a !== b ? [a, b] : null;
}

/** A judge answer that, without a type column, makes the row a judge question: any but 1 and 0. */
function judgeWithoutType(answerRaw: string): boolean {
  return parseJudgeAnswer(answerRaw) !== null && !/^[01]$/.test(cleanCell(answerRaw));
}

/** One data row, read through the header's columns, to a question or the reason it cannot be one. */
export function parseQuestionRow(cells: string[], columns: Map<ColumnKey, number>): ParsedRow {
  const at = (key: ColumnKey) => {
    const c = columns.get(key);
    return c === undefined ? '' : cleanText(cells[c] ?? '');
  };
  const fail = (reason: string, column: RowColumn): ParsedRow => ({ ok: false, reason, column });
  const stemCell = at('stem');
  const stem = stripStemLabel(stemCell);
  if (stem === '') return fail('题干为空', 'stem');
  if (isOnlyStemLabel(stemCell)) return fail(`题干为空（只有“${stemCell.slice(0, 20)}”）`, 'stem');

  const rawOptions: string[] = [];
  for (let i = 0; i < OPTION_LETTERS.length; i++) rawOptions.push(stripOptionLabel(at(`option${i}`), i));
  let last = rawOptions.length - 1;
  while (last >= 0 && rawOptions[last] === '') last--;
  const options = rawOptions.slice(0, last + 1);
  const gap = options.findIndex((o) => o === '');
  if (gap >= 0) return fail(`选项 ${OPTION_LETTERS[gap]} 为空，但后面还有选项`, `option${gap}`);

  const answerRaw = at('answer');
  if (answerRaw === '') return fail('缺少答案', 'answer');

  const typeRaw = at('type');
  let type = typeRaw === '' ? null : parseQuestionType(typeRaw);
  if (typeRaw !== '' && !type) return fail(`无法识别题型“${typeRaw.slice(0, 10)}”（应为单选、多选、判断或填空）`, 'type');
  // Option columns 正确/错误 (in either order) make a judge question whose letters follow them.
  const judgeCols = type === null || type === 'judge' ? judgeColumns(options) : null;
  if (!type) {
    // No type column: inferred from the options, the stem and the answer. Without options, a stem
    // that marks blanks （）/《》/＿＿ is fill whatever its answer (第（）次 … with answer 1). A statement
    // answered by a judge word, or a lone A/B as exam systems export them (A 正确, B 错误), is judge;
    // a lone 1 or 0 is not: it is as likely a count or a number asked for, so it stays a fill answer
    // and a 1/0 judge key needs the 判断 type.
    if (judgeCols) type = 'judge';
    else if (options.length === 0) type = countStemBlanks(stem) === 0 && judgeWithoutType(answerRaw) ? 'judge' : 'fill';
    else type = (parseChoiceLetters(answerRaw)?.length ?? 0) > 1 ? 'multiple' : 'single';
  }

  let answer: number[] = [];
  let blanks: string[][] = [];
  if (type === 'single' || type === 'multiple') {
    const letters = parseChoiceLetters(answerRaw);
    if (!letters) return fail(`答案“${answerRaw.slice(0, 12)}”不是选项字母（如 B 或 ABD）`, 'answer');
    answer = letters;
  } else if (type === 'judge') {
    const letters = judgeCols ? parseChoiceLetters(answerRaw) : null;
    const value = letters?.length === 1 && letters[0] < 2 ? judgeCols![letters[0]] : parseJudgeAnswer(answerRaw);
    if (value === null) return fail(`判断题答案“${answerRaw.slice(0, 12)}”应为 对/错、√/×、正确/错误 或 T/F`, 'answer');
    answer = [value ? 0 : 1];
  } else {
    blanks = parseBlanks(answerRaw);
  }

  const difficulty = parseDifficulty(at('difficulty'));
  if (difficulty === null) return fail(`无法识别难度“${at('difficulty').slice(0, 10)}”（应为 易、中、难 或 1–3）`, 'difficulty');
  const examOnly = parseExamOnly(at('examOnly'));
  if (examOnly === null) return fail(`无法识别“${at('examOnly').slice(0, 10)}”（仅用于考试应填 是/否、1/0、√/×、Y/N，或留空）`, 'examOnly');

  const draft: QuestionDraft = {
    type,
    stem,
    options,
    answer,
    blanks,
    explanation: at('explanation'),
    // A tag longer than the limit is cut, not a reason to refuse the question.
    tags: [...new Set(parseTags(at('tags')).map((t) => t.slice(0, LIMITS.tag)))],
    difficulty,
    indefinite: isIndefiniteType(typeRaw),
    examOnly,
  };
  const problem = findQuestionProblem(draft);
  if (problem) return fail(problem.reason, problem.column);
  return { ok: true, question: canonicalQuestion(draft) };
}

/** The header of the downloadable template and of exports, in this order. */
export const TEMPLATE_HEADER = ['题型', '题干', ...[...OPTION_LETTERS].map((l) => `选项${l}`), '答案', '解析', '标签', '难度', '仅用于考试'];

/** How a question is written back into the template's columns (export, seed bank round trip). */
export function questionToRow(q: QuestionContent): string[] {
  const opts = q.type === 'single' || q.type === 'multiple' ? q.options : [];
  const answer =
    q.type === 'judge'
      ? q.answer[0] === 0
        ? '对'
        : '错'
      : q.type === 'fill'
        ? q.blanks.map((syn) => syn.join('/')).join('；')
        : q.answer.map((i) => OPTION_LETTERS[i]).join('');
  const label = { single: '单选', multiple: '多选', judge: '判断', fill: '填空' }[q.type];
  return [label, q.stem, ...Array.from({ length: OPTION_LETTERS.length }, (_, i) => opts[i] ?? ''), answer, q.explanation, q.tags.join('、'), String(q.difficulty), q.examOnly ? '是' : '否'];
}
