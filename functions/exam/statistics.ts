// The counters (rule 9): one document per exam and branch, created at publish and moved by atomic
// increments as attempts start and close; and how the organisers' views read and sum them.

import type { UnitStats } from '../../core/contracts/exam';
import { SCORE_BUCKET_LABELS, scoreBucket } from '../../core/domain/exam';
import { COLLECTIONS } from '../lib/collections';
import { insert, isDuplicateKeyError, list, updateById, type Database } from '../lib/db';
import type { UnitDoc } from '../lib/model';
import { listAllByKey, READ_CEILING } from '../lib/paging';
import type { ActionContext } from '../lib/router';
import { statsId } from './ids';
import type { AttemptDoc, BestResult, ExamDoc, StatsDoc } from './model';

// ---------------------------------------------------------------------------------------------
// Keeping them

function zeroStats(examId: string, unitId: string, orgId: string): StatsDoc {
  const hist: Record<string, number> = {};
  for (let b = 0; b < 10; b++) hist[`b${b}`] = 0;
  return {
    _id: statsId(examId, unitId),
    examId,
    unitId,
    orgId,
    invited: 0,
    started: 0,
    submitted: 0,
    passed: 0,
    failed: 0,
    flagged: 0,
    scoreSum: 0,
    secondsSum: 0,
    hist,
    q: {},
  };
}

export async function ensureStats(db: Database, examId: string, unitId: string, orgId: string): Promise<void> {
  try {
    await insert(db, COLLECTIONS.examStats, { ...zeroStats(examId, unitId, orgId) });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/** Numbers to add, as a nested object of plain numbers; turned into _.inc here. */
export type StatsDelta = { [field: string]: number | StatsDelta };

function toInc(db: Database, delta: StatsDelta): Record<string, unknown> {
  const _ = db.command;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(delta)) out[k] = typeof v === 'number' ? _.inc(v) : toInc(db, v);
  return out;
}

export async function incStats(db: Database, examId: string, unitId: string, orgId: string, delta: StatsDelta): Promise<void> {
  if (Object.keys(delta).length === 0) return;
  const data = toInc(db, delta);
  if ((await updateById(db, COLLECTIONS.examStats, statsId(examId, unitId), data)) > 0) return;
  // A branch that joined an org-wide exam after it was published: create its counters once.
  await ensureStats(db, examId, unitId, orgId);
  await updateById(db, COLLECTIONS.examStats, statsId(examId, unitId), data);
}

/** How a member's best result moving from `before` to `after` changes the branch counters. */
export function bestDelta(before: BestResult | null, after: BestResult | null, total: number): StatsDelta {
  const d: Record<string, number> = {};
  const hist: Record<string, number> = {};
  const add = (k: string, n: number) => {
    d[k] = (d[k] ?? 0) + n;
  };
  const addHist = (b: number, n: number) => {
    hist[`b${b}`] = (hist[`b${b}`] ?? 0) + n;
  };
  for (const [r, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!r) continue;
    add('submitted', sign);
    add(r.passed ? 'passed' : 'failed', sign);
    add('scoreSum', sign * r.score);
    add('secondsSum', sign * r.seconds);
    addHist(scoreBucket(r.score, total), sign);
  }
  const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n !== 0));
  const histChanges = nonZero(hist);
  return Object.keys(histChanges).length > 0 ? { ...nonZero(d), hist: histChanges } : nonZero(d);
}

/** An attempt's graded answers in the per-question counts: 1 when it closes, -1 when it is reopened. */
export function questionDelta(perQuestion: AttemptDoc['perQuestion'], sign: 1 | -1): StatsDelta {
  const q: StatsDelta = {};
  for (const [qid, g] of Object.entries(perQuestion)) q[qid] = { n: sign, c: g.correct ? sign : 0 };
  return q;
}

// ---------------------------------------------------------------------------------------------
// Reading them

/**
 * The counters of the units an organiser may see (`units`). All of the exam's are read, in pages of
 * 1,000 by unit id (an org-wide exam of a big organisation passes the 1,000 one read returns).
 */
export async function statsOf(ctx: ActionContext, exam: ExamDoc, units: UnitDoc[]): Promise<StatsDoc[]> {
  const docs = await listAllByKey<StatsDoc>(ctx.deps.db, COLLECTIONS.examStats, { examId: exam._id }, 'unitId');
  const visible = new Set(units.map((u) => u._id));
  return docs.filter((d) => visible.has(d.unitId));
}

/** The counters a list of exams reads at most; past it the read fails rather than drop figures. */
const MAX_LISTED_COUNTERS = 50_000;

/**
 * Every counter of several exams (a page of the organisers' list), read together in pages of 1,000
 * in (exam, unit) order: one read while they fit, as they mostly do; past that, each next page takes
 * the last exam read from after its last unit, and the exams not reached yet whole. An exam seen in a
 * page other than its last one is complete (its counters all sort before that page's last), and one
 * still listed that sorted before it has none. Throws rather than return part of the set.
 */
export async function statsOfExams(db: Database, examIds: string[]): Promise<StatsDoc[]> {
  const _ = db.command;
  const all: StatsDoc[] = [];
  let open = [...new Set(examIds)];
  let last: StatsDoc | null = null;
  while (open.length > 0 || last !== null) {
    const rest = open.length > 0 ? [{ examId: _.in(open) }] : [];
    const where: object = last === null ? rest[0] : _.or([{ examId: last.examId, unitId: _.gt(last.unitId) }, ...rest]);
    const page: StatsDoc[] = await list<StatsDoc>(db.collection(COLLECTIONS.examStats).where(where).orderBy('examId', 'asc').orderBy('unitId', 'asc').limit(READ_CEILING));
    all.push(...page);
    if (all.length > MAX_LISTED_COUNTERS) throw new Error(`statsOfExams: more than ${MAX_LISTED_COUNTERS} counters; refusing a partial read`);
    if (page.length < READ_CEILING) return all;
    const seen = new Set(page.map((d) => d.examId));
    open = open.filter((id) => !seen.has(id));
    last = page[page.length - 1];
  }
  return all;
}

export function unitStats(unit: { _id: string; name: string }, audience: number, s: StatsDoc | undefined): UnitStats {
  const submitted = s?.submitted ?? 0;
  const handRecorded = s?.paper ?? 0;
  return {
    unitId: unit._id,
    unitName: unit.name,
    audience,
    started: s?.started ?? 0,
    submitted,
    inProgress: Math.max(0, (s?.started ?? 0) - submitted),
    absent: Math.max(0, audience - (s?.started ?? 0)),
    passed: s?.passed ?? 0,
    failed: s?.failed ?? 0,
    flagged: s?.flagged ?? 0,
    averageScore: submitted > 0 ? Math.round(((s?.scoreSum ?? 0) / submitted) * 10) / 10 : null,
    // Hand-recorded results have no time: the average is over the timed (online) ones.
    averageSeconds: submitted - handRecorded > 0 ? Math.round((s?.secondsSum ?? 0) / (submitted - handRecorded)) : null,
    handRecorded,
    distribution: SCORE_BUCKET_LABELS.map((_, b) => s?.hist[`b${b}`] ?? 0),
  };
}

export function sumStats(list: StatsDoc[], examId: string, orgId: string): StatsDoc {
  const total: StatsDoc = { ...zeroStats(examId, 'all', orgId), _id: 'all' };
  for (const s of list) {
    for (const k of ['invited', 'started', 'submitted', 'passed', 'failed', 'flagged', 'scoreSum', 'secondsSum'] as const) total[k] += s[k] ?? 0;
    total.paper = (total.paper ?? 0) + (s.paper ?? 0);
    for (const [b, n] of Object.entries(s.hist ?? {})) total.hist[b] = (total.hist[b] ?? 0) + n;
    for (const [qid, v] of Object.entries(s.q ?? {})) {
      const t = (total.q[qid] ??= { n: 0, c: 0 });
      t.n += v.n;
      t.c += v.c;
    }
  }
  return total;
}
