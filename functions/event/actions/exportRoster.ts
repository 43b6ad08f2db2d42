// exportRoster: the roster and the attendance rate per branch as an xlsx file in cloud storage.

import type { EventResponses } from '../../../core/contracts/event';
import { EVENT_KIND_LABELS, REGISTRATION_STATUS_LABELS } from '../../../core/domain/event';
import { formatBeijing } from '../../../core/domain/time';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';
import { loadForOrganiser } from '../access';
import { rosterRows } from '../roster';
import { adminViewFor } from '../views';

export async function exportRoster(input: { eventId: string }, ctx: ActionContext): Promise<EventResponses['exportRoster']> {
  const { storage, clock } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'view');
  const e = scope.event;
  const ended = clock.now() > e.endsAt;
  const rows: Array<Array<string | number | null>> = [['支部', '姓名', '报名状态', '出席', '签到方式', '签到时间', '报名时间', '备注']];
  for (const r of await rosterRows(ctx, scope)) {
    const present = r.attended ? '出席' : ended && r.status === 'confirmed' ? '未到' : '';
    rows.push([
      r.unitName,
      r.name,
      REGISTRATION_STATUS_LABELS[r.status],
      present,
      r.attendedBy === 'qr' ? '扫码' : r.attendedBy === 'organiser' ? '管理员登记' : '',
      r.attendedAt === null ? null : formatBeijing(r.attendedAt),
      formatBeijing(r.signedUpAt),
      r.note,
    ]);
  }
  const admin = await adminViewFor(ctx, scope);
  const perUnit: Array<Array<string | number | null>> = [['支部', '已报名', '出席', '出席率（%）']];
  for (const b of admin.branches) perUnit.push([b.unitName, b.confirmed, b.attended, b.confirmed ? Math.round((b.attended / b.confirmed) * 1000) / 10 : null]);
  const bytes = await writeWorkbook([
    { name: '报名名单', rows, widths: [16, 10, 10, 8, 12, 18, 18, 24] },
    { name: '支部出席率', rows: perUnit, widths: [16, 10, 10, 12] },
  ]);
  const fileName = `${EVENT_KIND_LABELS[e.kind]}-${e.title}-报名名单.xlsx`.replace(/[\\/:*?"<>|]/g, '');
  // An unguessable folder per export, no member id: an export's fileID is known only to whoever made it.
  const fileID = await storage.upload(`exports/event/${ctx.deps.ids.random(16)}/event-roster.xlsx`, bytes);
  return { fileID, url: await storage.tempUrl(fileID), fileName };
}
