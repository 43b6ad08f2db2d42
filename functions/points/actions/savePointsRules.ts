// savePointsRules: an org admin sets new rules from a Beijing day, tomorrow at the earliest, so a
// day never mixes two rule sets and no entry already made is rewritten (each names its version).
// The versions live on one document per organisation, changed in a transaction: two admins saving
// at once both land, in order.

import type { PointsResponses } from '../../../core/contracts/points';
import { versionRefusal, withVersion, type PointsRules, type RulesVersion } from '../../../core/domain/points';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { isTransactionConflict, type TransactionLike } from '../../lib/db';
import { conflict, forbidden, invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireMember } from '../../org/ports';
import type { RulesDoc } from '../model';
import { rulesView } from '../rules';

/** A document far below CloudBase's 16 MB: a change a week for four years. */
const MAX_VERSIONS = 200;

export async function savePointsRules(
  input: { from: string; rules: PointsRules; note: string },
  ctx: ActionContext,
): Promise<PointsResponses['savePointsRules']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  if (member.role !== 'org_admin') throw forbidden('只有单位管理员可以修改积分规则');
  const now = clock.now();
  const today = beijingDayKey(now);
  const refusal = versionRefusal(input.from, today);
  if (refusal) throw invalid(`字段 from：${refusal}`);
  const save = db.runTransaction(async (t: TransactionLike) => {
    const doc = (await t.collection(COLLECTIONS.pointsRules).doc(member.orgId).get()).data as RulesDoc | null;
    const before = doc?.versions ?? [];
    if (before.length >= MAX_VERSIONS) throw precondition(`积分规则最多保存${MAX_VERSIONS}次修改`);
    const next = withVersion(before, { from: input.from, rules: input.rules, by: member._id, byName: member.name, at: now, note: input.note }, today);
    const data: Omit<RulesDoc, '_id'> = { orgId: member.orgId, versions: next, updatedAt: now };
    await t.collection(COLLECTIONS.pointsRules).doc(member.orgId).set({ data });
    return next;
  });
  let versions: RulesVersion[];
  try {
    versions = (await save) as RulesVersion[];
  } catch (err) {
    if (isTransactionConflict(err)) throw conflict('积分规则刚刚被修改，请刷新后重试');
    throw err;
  }
  return rulesView(versions, today, true);
}
