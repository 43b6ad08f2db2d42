// What the exam context tells other contexts, read through its own collections (rule 3).

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { ExamDoc } from './model';

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
