// The exam editor's form model: a blank form or one from a saved draft, its changes, the checks
// worth saying before the round trip, the paper's totals and the saveExam payload. Pure (no React,
// no Taro), unit-tested in test/unit/exam-editor-model.test.ts; the server checks everything again.
import type { DrawRule, ExamDraftInput, ExamDraftView, Points, ReleasePolicy } from '@core/contracts';
import { DEFAULT_POINTS } from '@core/domain/exam';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type QuestionType } from '@core/domain/exam/questions';
import { addDays, beijingParts } from '@core/domain/time';
import { audienceNames, audienceOf, audienceUnitIds, hasAudience, toggleAudience, type Audience } from '@/components/Editor/audience';
import { fromBeijing } from '@/utils/field-input';
import { formatWindow } from './components/format';

export interface ExamForm extends Audience {
  title: string;
  description: string;
  opensAt: number;
  closesAt: number;
  durationMinutes: number;
  mode: 'rules' | 'fixed';
  rules: DrawRule[];
  questionIds: string[];
  points: Points;
  multiplePartial: boolean;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  passScore: number;
  /** Until the organiser sets a pass mark, it follows 60 % of the total. */
  passTouched: boolean;
  maxAttempts: number;
  releaseAnswers: ReleasePolicy;
  switchTolerance: number;
}

/** A common paper shape: with the default points it totals 100. */
export const DEFAULT_RULES: DrawRule[] = [
  { type: 'single', tag: null, count: 20 },
  { type: 'multiple', tag: null, count: 10 },
  { type: 'judge', tag: null, count: 20 },
  { type: 'fill', tag: null, count: 5 },
];

/** A new exam: opens now (to the minute), closes a week later at 18:00 Beijing time. */
export function blankExamForm(now: number): ExamForm {
  return {
    title: '',
    description: '',
    allUnits: false,
    unitIds: [],
    opensAt: Math.floor(now / 60_000) * 60_000,
    closesAt: fromBeijing(addDays(beijingParts(now).day, 7), '18:00'),
    durationMinutes: 60,
    mode: 'rules',
    rules: DEFAULT_RULES,
    questionIds: [],
    points: { ...DEFAULT_POINTS },
    multiplePartial: false,
    shuffleQuestions: true,
    shuffleOptions: true,
    passScore: 0,
    passTouched: false,
    maxAttempts: 1,
    releaseAnswers: 'after_close',
    switchTolerance: 3,
  };
}

/** A saved draft as the form; the mode not in use keeps its default (the rules) or nothing (the questions). */
export function examFormOf(e: ExamDraftView['exam']): ExamForm {
  return {
    title: e.title,
    description: e.description,
    ...audienceOf(e.unitIds),
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    durationMinutes: e.durationMinutes,
    mode: e.paper.mode,
    rules: e.paper.mode === 'rules' ? e.paper.rules : DEFAULT_RULES,
    questionIds: e.paper.mode === 'fixed' ? e.paper.questionIds : [],
    points: e.points,
    multiplePartial: e.multiplePartial,
    shuffleQuestions: e.shuffleQuestions,
    shuffleOptions: e.shuffleOptions,
    passScore: e.passScore,
    passTouched: true,
    maxAttempts: e.maxAttempts,
    releaseAnswers: e.releaseAnswers,
    switchTolerance: e.switchTolerance,
  };
}

/** Fields set as they are; the audience, the questions, the points and the pass mark have their own changes. */
export type ExamPlainFields = Omit<ExamForm, 'allUnits' | 'unitIds' | 'questionIds' | 'points' | 'passScore' | 'passTouched'>;

export type ExamFormChange =
  | { type: 'set'; patch: Partial<ExamPlainFields> }
  /** A unit chip ('all' for the whole organisation). */
  | { type: 'toggleUnit'; chip: string }
  /** A question picked for, or dropped from, the fixed paper. */
  | { type: 'toggleQuestion'; questionId: string }
  | { type: 'points'; questionType: QuestionType; points: number }
  /** The organiser's pass mark, or the one just saved: from then on it no longer follows the total. */
  | { type: 'passScore'; passScore: number };

export function updateExamForm(form: ExamForm, change: ExamFormChange): ExamForm {
  switch (change.type) {
    case 'set':
      return { ...form, ...change.patch };
    case 'toggleUnit':
      return toggleAudience(form, change.chip);
    case 'toggleQuestion': {
      const id = change.questionId;
      return { ...form, questionIds: form.questionIds.includes(id) ? form.questionIds.filter((x) => x !== id) : [...form.questionIds, id] };
    }
    case 'points':
      return { ...form, points: { ...form.points, [change.questionType]: change.points } };
    case 'passScore':
      return { ...form, passScore: change.passScore, passTouched: true };
  }
}

/** Question types learnt so far (from the lists shown and single reads), by question id. */
export type KnownTypes = Record<string, QuestionType>;

/** `known` with these questions' types; the same object when it already had them all. */
export function learnTypes(known: KnownTypes, rows: Array<{ id: string; type: QuestionType }>): KnownTypes {
  if (rows.every((r) => known[r.id] === r.type)) return known;
  const next = { ...known };
  for (const r of rows) next[r.id] = r.type;
  return next;
}

/** A fixed paper's questions whose type is not known yet (to be read one by one for the total). */
export function unknownQuestionIds(form: ExamForm, known: KnownTypes): string[] {
  return form.mode === 'fixed' ? form.questionIds.filter((id) => !known[id]) : [];
}

/** Questions per type on the paper; null while a fixed paper has questions of unknown type. */
export function typeCounts(form: ExamForm, known: KnownTypes): Record<QuestionType, number> | null {
  const counts: Record<QuestionType, number> = { single: 0, multiple: 0, judge: 0, fill: 0 };
  if (form.mode === 'rules') {
    for (const r of form.rules) counts[r.type] += r.count;
    return counts;
  }
  for (const id of form.questionIds) {
    const t = known[id];
    if (!t) return null;
    counts[t]++;
  }
  return counts;
}

/** The default pass mark: 60 % of the total, rounded up. */
export function autoPass(total: number): number {
  return Math.ceil(total * 0.6);
}

export interface PaperTotals {
  counts: Record<QuestionType, number> | null;
  /** null while unknown (shown as …). */
  questionCount: number | null;
  total: number | null;
  /** The organiser's pass mark, or 60 % of the total (of 0 while it is unknown). */
  passScore: number;
}

export function paperTotals(form: ExamForm, known: KnownTypes): PaperTotals {
  const counts = typeCounts(form, known);
  const questionCount = counts ? QUESTION_TYPES.reduce((n, t) => n + counts[t], 0) : null;
  const total = counts ? QUESTION_TYPES.reduce((n, t) => n + counts[t] * form.points[t], 0) : null;
  return { counts, questionCount, total, passScore: form.passTouched ? form.passScore : autoPass(total ?? 0) };
}

/** Problems worth saying before the round trip; the server checks everything again. */
export function examFormProblem(form: ExamForm): string | null {
  if (form.title.trim() === '') return '请填写考试名称';
  if (!hasAudience(form)) return '请选择参加考试的支部';
  if (form.closesAt <= form.opensAt) return '结束时间应晚于开始时间';
  if (form.mode === 'fixed' && form.questionIds.length === 0) return '请至少选择一道题';
  return null;
}

/** The saveExam payload; `passScore` is the one shown (paperTotals), which may follow the total. */
export function examDraftOf(form: ExamForm, passScore: number): ExamDraftInput {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    unitIds: audienceUnitIds(form),
    opensAt: form.opensAt,
    closesAt: form.closesAt,
    durationMinutes: form.durationMinutes,
    paper: form.mode === 'rules' ? { mode: 'rules', rules: form.rules } : { mode: 'fixed', questionIds: form.questionIds },
    points: form.points,
    multiplePartial: form.multiplePartial,
    shuffleQuestions: form.shuffleQuestions,
    shuffleOptions: form.shuffleOptions,
    passScore,
    maxAttempts: form.maxAttempts,
    releaseAnswers: form.releaseAnswers,
    switchTolerance: form.switchTolerance,
  };
}

/** The question before publishing: for whom, when, and that nothing can change afterwards. */
export function examPublishQuestion(form: ExamForm, branches: Array<{ id: string; name: string }>): string {
  const audience = audienceNames(form, branches, '全体支部');
  return `面向${audience}，${formatWindow(form.opensAt, form.closesAt)}。发布后试卷和设置不能再修改。${practiceNote(form)}确定发布吗？`;
}

/**
 * What publishing takes out of the daily quiz and contests until a day after the close (the
 * questions the exam may serve, docs/EXAMS.md "What practice may serve"), said before the organiser
 * confirms: a draw rule without a tag takes every question of its type.
 */
export function practiceNote(form: Pick<ExamForm, 'mode' | 'rules'>): string {
  if (form.mode === 'fixed') return '试卷里的题在考试结束后一天内不会出现在每日答题和知识竞赛中。';
  const whole = form.rules.filter((r) => r.tag === null).map((r) => QUESTION_TYPE_LABELS[r.type]);
  if (whole.length === 0) return '抽题范围内的题在考试结束后一天内不会出现在每日答题和知识竞赛中。';
  return `抽题范围内的题在考试结束后一天内不会出现在每日答题和知识竞赛中；${[...new Set(whole)].join('、')}没有限定标签，题库里的这类题都会暂停用于每日答题，按标签抽题可以留出其余的题。`;
}
