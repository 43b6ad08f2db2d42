// exportCompletion: an xlsx of a day's roster (every managed branch, or one) and the week's rates.
// A roster entry never bound to WeChat is 未绑定, not 未打卡: it could not have checked in.

import type { CheckinResponses } from '../../../core/contracts/checkin';
import { addDays, beijingDayKey, formatBeijing } from '../../../core/domain/time';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';
import { completionOf, dayRoster, managedBranches, rate } from '../completion';

export async function exportCompletion(input: { unitId?: string | null; day?: string | null }, ctx: ActionContext): Promise<CheckinResponses['exportCompletion']> {
  const { db, clock, storage } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const day = input.day ?? beijingDayKey(clock.now());
  const units = input.unitId ? [await requireManagedUnit(db, me, input.unitId)] : await managedBranches(db, me);
  const roster: Array<Array<string | number | null>> = [['支部', '姓名', '状态', '学习内容', '时长（分钟）', '打卡时间']];
  for (const unit of units) {
    for (const r of (await dayRoster(db, unit, day)).rows) {
      roster.push([unit.name, r.name, r.checkedIn ? (r.madeUp ? '补卡' : '已打卡') : r.bound ? '未打卡' : '未绑定', r.title, r.minutes, r.at === null ? null : formatBeijing(r.at)]);
    }
  }
  const completion = await completionOf(db, units, day);
  const weekDays = completion[0]?.week.map((w) => w.day) ?? Array.from({ length: 7 }, (_, i) => addDays(day, i - 6));
  const perUnit: Array<Array<string | number | null>> = [['支部', '人数', ...weekDays.map((d) => d.slice(5)), `${day.slice(5)} 完成率（%）`]];
  for (const u of completion) perUnit.push([u.unitName, u.members, ...u.week.map((w) => w.count), rate(u.today, u.members)]);
  const bytes = await writeWorkbook([
    { name: '打卡名单', rows: roster, widths: [16, 10, 8, 30, 12, 18] },
    { name: '近7天', rows: perUnit, widths: [16, 8, ...weekDays.map(() => 8), 16] },
  ]);
  const scope = units.length === 1 ? units[0].name : '全部支部';
  const fileName = `学习打卡-${scope}-${day}.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  // An unguessable folder per export, no member id: an export's fileID is known only to whoever made it.
  const fileID = await storage.upload(`exports/checkin/${ctx.deps.ids.random(16)}/checkin-${day}.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), fileName };
}
