// What the exam context tells other contexts, read through its own collections (rule 3).

import { isPracticeSafe } from '../../core/domain/exam/practice';
import type { QuestionContent } from '../../core/domain/exam/questions';
import type { ExamFact } from '../../core/domain/today';
import { COLLECTIONS } from '../lib/collections';
import { count, list, type Database } from '../lib/db';
import type { Caller } from '../org/ports';
import { ownedExams } from './access';
import { takerId } from './ids';
import { ALL_UNITS, type ExamDoc, type QuestionDoc, type TakerDoc } from './model';

/** Titles of published exams still open or upcoming whose audience names one of `unitIds`. */
export async function openExamsFor(db: Database, orgId: string, unitIds: string[], now: number): Promise<string[]> {
  const _ = db.command;
  const docs = await list<ExamDoc>(
    db.collection(COLLECTIONS.exams).where({ orgId, status: 'published', audience: _.in(unitIds), closesAt: _.gt(now) }).limit(20),
  );
  return docs.map((e) => e.title);
}

export interface ExamRollupRow {
  examId: string;
  title: string;
  kind: 'exam' | 'makeup';
  opensAt: number;
  closesAt: number;
  /** Units of the exam's audience (or 'ALL') and whether only invited members may take it. */
  audience: string[];
  inviteOnly: boolean;
  /** Summed over the asked units' counters. */
  invited: number;
  started: number;
  submitted: number;
  passed: number;
}

/**
 * Published exams whose window overlaps [from, to), with their counters summed over `unitIds`
 * (a subtree): two reads (the exams, one aggregate of their per-unit counters) whatever the
 * subtree's size.
 */
export async function examRollup(db: Database, orgId: string, unitIds: string[], from: number, to: number): Promise<ExamRollupRow[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const exams = await list<ExamDoc>(
    db.collection(COLLECTIONS.exams).where({ orgId, status: 'published', closesAt: _.gt(from) }).orderBy('closesAt', 'asc').limit(50),
  );
  const inPeriod = exams.filter((e) => e.opensAt < to).slice(0, 20);
  if (inPeriod.length === 0) return [];
  const res = await db
    .collection(COLLECTIONS.examStats)
    .aggregate()
    .match({ examId: _.in(inPeriod.map((e) => e._id)), unitId: _.in(unitIds) })
    .group({ _id: '$examId', invited: $.sum('$invited'), started: $.sum('$started'), submitted: $.sum('$submitted'), passed: $.sum('$passed') })
    .limit(50)
    .end();
  const sums = new Map((res as { list: Array<{ _id: string; invited: number; started: number; submitted: number; passed: number }> }).list.map((r) => [r._id, r]));
  return inPeriod.map((e) => {
    const s = sums.get(e._id);
    return {
      examId: e._id,
      title: e.title,
      kind: e.kind,
      opensAt: e.opensAt,
      closesAt: e.closesAt,
      audience: e.audience,
      inviteOnly: e.inviteOnly,
      invited: s?.invited ?? 0,
      started: s?.started ?? 0,
      submitted: s?.submitted ?? 0,
      passed: s?.passed ?? 0,
    };
  });
}

/** Has the organisation made any exam yet (the set-up checklist's "first activity")? One read. */
export async function hasAnyExam(db: Database, orgId: string): Promise<boolean> {
  return (await list<ExamDoc>(db.collection(COLLECTIONS.exams).where({ orgId }).limit(1))).length > 0;
}

/** A question practice may serve, with its key: for the server only (the key goes out after the answer). */
export type PracticeQuestion = Pick<QuestionContent, 'type' | 'stem' | 'options' | 'answer' | 'blanks' | 'explanation' | 'tags' | 'difficulty'> & {
  id: string;
  version: number;
};

/** What a practice read takes of a question: its content, version and the fields the rule reads. */
const PRACTICE_FIELDS = Object.fromEntries(
  ['type', 'stem', 'options', 'answer', 'blanks', 'explanation', 'tags', 'difficulty', 'version', 'status', 'examOnly', 'pinnedUntil'].map((f) => [f, true]),
);

function toPracticeQuestion(q: QuestionDoc): PracticeQuestion {
  return {
    id: q._id,
    version: q.version,
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    blanks: q.blanks,
    explanation: q.explanation,
    tags: q.tags,
    difficulty: q.difficulty,
  };
}

/**
 * Up to `limit` (at most 1000) questions of the organisation that practice may serve at `now`:
 * active, not exam-only, pinned by no window that may still be open (docs/EXAMS.md, "What practice
 * may serve"). One query on the index `orgId, status, examOnly, pinnedUntil`, in `_id` order (ids
 * derive from content hashes, so this is no bias to old or new questions); `after` continues from
 * the last id of a previous page. Every row is checked again with the rule itself.
 */
export async function practiceQuestions(db: Database, orgId: string, now: number, limit: number, after: string | null = null): Promise<PracticeQuestion[]> {
  const _ = db.command;
  const where = {
    orgId,
    status: 'active',
    examOnly: _.neq(true),
    pinnedUntil: _.or(_.lte(now), _.exists(false)),
    ...(after ? { _id: _.gt(after) } : {}),
  };
  const docs = await list<QuestionDoc & { examOnly?: boolean }>(
    db
      .collection(COLLECTIONS.questions)
      .where(where)
      .field(PRACTICE_FIELDS)
      .orderBy('_id', 'asc')
      .limit(Math.min(Math.max(1, Math.floor(limit)), 1000)),
  );
  return docs.filter((q) => isPracticeSafe(q, now)).map(toPracticeQuestion);
}

/**
 * The member's exam and make-up windows open at `now` (今日任务), with their own standing: the
 * published windows of their audience that close after `now` (one query on the members' list
 * index, the 50 closing soonest), then their taker documents by id (one read, none when no window
 * is open). A make-up is theirs only when it invited them.
 */
export async function openWindowsFor(db: Database, member: { _id: string; orgId: string; unitPath: string[] }, now: number): Promise<ExamFact[]> {
  const _ = db.command;
  const exams = await list<ExamDoc>(
    db
      .collection(COLLECTIONS.exams)
      .where({ orgId: member.orgId, status: 'published', audience: _.in([...member.unitPath, ALL_UNITS]), closesAt: _.gt(now) })
      .orderBy('closesAt', 'asc')
      .limit(50),
  );
  const open = exams.filter((e) => e.opensAt <= now);
  if (open.length === 0) return [];
  const ids = open.map((e) => takerId(e._id, member._id));
  const takers = await list<TakerDoc>(db.collection(COLLECTIONS.examTakers).where({ _id: _.in(ids) }).limit(ids.length));
  const byExam = new Map(takers.map((t) => [t.examId, t]));
  return open
    .filter((e) => !e.inviteOnly || byExam.get(e._id)?.invited === true)
    .map((e) => {
      const t = byExam.get(e._id);
      return {
        examId: e._id,
        title: e.title,
        kind: e.kind,
        opensAt: e.opensAt,
        closesAt: e.closesAt,
        inProgress: Boolean(t?.openAttemptId),
        submittedAt: t?.lastSubmittedAt ?? null,
      };
    });
}

/** Ids one practice read may name (a round reads a few candidates, never the whole pool). */
export const PRACTICE_IDS_MAX = 100;

/**
 * The questions among `ids` (at most PRACTICE_IDS_MAX) that practice may serve at `now`, with
 * their keys, in no particular order: one query by `_id` that filters practice-safety too, so a
 * question made exam-only or pinned by a window published after a practice pool named it is
 * still never served. Every row is checked again with the rule itself.
 */
export async function practiceQuestionsByIds(db: Database, orgId: string, ids: readonly string[], now: number): Promise<PracticeQuestion[]> {
  const wanted = [...new Set(ids)].slice(0, PRACTICE_IDS_MAX);
  if (wanted.length === 0) return [];
  const _ = db.command;
  const docs = await list<QuestionDoc & { examOnly?: boolean }>(
    db
      .collection(COLLECTIONS.questions)
      .where({ _id: _.in(wanted), orgId, status: 'active', examOnly: _.neq(true), pinnedUntil: _.or(_.lte(now), _.exists(false)) })
      .field(PRACTICE_FIELDS)
      .limit(wanted.length),
  );
  return docs.filter((q) => isPracticeSafe(q, now)).map(toPracticeQuestion);
}

export interface ExamTallyRow extends Omit<ExamRollupRow, 'invited' | 'started' | 'submitted' | 'passed'> {
  /** Counters summed per group of units (a subtree's direct children) and over the whole (key ''). */
  byGroup: Map<string, { invited: number; started: number; submitted: number; passed: number }>;
}

/**
 * Published exams whose window overlaps [from, to), with their counters summed for each group of
 * units (`groupOf` maps each unit of a subtree to its group, null for a unit counted in the whole
 * only) and for the whole under the key ''. Two reads whatever the subtree's size (the exams; one
 * aggregate of their per-unit counters by exam and unit, a page per 1000 rows).
 */
export async function examTallies(db: Database, orgId: string, groupOf: ReadonlyMap<string, string | null>, from: number, to: number): Promise<ExamTallyRow[]> {
  const _ = db.command;
  const $ = _.aggregate;
  const exams = await list<ExamDoc>(
    db.collection(COLLECTIONS.exams).where({ orgId, status: 'published', closesAt: _.gt(from) }).orderBy('closesAt', 'asc').limit(50),
  );
  const inPeriod = exams.filter((e) => e.opensAt < to).slice(0, 20);
  if (inPeriod.length === 0) return [];
  const rows = new Map(inPeriod.map((e) => [e._id, new Map<string, { invited: number; started: number; submitted: number; passed: number }>()]));
  const PAGE = 1000;
  for (let skip = 0; ; skip += PAGE) {
    const res = (await db
      .collection(COLLECTIONS.examStats)
      .aggregate()
      .match({ examId: _.in(inPeriod.map((e) => e._id)), unitId: _.in([...groupOf.keys()]) })
      .group({ _id: { examId: '$examId', unitId: '$unitId' }, invited: $.sum('$invited'), started: $.sum('$started'), submitted: $.sum('$submitted'), passed: $.sum('$passed') })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(PAGE)
      .end()) as { list: Array<{ _id: { examId: string; unitId: string }; invited: number; started: number; submitted: number; passed: number }> };
    for (const r of res.list) {
      const byGroup = rows.get(r._id.examId);
      if (!byGroup) continue;
      for (const key of ['', groupOf.get(r._id.unitId) ?? null]) {
        if (key === null) continue;
        const s = byGroup.get(key) ?? { invited: 0, started: 0, submitted: 0, passed: 0 };
        byGroup.set(key, { invited: s.invited + r.invited, started: s.started + r.started, submitted: s.submitted + r.submitted, passed: s.passed + r.passed });
      }
    }
    if (res.list.length < PAGE) break;
  }
  return inPeriod.map((e) => ({
    examId: e._id,
    title: e.title,
    kind: e.kind,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    audience: e.audience,
    inviteOnly: e.inviteOnly,
    byGroup: rows.get(e._id)!,
  }));
}

/**
 * Open question reports (纠错) the organiser may act on: the organisation's for an org admin, those
 * on exams their subtrees own otherwise. One count (three reads for a unit organiser).
 */
export async function openReportCount(db: Database, me: Caller): Promise<number> {
  const _ = db.command;
  if (me.role === 'org_admin') return count(db.collection(COLLECTIONS.questionReports).where({ orgId: me.orgId, status: 'open' }));
  const owned = await ownedExams(db, me);
  if (owned.examIds.length === 0) return 0;
  return count(db.collection(COLLECTIONS.questionReports).where({ orgId: me.orgId, status: 'open', examId: _.in(owned.examIds) }));
}

/** An exam as a campaign attaches it (专项行动, docs/CAMPAIGNS.md): what its reach and page need. */
export interface ExamBrief {
  examId: string;
  title: string;
  /** Units of the audience, or ['ALL']. */
  audience: string[];
  inviteOnly: boolean;
  status: 'draft' | 'published';
  opensAt: number;
  closesAt: number;
}

/** The organisation's exams among `ids` (at most 50): one read by `_id`. */
export async function examsByIds(db: Database, orgId: string, ids: readonly string[]): Promise<ExamBrief[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const docs = await list<ExamDoc>(
    db
      .collection(COLLECTIONS.exams)
      .where({ _id: _.in([...ids]), orgId })
      .field({ title: true, audience: true, inviteOnly: true, status: true, opensAt: true, closesAt: true })
      .limit(ids.length),
  );
  return docs.map((e) => ({ examId: e._id, title: e.title, audience: e.audience, inviteOnly: e.inviteOnly === true, status: e.status, opensAt: e.opensAt, closesAt: e.closesAt }));
}

/** Counters of each of `examIds` (at most 50) summed over `unitIds` (a subtree, at most 1000): one aggregate. */
export async function examCounters(
  db: Database,
  examIds: readonly string[],
  unitIds: readonly string[],
): Promise<Map<string, { invited: number; started: number; submitted: number; passed: number }>> {
  if (examIds.length === 0 || unitIds.length === 0) return new Map();
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.examStats)
    .aggregate()
    .match({ examId: _.in([...examIds]), unitId: _.in([...unitIds]) })
    .group({ _id: '$examId', invited: $.sum('$invited'), started: $.sum('$started'), submitted: $.sum('$submitted'), passed: $.sum('$passed') })
    .limit(examIds.length)
    .end()) as { list: Array<{ _id: string; invited: number; started: number; submitted: number; passed: number }> };
  return new Map(res.list.map((r) => [r._id, { invited: r.invited, started: r.started, submitted: r.submitted, passed: r.passed }]));
}
