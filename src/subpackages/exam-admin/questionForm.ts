// The question editor's form (no React, no Taro): what the organiser types, to and from the
// question the server stores; switching the type or removing an option keeps the answer coherent.
import type { QuestionDetail, QuestionInput } from '@core/contracts';
import { isIndefiniteKey, questionProblem, type QuestionType } from '@core/domain/exam/questions';
import { parseAlternatives } from '@core/domain/exam/questionCells';

export interface Form {
  type: QuestionType;
  stem: string;
  /** Choice questions; kept while the type is switched, so nothing typed is lost. */
  options: string[];
  answer: number[];
  /** 不定项 (multiple choice only): one correct option is enough, as the import's 不定项 type. */
  indefinite: boolean;
  /**
   * Fill: one line per blank, accepted answers separated by “/” or “|” (a “/” between digits, as in
   * 1945/8/15 or 1/2, is part of the answer: the import's rule, parseAlternatives).
   */
  blanks: string[];
  explanation: string;
  tags: string[];
  difficulty: 1 | 2 | 3;
  /** 仅用于考试: kept out of the daily quiz and contests. */
  examOnly: boolean;
}

export const EMPTY: Form = { type: 'single', stem: '', options: ['', '', '', ''], answer: [], indefinite: false, blanks: [''], explanation: '', tags: [], difficulty: 2, examOnly: false };
export const JUDGE_CHOICES = ['正确', '错误'];
export const isChoice = (t: QuestionType) => t === 'single' || t === 'multiple';

/** One blank's accepted answers as a line of the form: “/” between them, “|” when one holds a “/”. */
function lineOf(syn: string[]): string {
  return syn.some((a) => /[/／|]/.test(a)) ? syn.join(' | ') : syn.join('/');
}

export function formOf(q: QuestionDetail): Form {
  return {
    type: q.type,
    stem: q.stem,
    options: isChoice(q.type) ? [...q.options] : ['', '', '', ''],
    answer: [...q.answer],
    // A stored multiple-choice question with one correct option came in as 不定项.
    indefinite: isIndefiniteKey(q),
    blanks: q.type === 'fill' && q.blanks.length > 0 ? q.blanks.map(lineOf) : [''],
    explanation: q.explanation,
    tags: [...q.tags],
    difficulty: q.difficulty,
    examOnly: q.examOnly,
  };
}

/** What is sent: only the parts the type uses, trimmed. */
export function inputOf(f: Form): Required<QuestionInput> {
  return {
    type: f.type,
    stem: f.stem.trim(),
    options: isChoice(f.type) ? f.options.map((o) => o.trim()) : [],
    answer: f.type === 'fill' ? [] : [...new Set(f.answer)].sort((a, b) => a - b),
    indefinite: f.type === 'multiple' && f.indefinite,
    blanks:
      f.type === 'fill'
        ? f.blanks.map(parseAlternatives).filter((syn) => syn.length > 0)
        : [],
    explanation: f.explanation.trim(),
    tags: f.tags,
    difficulty: f.difficulty,
    examOnly: f.examOnly,
  };
}

export function withType(f: Form, type: QuestionType): Form {
  let answer = f.answer;
  if (type === 'single') answer = f.answer.filter((i) => i < f.options.length).slice(0, 1);
  if (type === 'multiple') answer = f.answer.filter((i) => i < f.options.length);
  if (type === 'judge') answer = f.answer.length === 1 && f.answer[0] <= 1 ? f.answer : [];
  return { ...f, type, answer };
}

export function withoutOption(f: Form, index: number): Form {
  return {
    ...f,
    options: f.options.filter((_, i) => i !== index),
    answer: f.answer.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)),
  };
}

/**
 * The problem worth saying before the round trip, by the rule the server applies; null to send.
 * A held key left empty is kept by the server (docs/SECURITY.md), so only the server judges that save.
 */
export function formProblem(f: Form, keyHeld: boolean): string | null {
  const question = inputOf(f);
  const keyLeftEmpty = keyHeld && question.answer.length === 0 && question.blanks.length === 0;
  return keyLeftEmpty ? null : questionProblem(question);
}
