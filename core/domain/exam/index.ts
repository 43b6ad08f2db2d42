// Rules of a closed-book exam: drawing a paper, shuffling it per person, the deadline, grading,
// and what a member may see when. Pure functions; the cloud function holds the only copy of the
// answer key and calls these.

import { fillMatches, spreadBlanks } from './fillAnswers';
import type { QuestionContent, QuestionType } from './questions';

export type Points = Record<QuestionType, number>;

export const DEFAULT_POINTS: Points = { single: 2, multiple: 3, judge: 1, fill: 2 };

/** One rule of a drawn paper: `count` questions of `type`, tagged `tag` (any tag when null). */
export interface DrawRule {
  type: QuestionType;
  tag: string | null;
  count: number;
}

/** A question as it sits on one person's paper: its id and the order its options are shown in. */
export interface PaperItem {
  qid: string;
  /** order[shown position] = index in the question's options. Empty for fill questions. */
  order: number[];
}

/** What a member answered, in the positions they saw. */
export interface AnswerValue {
  choice?: number[];
  text?: string[];
}

export interface GradeOptions {
  points: Points;
  /** Multiple choice: half the points for a correct but incomplete choice (no wrong option picked). */
  multiplePartial: boolean;
}

export interface QuestionGrade {
  earned: number;
  max: number;
  correct: boolean;
  answered: boolean;
}

/** Uniform random integer in [0, n) from a [0,1) source. */
function pick(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(rand() * n));
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(rand, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function roundHalf(x: number): number {
  return Math.round(x * 2) / 2;
}

/** Shown option positions mapped back to the question's own option indices. */
export function toOriginal(item: PaperItem, shown: number[]): number[] {
  return [...new Set(shown.map((p) => item.order[p]).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
}

/** What grading needs of a question: its type and its key (attempts carry just this). */
export type GradingKey = Pick<QuestionContent, 'type' | 'answer' | 'blanks'>;

export function isAnswered(q: Pick<QuestionContent, 'type'>, a: AnswerValue | undefined): boolean {
  if (!a) return false;
  if (q.type === 'fill') return (a.text ?? []).some((t) => t.trim() !== '');
  return (a.choice ?? []).length > 0;
}

/** Grade one answer against the pinned question. */
export function gradeQuestion(q: GradingKey, item: PaperItem, a: AnswerValue | undefined, opts: GradeOptions): QuestionGrade {
  const max = opts.points[q.type];
  const answered = isAnswered(q, a);
  if (!answered || !a) return { earned: 0, max, correct: false, answered };
  if (q.type === 'fill') {
    // As people type them: width, marks, numerals, and all blanks in the first box (fillAnswers.ts).
    const texts = spreadBlanks(a.text ?? [], q.blanks.length);
    const right = q.blanks.filter((syn, i) => fillMatches(texts[i] ?? '', syn)).length;
    const correct = right === q.blanks.length;
    return { earned: correct ? max : roundHalf((max * right) / q.blanks.length), max, correct, answered };
  }
  const chosen = toOriginal(item, a.choice ?? []);
  const key = q.answer;
  const correct = chosen.length === key.length && chosen.every((c, i) => c === key[i]);
  if (correct) return { earned: max, max, correct, answered };
  if (q.type === 'multiple' && opts.multiplePartial && chosen.every((c) => key.includes(c))) {
    return { earned: roundHalf(max / 2), max, correct: false, answered };
  }
  return { earned: 0, max, correct: false, answered };
}

export interface PaperGrade {
  score: number;
  total: number;
  correctCount: number;
  answeredCount: number;
  perQuestion: Record<string, QuestionGrade>;
}

export function gradePaper(
  paper: PaperItem[],
  questions: Record<string, GradingKey>,
  answers: Record<string, AnswerValue>,
  opts: GradeOptions,
): PaperGrade {
  let score = 0;
  let total = 0;
  let correctCount = 0;
  let answeredCount = 0;
  const perQuestion: Record<string, QuestionGrade> = {};
  for (const item of paper) {
    const q = questions[item.qid];
    if (!q) continue;
    const g = gradeQuestion(q, item, answers[item.qid], opts);
    perQuestion[item.qid] = g;
    score += g.earned;
    total += g.max;
    if (g.correct) correctCount++;
    if (g.answered) answeredCount++;
  }
  return { score: roundHalf(score), total, correctCount, answeredCount, perQuestion };
}

/** Total points of a paper (the editor shows it next to the pass mark). */
export function paperTotal(types: QuestionType[], points: Points): number {
  return types.reduce((sum, t) => sum + points[t], 0);
}

export interface PoolEntry {
  qid: string;
  type: QuestionType;
  tags: string[];
}

function matches(rule: DrawRule, e: PoolEntry): boolean {
  return e.type === rule.type && (rule.tag === null || e.tags.includes(rule.tag));
}

/**
 * Whether rules can be met from a pool: each rule alone, and each type's rules together. Tagged
 * rules draw first, so an untagged rule only needs what is left of its type.
 */
export function drawShortfall(rules: DrawRule[], pool: PoolEntry[]): string | null {
  for (const r of rules) {
    const have = pool.filter((e) => matches(r, e)).length;
    if (have < r.count) return `题库中${r.tag ? `“${r.tag}”` : ''}${TYPE_NAMES[r.type]}只有 ${have} 道，少于要求的 ${r.count} 道`;
  }
  const byType = new Map<QuestionType, number>();
  for (const r of rules) byType.set(r.type, (byType.get(r.type) ?? 0) + r.count);
  for (const [type, need] of byType) {
    const have = pool.filter((e) => e.type === type).length;
    if (have < need) return `题库中${TYPE_NAMES[type]}只有 ${have} 道，少于各规则合计的 ${need} 道`;
  }
  return null;
}

const TYPE_NAMES: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题', fill: '填空题' };

/**
 * One person's question ids drawn by rules, without repeats. Tagged rules draw before untagged
 * ones; a few random restarts cover pools where tags overlap. Null when no draw fits.
 */
export function drawByRules(rules: DrawRule[], pool: PoolEntry[], rand: () => number): string[] | null {
  const ordered = [...rules].sort((a, b) => Number(a.tag === null) - Number(b.tag === null));
  for (let attempt = 0; attempt < 20; attempt++) {
    const taken = new Set<string>();
    const out: string[] = [];
    let ok = true;
    for (const r of ordered) {
      const candidates = shuffled(
        pool.filter((e) => !taken.has(e.qid) && matches(r, e)),
        rand,
      );
      if (candidates.length < r.count) {
        ok = false;
        break;
      }
      for (const e of candidates.slice(0, r.count)) {
        taken.add(e.qid);
        out.push(e.qid);
      }
    }
    if (ok) return out;
  }
  return null;
}

/** Lay out a paper: question order shuffled (or kept), options of choice questions shuffled (or kept). */
export function layPaper(
  qids: string[],
  questions: Record<string, QuestionContent>,
  opts: { shuffleQuestions: boolean; shuffleOptions: boolean },
  rand: () => number,
): PaperItem[] {
  // Questions keep their type grouping (single, multiple, judge, fill) as paper exams do; within a
  // type the order is shuffled per person.
  const rank: Record<QuestionType, number> = { single: 0, multiple: 1, judge: 2, fill: 3 };
  const ordered = opts.shuffleQuestions ? shuffled(qids, rand) : [...qids];
  ordered.sort((a, b) => rank[questions[a].type] - rank[questions[b].type]);
  return ordered.map((qid) => {
    const q = questions[qid];
    const natural = q.options.map((_, i) => i);
    const order = q.type === 'single' || q.type === 'multiple' ? (opts.shuffleOptions ? shuffled(natural, rand) : natural) : q.type === 'judge' ? natural : [];
    return { qid, order };
  });
}

/** When an attempt must end: the duration from its start, never past the window, plus any extra time. */
export function attemptDeadline(startedAt: number, durationMinutes: number, closesAt: number, extraMinutes: number): number {
  const extra = extraMinutes * 60_000;
  return Math.min(startedAt + durationMinutes * 60_000, closesAt) + extra;
}

/** Requests in flight when the clock runs out are still accepted for this long. */
export const DEADLINE_GRACE_MS = 3_000;

export type ReleasePolicy = 'after_close' | 'after_submit';

/** Whether correct answers and explanations may be shown to a member who has submitted. */
export function answersReleased(policy: ReleasePolicy, closesAt: number, now: number, submitted: boolean): boolean {
  if (!submitted) return now >= closesAt;
  return policy === 'after_submit' || now >= closesAt;
}

/** Score histogram buckets as a share of the total: 0–9 %, 10–19 %, …, 90–100 %. */
export function scoreBucket(score: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(9, Math.floor((score / total) * 10)));
}

export const SCORE_BUCKET_LABELS = ['0-9%', '10-19%', '20-29%', '30-39%', '40-49%', '50-59%', '60-69%', '70-79%', '80-89%', '90-100%'];
