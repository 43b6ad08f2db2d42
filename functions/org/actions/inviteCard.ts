// inviteCard: what an organiser hands out so members can bind to a unit: its invite code and a
// mini-program code (wxacode.getUnlimited) that opens the binding page with the code filled in,
// for older members who would rather scan than type. Stored as a PNG so the printable page and
// a forwarded picture show the same image. The file sits at a random path (issue 14: a path must
// not carry the invite code, or anyone could fetch a unit's card by guessing it) and is made once
// per code: the unit notes the card's fileID and the code it was made for.

import type { OrgResponses } from '../../../core/contracts/org';
import { BIND_PAGE, inviteScene } from '../../../core/domain/org/units';
import { COLLECTIONS } from '../../lib/collections';
import { randomBytes } from 'node:crypto';
import { getById, updateWhere } from '../../lib/db';
import { precondition } from '../../lib/errors';
import { requireManagedUnit, requireOrganiser } from '../ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';

/** The unit as stored, with its noted card. */
type CardedUnit = UnitDoc & { inviteCard?: { fileID: string; inviteCode: string } };

export async function inviteCard(input: { unitId: string }, ctx: ActionContext): Promise<OrgResponses['inviteCard']> {
  const { db, storage, codes } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const unit = await requireManagedUnit(db, me, input.unitId);
  if (unit.status !== 'active' || !unit.inviteCode) throw precondition(`“${unit.name}”没有可用的邀请码`);
  const org = unit.orgId === unit._id ? unit : await getById<UnitDoc>(db, COLLECTIONS.units, unit.orgId);
  const noted = (unit as CardedUnit).inviteCard;
  let fileID = noted && noted.inviteCode === unit.inviteCode ? noted.fileID : '';
  if (!fileID) {
    // A reset code gets a new card; the old one no longer matches any unit.
    const png = await codes.entry(inviteScene(unit.inviteCode), BIND_PAGE);
    fileID = await storage.upload(`codes/invite/${randomBytes(16).toString('hex')}/invite-card.png`, png);
    // Noted only while the unit still has this code (a reset meanwhile keeps its own card).
    const _ = db.command;
    await updateWhere(db.collection(COLLECTIONS.units).where({ _id: unit._id, inviteCode: unit.inviteCode }), {
      inviteCard: _.set({ fileID, inviteCode: unit.inviteCode }),
    });
  }
  return {
    unitId: unit._id,
    unitName: unit.name,
    orgName: org?.name ?? '',
    inviteCode: unit.inviteCode,
    qrUrl: await storage.tempUrl(fileID),
  };
}
