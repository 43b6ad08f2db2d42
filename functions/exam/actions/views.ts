// Organiser views of one exam: live monitor, per-branch statistics (from the counters, never by
// scanning attempts), the branch roster with the 缺考 list, reminders to absentees, and the xlsx
// export. Branch organisers see their branches; org admins see all.

import type { ExamResponses, QuestionStat, RosterRow, UnitStats } from '../../../core/contracts/exam';
import { isAnswered, SCORE_BUCKET_LABELS } from '../../../core/domain/exam';
import { QUESTION_TYPE_LABELS } from '../../../core/domain/questions';
import { formatBeijing } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import { type Caller, getUnit, mayManage, requireOrganiser } from '../../org/ports';
import { audienceReaches } from '../../../core/domain/units';
import type { UnitDoc } from '../../lib/model';
import { clip, spendCredit, templateId } from '../../lib/reminders';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';
import { ALL_UNITS, type AttemptDoc, type ExamDoc, type StatsDoc } from '../model';
import { branchRoster } from '../roster';
import { closeAttempt, examForOrganiser, examPhase, GRACE_MS, loadPinned, loadPool, visibleUnits } from '../shared';

export async function examMonitor(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['examMonitor']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const units = await visibleUnits(db, me, exam);
  const names = new Map(units.map((u) => [u._id, u.name]));
  const open = await list<AttemptDoc>(
    db.collection(COLLECTIONS.examAttempts).where({ examId: exam._id, status: 'open' }).orderBy('deadline', 'asc').limit(500),
  );
  const stats = await statsOf(ctx, exam, units);
  const mine = open.filter((a) => names.has(a.unitId));
  const now = clock.now();
  return {
    examId: exam._id,
    title: exam.title,
    phase: examPhase(exam, now),
    serverNow: now,
    inProgress: mine.length,
    submitted: stats.reduce((n, s) => n + s.submitted, 0),
    flagged: stats.reduce((n, s) => n + s.flagged, 0),
    attempts: mine.map((a) => ({
      attemptId: a._id,
      memberId: a.memberId,
      name: a.name,
      unitName: names.get(a.unitId) ?? '',
      startedAt: a.startedAt,
      deadline: a.deadline,
      answeredCount: a.paper.filter((p) => isAnswered(a.key[p.qid], a.answers[p.qid])).length,
      questionCount: a.paper.length,
      switchCount: a.switchCount,
      flagged: a.flagged,
    })),
  };
}

async function statsOf(ctx: ActionContext, exam: ExamDoc, units: UnitDoc[]): Promise<StatsDoc[]> {
  const docs = await list<StatsDoc>(ctx.deps.db.collection(COLLECTIONS.examStats).where({ examId: exam._id }).limit(1000));
  const visible = new Set(units.map((u) => u._id));
  return docs.filter((d) => visible.has(d.unitId));
}

function unitStats(unit: { _id: string; name: string }, audience: number, s: StatsDoc | undefined): UnitStats {
  const submitted = s?.submitted ?? 0;
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
    averageSeconds: submitted > 0 ? Math.round((s?.secondsSum ?? 0) / submitted) : null,
    distribution: SCORE_BUCKET_LABELS.map((_, b) => s?.hist[`b${b}`] ?? 0),
  };
}

function sumStats(list: StatsDoc[], examId: string, orgId: string): StatsDoc {
  const total: StatsDoc = { _id: 'all', examId, unitId: 'all', orgId, invited: 0, started: 0, submitted: 0, passed: 0, failed: 0, flagged: 0, scoreSum: 0, secondsSum: 0, hist: {}, q: {} };
  for (const s of list) {
    for (const k of ['invited', 'started', 'submitted', 'passed', 'failed', 'flagged', 'scoreSum', 'secondsSum'] as const) total[k] += s[k] ?? 0;
    for (const [b, n] of Object.entries(s.hist ?? {})) total.hist[b] = (total.hist[b] ?? 0) + n;
    for (const [qid, v] of Object.entries(s.q ?? {})) {
      const t = (total.q[qid] ??= { n: 0, c: 0 });
      t.n += v.n;
      t.c += v.c;
    }
  }
  return total;
}

export async function examStats(input: { examId: string; unitId?: string | null }, ctx: ActionContext): Promise<ExamResponses['examStats']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  let units = await visibleUnits(db, me, exam);
  if (input.unitId) {
    units = units.filter((u) => u._id === input.unitId);
    if (units.length === 0) throw forbidden('您不是该支部的管理员');
  }
  const stats = await statsOf(ctx, exam, units);
  const byUnit = new Map(stats.map((s) => [s.unitId, s]));
  const audienceOf = (u: UnitDoc) => (exam.inviteOnly ? byUnit.get(u._id)?.invited ?? 0 : u.memberCount);
  const rows = units.filter((u) => !exam.inviteOnly || byUnit.has(u._id)).map((u) => unitStats(u, audienceOf(u), byUnit.get(u._id)));
  const total = sumStats(stats, exam._id, exam.orgId);
  const overall = unitStats({ _id: 'all', name: '合计' }, rows.reduce((n, r) => n + r.audience, 0), total);
  const pool = await loadPool(db, exam._id);
  // Fixed papers list questions in paper order; drawn papers list those answered, most answered first.
  const qids = exam.paper.mode === 'fixed' ? pool.pool.map((p) => p.qid) : Object.keys(total.q).filter((q) => total.q[q].n > 0).sort((a, b) => total.q[b].n - total.q[a].n);
  const pinned = await loadPinned(db, pool.source, qids);
  const questions: QuestionStat[] = qids.map((qid, i) => {
    const q = pinned[qid];
    const s = total.q[qid] ?? { n: 0, c: 0 };
    return { qid, index: i + 1, type: q.type, stem: q.stem, answered: s.n, correct: s.c, accuracy: s.n > 0 ? Math.round((s.c / s.n) * 1000) / 10 : null };
  });
  return { examId: exam._id, title: exam.title, kind: exam.kind, parentId: exam.parentId, totalScore: exam.totalScore, passScore: exam.passScore, phase: examPhase(exam, clock.now()), units: rows, overall, questions };
}

async function branchOf(ctx: ActionContext, me: Caller, exam: ExamDoc, unitId: string): Promise<UnitDoc> {
  const unit = await getUnit(ctx.deps.db, unitId);
  if (!unit || unit.orgId !== exam.orgId || unit.parentId === null) throw notFound('找不到该支部');
  if (!mayManage(me, unit)) throw forbidden('您不是该组织的管理员');
  if (!audienceReaches(exam.audience, unit.path, ALL_UNITS)) throw notFound('这场考试不面向该组织');
  return unit;
}

export async function examRoster(
  input: { examId: string; unitId: string; filter: 'all' | 'absent' | 'passed' | 'failed' | 'flagged' | 'in_progress' },
  ctx: ActionContext,
): Promise<ExamResponses['examRoster']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const unit = await branchOf(ctx, me, exam, input.unitId);
  const roster = await branchRoster(db, exam, unit._id, true);
  const all: RosterRow[] = roster.rows.map(({ openid: _o, ...row }) => row);
  const rows = all.filter((r) => input.filter === 'all' || (input.filter === 'flagged' ? r.flagged : r.status === input.filter));
  const absent = all.filter((r) => r.status === 'absent').map((r) => r.name);
  return {
    examId: exam._id,
    unitId: unit._id,
    unitName: unit.name,
    rows,
    absentText: absent.length ? `「${exam.title}」尚未参加（${absent.length}人）：${absent.join('、')}` : '',
    leaders: {
      total: all.filter((r) => r.leader).length,
      taken: all.filter((r) => r.leader && (r.status === 'passed' || r.status === 'failed')).length,
      passed: all.filter((r) => r.leader && r.status === 'passed').length,
    },
  };
}

export async function remindAbsentees(input: { examId: string; unitId: string }, ctx: ActionContext): Promise<ExamResponses['remindAbsentees']> {
  const { db, notify, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const unit = await branchOf(ctx, me, exam, input.unitId);
  if (clock.now() >= exam.closesAt) throw forbidden('考试已结束，无需提醒');
  const roster = await branchRoster(db, exam, unit._id, true);
  let sent = 0;
  let withoutCredit = 0;
  for (const r of roster.rows.filter((x) => x.status === 'absent')) {
    if (!r.openid || !r.hasReminderCredit || !(await spendCredit(db, r.memberId, 'exam'))) {
      withoutCredit++;
      continue;
    }
    const ok = await notify.send({
      openid: r.openid,
      templateId: templateId('exam'),
      page: `subpackages/exam/intro?id=${exam._id}`,
      data: {
        thing1: { value: clip(exam.title) },
        time2: { value: formatBeijing(exam.closesAt) },
        thing3: { value: clip(`${unit.name}提醒您按时参加考试`) },
      },
    });
    if (ok) sent++;
    else withoutCredit++;
  }
  return { sent, withoutCredit };
}

export async function exportResults(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['exportResults']> {
  const { db, storage, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const units = await visibleUnits(db, me, exam);
  const statusLabel: Record<RosterRow['status'], string> = { absent: '缺考', in_progress: '答题中', passed: '及格', failed: '不及格' };
  const results: Array<Array<string | number | null>> = [['支部', '姓名', '状态', '成绩', '总分', '用时（分钟）', '交卷时间', '答题次数', '切屏标记', '补时（分钟）']];
  for (const unit of units) {
    const roster = await branchRoster(db, exam, unit._id, false);
    for (const r of roster.rows) {
      results.push([
        unit.name,
        r.name,
        statusLabel[r.status],
        r.score,
        exam.totalScore,
        r.durationSeconds === null ? null : Math.round((r.durationSeconds / 60) * 10) / 10,
        r.submittedAt === null ? null : formatBeijing(r.submittedAt),
        r.attempts,
        r.flagged ? '是' : '',
        r.extraMinutes || null,
      ]);
    }
  }
  const stats = await examStats({ examId: exam._id }, ctx);
  const perQuestion: Array<Array<string | number | null>> = [['序号', '题型', '题干', '考到人次', '答对人次', '正确率（%）']];
  for (const q of stats.questions) perQuestion.push([q.index, QUESTION_TYPE_LABELS[q.type], q.stem, q.answered, q.correct, q.accuracy]);
  const perUnit: Array<Array<string | number | null>> = [['支部', '应考', '已交卷', '答题中', '未参加', '及格', '不及格', '平均分', '平均用时（分钟）', '切屏标记']];
  for (const u of [...stats.units, stats.overall]) {
    perUnit.push([u.unitName, u.audience, u.submitted, u.inProgress, u.absent, u.passed, u.failed, u.averageScore, u.averageSeconds === null ? null : Math.round((u.averageSeconds / 60) * 10) / 10, u.flagged]);
  }
  const bytes = await writeWorkbook([
    { name: '成绩', rows: results, widths: [16, 10, 8, 8, 8, 12, 18, 10, 10, 12] },
    { name: '支部统计', rows: perUnit, widths: [16, 8, 8, 8, 8, 8, 8, 8, 16, 10] },
    { name: '题目统计', rows: perQuestion, widths: [6, 8, 60, 10, 10, 12] },
  ]);
  const stamp = formatBeijing(clock.now()).replace(/[-: ]/g, '');
  const fileName = `${exam.title}-成绩-${stamp}.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  const fileID = await storage.upload(`exports/exam/${exam._id}/${stamp}-${me._id}.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), fileName };
}

/** Close attempts whose deadline has passed (timer trigger; organisers may also run it). */
export async function sweepExpired(ctx: ActionContext): Promise<{ closed: number }> {
  const { db, clock } = ctx.deps;
  const _ = db.command;
  const due = await list<AttemptDoc>(
    db.collection(COLLECTIONS.examAttempts).where({ status: 'open', deadline: _.lt(clock.now() - GRACE_MS) }).orderBy('deadline', 'asc').limit(100),
  );
  let closed = 0;
  for (const a of due) {
    const after = await closeAttempt(ctx, a, 'deadline');
    if (after.closedBy === 'deadline') closed++;
  }
  return { closed };
}

export async function sweepAttempts(_input: object, ctx: ActionContext): Promise<ExamResponses['sweepAttempts']> {
  await requireOrganiser(ctx);
  return sweepExpired(ctx);
}
