// inviteCard: what an organiser hands out so members can bind to a unit: its invite code and a
// mini-program code (wxacode.getUnlimited) that opens the binding page with the code filled in,
// for older members who would rather scan than type. Stored as a PNG so the printable page and
// a forwarded picture show the same image.

import type { OrgResponses } from '../../../core/contracts/org';
import { BIND_PAGE, inviteScene } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';

export async function inviteCard(input: { unitId: string }, ctx: ActionContext): Promise<OrgResponses['inviteCard']> {
  const { db, storage, codes } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  if (unit.status !== 'active' || !unit.inviteCode) throw precondition(`“${unit.name}”没有可用的邀请码`);
  const org = unit.orgId === unit._id ? unit : await getById<UnitDoc>(db, COLLECTIONS.units, unit.orgId);
  const png = await codes.entry(inviteScene(unit.inviteCode), BIND_PAGE);
  // One file per code: a reset code gets a new picture, and the old one no longer matches any unit.
  const fileID = await storage.upload(`codes/invite/${unit.inviteCode}.png`, png);
  return {
    unitId: unit._id,
    unitName: unit.name,
    orgName: org?.name ?? '',
    inviteCode: unit.inviteCode,
    qrUrl: await storage.tempUrl(fileID),
  };
}
