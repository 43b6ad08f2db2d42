// draftExamReport: once an exam has closed, an organiser who may view its figures drafts a post
// from them — participation and pass rate overall and per unit they see, the average score, the
// questions most often answered wrong (stems shortened, never a key) — written by the feed through
// its public module as plain paragraphs (core/domain/report.ts), to edit and publish from
// 宣传文章管理. One draft per exam and organiser, owned by them; drafting again refreshes it until
// it is published.
// The missed questions are left out while any window may still put them on a paper (a make-up of
// this exam, or another exam sharing them): their bank pin (`pinnedUntil`, raised by every window
// to its close + 24 h) reaching past this exam's own. Members would read them in the feed.
// Reads: identity, the exam (+1 for a unit organiser), the units it reaches, its counters, its
// pool, the pinned stems and bank pins of at most three questions (none when nobody missed one),
// the name of the unit it speaks for when not among those (an org admin's: the organisation),
// the draft post; one write.

import type { ExamResponses } from '../../../core/contracts/exam';
import { KEY_HOLD_LOOKBACK_MS } from '../../../core/domain/exam/keys';
import { examReportParagraphs, type ExamUnitFacts, REPORT_MISSED, reportTitle } from '../../../core/domain/report';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { AppError, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { saveReportDraft } from '../../feed/ports';
import { getUnit, requireOrganiser, scopeIds } from '../../org/ports';
import { examForOrganiser, visibleUnits } from '../access';
import { ALL_UNITS, type QuestionDoc } from '../model';
import { loadPinned, loadPool } from '../pinned';
import { statsOf, sumStats, unitStats } from '../statistics';

export async function draftExamReport(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['draftExamReport']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const now = clock.now();
  if (exam.status !== 'published' || now < exam.closesAt) throw precondition('考试结束后才能生成考试总结');
  const units = await visibleUnits(db, me, exam);
  const stats = await statsOf(ctx, exam, units);
  const byUnit = new Map(stats.map((s) => [s.unitId, s]));
  const audienceOf = (id: string, members: number) => (exam.inviteOnly ? (byUnit.get(id)?.invited ?? 0) : members);
  // Units with someone asked or someone who took it: a committee above the branches, with no
  // members of its own, has nothing to say.
  const rows = units
    .map((u) => unitStats(u, audienceOf(u._id, u.memberCount), byUnit.get(u._id)))
    .filter((r) => r.audience > 0 || r.submitted > 0)
    .map((r): ExamUnitFacts => ({ name: r.unitName, asked: r.audience, took: r.submitted, passed: r.passed }));
  const total = sumStats(stats, exam._id, exam.orgId);
  const overall = unitStats({ _id: 'all', name: '合计' }, rows.reduce((n, r) => n + r.asked, 0), total);

  // Most wrong answers first; ties by the lower share right.
  const wrong = (q: string) => total.q[q].n - total.q[q].c;
  const qids = Object.keys(total.q)
    .filter((q) => wrong(q) > 0)
    .sort((a, b) => wrong(b) - wrong(a) || total.q[a].c / total.q[a].n - total.q[b].c / total.q[b].n || a.localeCompare(b))
    .slice(0, REPORT_MISSED);
  let missed: Array<{ stem: string; answered: number; correct: number }> | null = [];
  if (qids.length > 0) {
    const _ = db.command;
    const pins = await list<Pick<QuestionDoc, '_id' | 'pinnedUntil'>>(db.collection(COLLECTIONS.questions).where({ _id: _.in(qids) }).field({ _id: true, pinnedUntil: true }).limit(qids.length));
    const ownPin = exam.closesAt + KEY_HOLD_LOOKBACK_MS;
    const held = pins.some((q) => (q.pinnedUntil ?? 0) > now && (q.pinnedUntil ?? 0) > ownPin);
    if (held) missed = null;
    else {
      const pool = await loadPool(db, exam._id);
      const pinned = await loadPinned(db, pool.source, qids);
      missed = qids.map((q) => ({ stem: pinned[q].stem, answered: total.q[q].n, correct: total.q[q].c }));
    }
  }

  // The unit the draft speaks for: the exam's one unit when the caller sees it, else the caller's
  // own scope (an org admin's is the organisation, published to everyone).
  const single = exam.audience.length === 1 && exam.audience[0] !== ALL_UNITS ? exam.audience[0] : null;
  const own = single && (me.role === 'org_admin' || units.some((u) => u._id === single)) ? single : (scopeIds(me)[0] ?? exam.orgId);
  const organiser = units.find((u) => u._id === own)?.name ?? (await getUnit(db, own))?.name ?? me.name;
  const unitId = own === exam.orgId ? null : own;
  const title = reportTitle(exam.kind === 'makeup' ? '补考' : '考试', exam.title);
  const paragraphs = examReportParagraphs({
    opensAt: exam.opensAt,
    closesAt: exam.closesAt,
    organiser,
    title: exam.title,
    totalScore: exam.totalScore,
    passScore: exam.passScore,
    overall: { name: '合计', asked: overall.audience, took: overall.submitted, passed: overall.passed },
    averageScore: overall.averageScore,
    units: rows,
    missed,
  });
  let draft: { postId: string; text: string };
  try {
    draft = await saveReportDraft(
      db,
      {
        // One draft per exam and organiser: each writes of the units they see, and finishes their own.
        postId: ids.derive('post', `exam|${exam._id}|${me._id}`),
        orgId: exam.orgId,
        unitId,
        unitName: unitId ? organiser : null,
        title,
        paragraphs,
        cover: null,
        images: [],
        tags: ['基层动态'],
        author: { id: me._id, name: me.name },
        source: { type: 'exam', id: exam._id },
      },
      now,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') throw precondition('这场考试的总结已经发布');
    throw err;
  }
  return { postId: draft.postId, title, text: draft.text, missedHeld: missed === null };
}
