// exportGaps: an xlsx of the subtree's members (roster order, up to 1000), one row each, a column
// per exam and per activity with the same words as the list. A unit without members gives a
// workbook with its header row only. Organisers of the subtree only.

import type { GapResponses } from '../../../core/contracts/consoleGaps';
import type { PeriodInput } from '../../../core/domain/console/period';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';
import { allRows, gapScope } from '../gapRows';

export async function exportGaps(input: { unitId: string; period: PeriodInput }, ctx: ActionContext): Promise<GapResponses['exportGaps']> {
  const { db, storage, ids } = ctx.deps;
  const scope = await gapScope(ctx, input.unitId, input.period);
  const all = await allRows(db, scope);
  const header = ['支部', '姓名', '领导班子', '绑定', ...all.exams.map((e) => `考试：${e.title}`), '学习打卡', '活动未到场', '每日答题'];
  const rows: Array<Array<string | number | null>> = [header];
  for (const r of all.rows) {
    rows.push([
      r.unitName,
      r.name,
      r.leader ? '是' : null,
      r.bound ? '已绑定' : '未绑定',
      // An exam whose audience does not reach the member is left blank.
      ...all.exams.map((e) => r.exams.find((c) => c.examId === e.examId)?.words ?? null),
      r.checkin.words,
      r.missedEvents.map((e) => e.title).join('、') || null,
      r.quiz.words,
    ]);
  }
  const bytes = await writeWorkbook([{ name: '未参加名单', rows, widths: [18, 10, 8, 8, ...all.exams.map(() => 18), 20, 24, 18] }]);
  const fileName = `未参加名单-${scope.unit.name}-${scope.period.fromDay}至${scope.period.toDay}.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  // An unguessable folder per export, no member id: an export's fileID is known only to whoever made it.
  const fileID = await storage.upload(`exports/console/${ids.random(16)}/gaps-${scope.period.toDay}.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), fileName, rows: all.rows.length };
}
