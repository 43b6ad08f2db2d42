// getSetup: the first-run checklist of 管理后台 on a new installation — create the units, import
// their rosters, hand out the invitations, publish a first activity — each step ticked off from
// the data itself, never from a flag someone has to remember to set.

import type { OrgResponses, SetupStep } from '../../../core/contracts/org';
import { hasAnyChallenge } from '../../checkin/ports';
import { hasAnyEvent } from '../../event/ports';
import { hasAnyExam } from '../../exam/ports';
import { managedUnits, requireOrganiser } from '../ports';
import type { ActionContext } from '../../lib/router';

export async function getSetup(_input: Record<string, never>, ctx: ActionContext): Promise<OrgResponses['getSetup']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const below = (await managedUnits(db, me)).filter((u) => u.parentId !== null && u.status === 'active');
  const activity = (await hasAnyExam(db, me.orgId)) || (await hasAnyEvent(db, me.orgId)) || (await hasAnyChallenge(db, me.orgId));
  const steps: SetupStep[] = [
    { key: 'units', title: '建立组织架构', hint: '在“组织架构”中新建党委、党总支、党支部，或用表格一次导入', done: below.length > 0 },
    { key: 'roster', title: '导入党员名单', hint: '在各支部的“导入名单”中上传 Excel 或 CSV 名单', done: below.some((u) => u.memberCount > 0) },
    { key: 'invite', title: '邀请党员绑定', hint: '把支部的邀请码或小程序码发到支部群，党员填姓名即可绑定', done: below.some((u) => u.boundCount > 0) },
    { key: 'activity', title: '发布第一项活动', hint: '发布一场考试、一个打卡活动或一次活动报名', done: activity },
  ];
  return { steps, done: steps.every((s) => s.done) };
}
