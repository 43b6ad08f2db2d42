// updateSettings: an org admin changes the check-in settings (written whole: the last writer wins).

import type { CheckinSettings } from '../../../core/contracts/checkin';
import { COLLECTIONS } from '../../lib/collections';
import { insert, isDuplicateKeyError, updateById } from '../../lib/db';
import { forbidden } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { settingsView as view, type OrgCheckinSettings } from '../settings';

export async function updateSettings(input: OrgCheckinSettings, ctx: ActionContext): Promise<CheckinSettings> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  if (member.role !== 'org_admin') throw forbidden('只有单位管理员可以修改打卡设置');
  const data = { ...input, updatedAt: clock.now(), updatedBy: member._id };
  // Written whole, so a second writer simply wins; the insert-or-update settles a first write race.
  if ((await updateById(db, COLLECTIONS.checkinSettings, member.orgId, data)) === 0) {
    try {
      await insert(db, COLLECTIONS.checkinSettings, { _id: member.orgId, ...data });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await updateById(db, COLLECTIONS.checkinSettings, member.orgId, data);
    }
  }
  return view(input, member);
}
