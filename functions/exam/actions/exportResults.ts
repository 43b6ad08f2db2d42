// exportResults: an xlsx of an exam's results and per-unit figures for the organiser.

import type { ExamResponses, RosterRow } from '../../../core/contracts/exam';
import { PAPER_MARK } from '../../../core/domain/exam/paper';
import { QUESTION_TYPE_LABELS } from '../../../core/domain/exam/questions';
import { formatBeijing } from '../../../core/domain/time';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { precondition } from '../../lib/errors';
import { writeWorkbook } from '../../lib/xlsx';
import { examForOrganiser, visibleUnits } from '../access';
import { branchRoster } from '../roster';
import { examStats } from './examStats';

export async function exportResults(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['exportResults']> {
  const { db, storage, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  if (exam.status !== 'published') throw precondition('这场考试还没有发布，发布后才能导出成绩');
  const units = await visibleUnits(db, me, exam);
  // Not having taken it is 缺考 only once the window has closed; until then 未参加. A roster entry
  // never bound to WeChat could not have taken it: 未绑定.
  const closed = clock.now() >= exam.closesAt;
  const statusLabel: Record<RosterRow['status'], string> = { absent: closed ? '缺考' : '未参加', in_progress: '答题中', passed: '及格', failed: '不及格' };
  const results: Array<Array<string | number | null>> = [['支部', '姓名', '状态', '成绩', '总分', '用时（分钟）', '交卷时间', '答题次数', '切屏标记', '补时（分钟）']];
  for (const unit of units) {
    const roster = await branchRoster(db, exam, unit._id, false);
    for (const r of roster.rows) {
      results.push([
        unit.name,
        r.name,
        r.status === 'absent' && !r.bound ? '未绑定' : r.paper ? `${statusLabel[r.status]}（${PAPER_MARK}）` : statusLabel[r.status],
        r.score,
        exam.totalScore,
        r.durationSeconds === null ? null : Math.round((r.durationSeconds / 60) * 10) / 10,
        // A paper result has the day it was taken, not a time of handing in.
        r.paper ? r.paper.takenOn : r.submittedAt === null ? null : formatBeijing(r.submittedAt),
        r.attempts,
        r.flagged ? '是' : '',
        r.extraMinutes || null,
      ]);
    }
  }
  const stats = await examStats({ examId: exam._id }, ctx);
  const perQuestion: Array<Array<string | number | null>> = [['序号', '题型', '题干', '考到人次', '答对人次', '正确率（%）']];
  for (const q of stats.questions) perQuestion.push([q.index, QUESTION_TYPE_LABELS[q.type], q.stem, q.answered, q.correct, q.accuracy]);
  const perUnit: Array<Array<string | number | null>> = [['支部', '应考', '已交卷', '答题中', statusLabel.absent, '及格', '不及格', '平均分', '平均用时（分钟）', '切屏标记']];
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
  // An unguessable folder per export, no member id: an export's fileID is known only to whoever made it.
  const fileID = await storage.upload(`exports/exam/${ctx.deps.ids.random(16)}/exam-results.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), fileName };
}
