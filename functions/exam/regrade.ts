// Regrading after a wrong key: an exam's pinned question gets the corrected key and every attempt
// carrying it (the exam's and its make-ups', which share the pinned questions) is graded again,
// with the members' best results and the branch counters moved by the difference.
//
// Race-safety: every attempt is rewritten by a conditional update on its `rev` (the same guard a
// submit uses), so of a regrade, a second regrade and a late submit exactly one writes each version
// of an attempt and only that writer moves the per-question counters; an open attempt gets the new
// key and a bumped rev, so a submit racing it grades again with the new key. A member's best result
// is written conditionally on the taker's `v`, which closing an attempt bumps too (grading.ts). A
// rerun with the same key finds nothing left to do, so a crashed run is finished by running it again.

import type { RegradeChange } from '../../core/contracts/exam';
import { gradePaper } from '../../core/domain/exam';
import { OPTION_LETTERS } from '../../core/domain/exam/questions';
import { COLLECTIONS } from '../lib/collections';
import { getById, list, updateWhere, type Database } from '../lib/db';
import { invalid } from '../lib/errors';
import type { ActionContext } from '../lib/router';
import { getMember } from '../org/ports';
import { awardPoints, withdrawPoints } from '../points/ports';
import { takerId } from './ids';
import type { AttemptDoc, BestResult, ExamDoc, KeyEntry, PinnedQuestion, TakerDoc } from './model';
import { bestDelta, incStats, type StatsDelta } from './statistics';

export const REGRADE_NOTICE = '本题答案已更正，成绩已重新计算';

/** What an attempt keeps of each regrade that changed it (shown to its member, without the key). */
export interface RegradeNote {
  at: number;
  qid: string;
  before: number;
  after: number;
  passedBefore: boolean;
  passedAfter: boolean;
}
export type RegradedAttempt = AttemptDoc & { regrades?: RegradeNote[] };
type VersionedTaker = TakerDoc & { v?: number };

/** `_id` = `${sourceExamId}_r${version}`: one regrade, kept for audit. */
export interface RegradeDoc {
  _id: string;
  orgId: string;
  examId: string;
  examIds: string[];
  qid: string;
  stem: string;
  keyBefore: KeyEntry;
  keyAfter: KeyEntry;
  reason: string;
  by: string;
  byName: string;
  at: Date;
  attempts: number;
  changed: number;
  passedBefore: number;
  passedAfter: number;
  bankFixed: boolean;
  doneAt: Date | null;
}

/** The corrected key, checked against the pinned question: it must fit the paper members saw. */
export function correctedKey(q: PinnedQuestion, key: { answer: number[]; blanks: string[][] }): KeyEntry {
  if (q.type === 'fill') {
    const blanks = key.blanks.map((syn) => syn.map((s) => s.trim()).filter((s) => s !== ''));
    if (blanks.length !== q.blanks.length || blanks.some((syn) => syn.length === 0)) throw invalid(`这道填空题有 ${q.blanks.length} 个空，请为每个空填写正确答案`);
    return { type: q.type, answer: [], blanks };
  }
  const answer = [...new Set(key.answer)].sort((a, b) => a - b);
  if (answer.length === 0 || answer.some((i) => i >= q.options.length)) throw invalid('请从题目的选项中选择正确答案');
  if ((q.type === 'single' || q.type === 'judge') && answer.length !== 1) throw invalid('这道题只能有一个正确答案');
  return { type: q.type, answer, blanks: [] };
}

/** A key as organisers read it: "B. 遵义会议", "A. 甲；C. 丙", "正确", "第1空：22 / 二十二；第2空：…". */
export function keyText(options: string[], key: KeyEntry): string {
  // Alternatives apart with " / ", or " | " when one holds a / itself (a date such as 1945/8/15).
  if (key.type === 'fill') return key.blanks.map((syn, i) => `第${i + 1}空：${syn.join(syn.some((a) => /[/／]/.test(a)) ? ' | ' : ' / ')}`).join('；');
  if (key.type === 'judge') return key.answer.map((i) => options[i] ?? '').join('；');
  return key.answer.map((i) => `${OPTION_LETTERS[i]}. ${options[i] ?? ''}`).join('；');
}

export const sameKey = (a: KeyEntry | undefined, b: KeyEntry) => a !== undefined && JSON.stringify([a.answer, a.blanks]) === JSON.stringify([b.answer, b.blanks]);

/** The exam whose pinned questions a regrade corrects (a make-up's original), and its make-ups. */
export async function examFamily(db: Database, exam: ExamDoc): Promise<string[]> {
  const makeups = await list<ExamDoc>(db.collection(COLLECTIONS.exams).where({ orgId: exam.orgId, parentId: exam._id }).field({ _id: true }).limit(100));
  return [exam._id, ...makeups.map((m) => m._id)];
}

/** Every attempt of these exams, one read per 1000. */
export async function familyAttempts(db: Database, examIds: string[]): Promise<RegradedAttempt[]> {
  const _ = db.command;
  const out: RegradedAttempt[] = [];
  for (const examId of examIds) {
    let after = '';
    for (;;) {
      const page = await list<RegradedAttempt>(db.collection(COLLECTIONS.examAttempts).where({ examId, _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000));
      out.push(...page);
      if (page.length < 1000) break;
      after = page[page.length - 1]._id;
    }
  }
  return out;
}

/** An attempt graded with the corrected key (its stored grade when it carries no such question). */
export function regraded(a: AttemptDoc, qid: string, key: KeyEntry) {
  const grade = gradePaper(a.paper, { ...a.key, [qid]: key }, a.answers, a.terms);
  const perQuestion: AttemptDoc['perQuestion'] = {};
  for (const [id, g] of Object.entries(grade.perQuestion)) perQuestion[id] = { earned: g.earned, correct: g.correct };
  return { score: grade.score, passed: grade.score >= a.terms.passScore, correctCount: grade.correctCount, perQuestion };
}

function better(a: BestResult, b: BestResult | null): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return a.seconds < b.seconds;
}

const resultOf = (a: AttemptDoc, score: number, passed: boolean): BestResult => ({ attemptId: a._id, score, passed, seconds: a.seconds ?? 0, submittedAt: a.submittedAt ?? 0 });

/** A member's best of their submitted attempts. */
function bestOf(results: BestResult[]): BestResult | null {
  return results.reduce<BestResult | null>((best, r) => (better(r, best) ? r : best), null);
}

const key = (a: Pick<AttemptDoc, 'examId' | 'memberId'>) => `${a.examId}|${a.memberId}`;

/** What a regrade would change: attempts changed, members passing before and after, the first changes. */
export function previewOf(attempts: RegradedAttempt[], qid: string, key2: KeyEntry, sample = 50) {
  const carrying = attempts.filter((a) => a.status === 'submitted' && a.key[qid] !== undefined);
  const before = new Map<string, BestResult[]>();
  const after = new Map<string, BestResult[]>();
  const changes: RegradeChange[] = [];
  let changed = 0;
  for (const a of attempts.filter((x) => x.status === 'submitted')) {
    const now = a.key[qid] !== undefined ? regraded(a, qid, key2) : { score: a.score ?? 0, passed: a.passed === true };
    const was = { score: a.score ?? 0, passed: a.passed === true };
    (before.get(key(a)) ?? before.set(key(a), []).get(key(a)))?.push(resultOf(a, was.score, was.passed));
    (after.get(key(a)) ?? after.set(key(a), []).get(key(a)))?.push(resultOf(a, now.score, now.passed));
    if (now.score !== was.score || now.passed !== was.passed) {
      changed++;
      if (changes.length < sample) changes.push({ name: a.name, unitId: a.unitId, before: was.score, after: now.score, passedBefore: was.passed, passedAfter: now.passed });
    }
  }
  const passing = (m: Map<string, BestResult[]>) => [...m.values()].filter((rs) => bestOf(rs)?.passed).length;
  return { attempts: carrying.length, changed, passedBefore: passing(before), passedAfter: passing(after), changes };
}

/**
 * One attempt given the corrected key, retried on a lost race against a save, a submit or another
 * regrade. Returns the attempt as stored afterwards and whether this call wrote it.
 */
async function regradeAttempt(ctx: ActionContext, start: RegradedAttempt, qid: string, key2: KeyEntry, now: number): Promise<{ attempt: RegradedAttempt; wrote: boolean; correctDelta: number }> {
  const { db } = ctx.deps;
  const _ = db.command;
  let a = start;
  for (let round = 0; round < 8; round++) {
    if (a.key[qid] === undefined || sameKey(a.key[qid], key2)) return { attempt: a, wrote: false, correctDelta: 0 };
    let update: Record<string, unknown>;
    let next: RegradedAttempt;
    if (a.status === 'open') {
      update = { [`key.${qid}`]: _.set(key2), rev: _.inc(1) };
      next = { ...a, key: { ...a.key, [qid]: key2 }, rev: a.rev + 1 };
    } else {
      const g = regraded(a, qid, key2);
      const note: RegradeNote = { at: now, qid, before: a.score ?? 0, after: g.score, passedBefore: a.passed === true, passedAfter: g.passed };
      update = { [`key.${qid}`]: _.set(key2), score: g.score, passed: g.passed, correctCount: g.correctCount, perQuestion: _.set(g.perQuestion), rev: _.inc(1), regrades: _.push([note]) };
      next = { ...a, ...g, key: { ...a.key, [qid]: key2 }, rev: a.rev + 1, regrades: [...(a.regrades ?? []), note] };
    }
    const won = await updateWhere(db.collection(COLLECTIONS.examAttempts).where({ _id: a._id, status: a.status, rev: a.rev }), update);
    if (won === 1) {
      const was = a.perQuestion[qid]?.correct === true;
      const is = next.perQuestion[qid]?.correct === true;
      // Only graded answers are in the per-question counts (a reopened one was taken out).
      return { attempt: next, wrote: true, correctDelta: a.status === 'submitted' && was !== is ? (is ? 1 : -1) : 0 };
    }
    const fresh = await getById<RegradedAttempt>(db, COLLECTIONS.examAttempts, a._id);
    if (!fresh) return { attempt: a, wrote: false, correctDelta: 0 };
    a = fresh;
  }
  throw new Error(`attempt ${start._id} kept changing while regrading`);
}

const sameBest = (a: BestResult | null, b: BestResult | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A member's best result recomputed from their attempts, written only if the taker document is
 * still the version read (`v`); returns how the winner moves the branch counters. A reopened
 * attempt still running keeps its earlier result in the running (as reopening leaves it), and its
 * close later compares itself with the regraded standing.
 */
async function settleBest(ctx: ActionContext, attempts: RegradedAttempt[], read: VersionedTaker | undefined): Promise<{ delta: StatsDelta; best: BestResult | null }> {
  const { db } = ctx.deps;
  const _ = db.command;
  const first = attempts[0];
  const tid = takerId(first.examId, first.memberId);
  let current = attempts;
  let taker = read ?? (await getById<VersionedTaker>(db, COLLECTIONS.examTakers, tid));
  for (let round = 0; round < 6; round++) {
    if (!taker) return { delta: {}, best: null };
    const running = new Set(current.filter((a) => a.status === 'open').map((a) => a._id));
    const kept = taker.best && running.has(taker.best.attemptId) ? [taker.best] : [];
    const after = bestOf([...kept, ...current.filter((a) => a.status === 'submitted').map((a) => resultOf(a, a.score ?? 0, a.passed === true))]);
    if (sameBest(taker.best, after)) return { delta: {}, best: after };
    const won = await updateWhere(db.collection(COLLECTIONS.examTakers).where({ _id: tid, v: taker.v === undefined ? _.exists(false) : taker.v }), {
      best: _.set(after),
      v: (taker.v ?? 0) + 1,
    });
    if (won === 1) return { delta: bestDelta(taker.best, after, first.total), best: after };
    current = await list<RegradedAttempt>(db.collection(COLLECTIONS.examAttempts).where({ examId: first.examId, memberId: first.memberId }).limit(10));
    taker = await getById<VersionedTaker>(db, COLLECTIONS.examTakers, tid);
  }
  throw new Error(`taker ${tid} kept changing while regrading`);
}

/**
 * The exam-pass points follow the member's standing after the regrade (docs/POINTS.md): a pass
 * earns them as a passing submit does (ref the exam, at the passing attempt's submittedAt, so that
 * day's cap applies; grading.ts `awardPass`), a pass lost has them taken back by a correcting entry
 * (`withdrawPoints`). Both are idempotent, so a rerun, a resumed slice or a twin regrade moves
 * nothing twice. A late submit racing this awards through the same ledger after writing the
 * standing; so after moving points the standing is read again, and if it changed meanwhile the
 * points follow it once more: whichever comes last, the points end as the standing says.
 */
export async function settlePassPoints(ctx: ActionContext, a: Pick<AttemptDoc, 'orgId' | 'examId' | 'memberId'>, best: BestResult | null): Promise<void> {
  const { db, clock } = ctx.deps;
  let standing = best;
  for (let round = 0; round < 4; round++) {
    let moved: boolean;
    if (standing?.passed) {
      const member = await getMember(db, a.memberId);
      if (!member) return;
      moved = (await awardPoints(db, { orgId: a.orgId, memberId: a.memberId, unitId: member.unitId, unitPath: member.unitPath, source: 'exam', ref: a.examId, asked: 1, at: standing.submittedAt || clock.now() })).created;
    } else {
      moved = (await withdrawPoints(db, { memberId: a.memberId, source: 'exam', ref: a.examId, at: clock.now() })).created;
    }
    if (!moved) return;
    const now = (await getById<TakerDoc>(db, COLLECTIONS.examTakers, takerId(a.examId, a.memberId)))?.best ?? null;
    if ((now?.passed === true) === (standing?.passed === true)) return;
    standing = now;
  }
  throw new Error(`points of ${a.examId} for ${a.memberId} kept changing while regrading`);
}

/** Whether a regrade of `qid` ever turned one of these attempts from pass to fail or back. */
const passFlipped = (attempts: RegradedAttempt[], qid: string) => attempts.some((x) => (x.regrades ?? []).some((n) => n.qid === qid && n.passedBefore !== n.passedAfter));

/** The takers of these exams by id, one read per 1000 (a member's standing is re-read only on a lost race). */
async function familyTakers(db: Database, examIds: string[]): Promise<Map<string, VersionedTaker>> {
  const _ = db.command;
  const out = new Map<string, VersionedTaker>();
  for (const examId of examIds) {
    let after = '';
    for (;;) {
      const page = await list<VersionedTaker>(db.collection(COLLECTIONS.examTakers).where({ examId, _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000));
      for (const tk of page) out.set(tk._id, tk);
      if (page.length < 1000) break;
      after = page[page.length - 1]._id;
    }
  }
  return out;
}

/** Run `fn` over `items`, `width` at a time, starting none after `until` (ms); whether all ran. */
async function inParallel<T>(items: T[], width: number, until: number, fn: (item: T) => Promise<void>): Promise<boolean> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && Date.now() < until) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return next >= items.length;
}

/**
 * Work a regrade call does before it answers (the exam function times out at 20 s): a call that
 * runs out answers `done: false` and the next call with the same correction carries on — what is
 * done is found done, so the attempts themselves are the cursor.
 */
export const REGRADE_BUDGET_MS = 10_000;

/**
 * Give every attempt of these exams carrying `qid` the corrected key, then settle each member's
 * best result. Passes repeat until one finds nothing to write (an attempt started while the
 * pinned key was being corrected is caught by the next pass). Returns the attempts this call wrote
 * and whether it finished within its budget.
 */
export async function applyRegrade(ctx: ActionContext, examIds: string[], qid: string, key2: KeyEntry, budgetMs = REGRADE_BUDGET_MS): Promise<{ written: number; done: boolean }> {
  const { db, clock } = ctx.deps;
  const until = Date.now() + budgetMs;
  let written = 0;
  for (let pass = 0; pass < 3; pass++) {
    const byMember = new Map<string, RegradedAttempt[]>();
    for (const a of await familyAttempts(db, examIds)) (byMember.get(key(a)) ?? byMember.set(key(a), []).get(key(a)))?.push(a);
    const takers = await familyTakers(db, examIds);
    let wroteThisPass = 0;
    const all = await inParallel([...byMember.values()], 16, until, async (attempts) => {
      const fresh: RegradedAttempt[] = [];
      let touched = false;
      let correct = 0;
      for (const a of attempts) {
        const r = await regradeAttempt(ctx, a, qid, key2, clock.now());
        fresh.push(r.attempt);
        if (r.wrote) wroteThisPass++;
        correct += r.correctDelta;
        touched ||= r.wrote || (r.attempt.regrades ?? []).some((n) => n.qid === qid);
      }
      if (!touched) return;
      const first = attempts[0];
      // One increment per member: the answers' counts and the standing, from the writes this call won.
      const { delta, best } = await settleBest(ctx, fresh, takers.get(takerId(first.examId, first.memberId)));
      await incStats(db, first.examId, first.unitId, first.orgId, correct !== 0 ? { ...delta, q: { [qid]: { c: correct } } } : delta);
      // Only a member whose pass may have moved (found again on a rerun: the attempts keep their notes).
      if (passFlipped(fresh, qid)) await settlePassPoints(ctx, first, best);
    });
    written += wroteThisPass;
    if (!all) return { written, done: false };
    if (wroteThisPass === 0) break;
  }
  return { written, done: true };
}
