// createChallenge: an organiser sets a themed run of days for their units (or the whole organisation).

import type { ChallengeSummary } from '../../../core/contracts/checkin';
import { challengeLength } from '../../../core/domain/checkin';
import { beijingDayKey } from '../../../core/domain/time';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError } from '../../lib/db';
import { forbidden, invalid, precondition } from '../../lib/errors';
import { managedUnits, requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { ChallengeDoc } from '../model';
import { ALL_BRANCHES, MAX_CHALLENGE_DAYS, namesOf, summary } from '../challenge';

interface CreateInput {
  title: string;
  description: string;
  startDay: string;
  endDay: string;
  requiredDays: number;
  unitIds: string[];
}

export async function createChallenge(input: CreateInput, ctx: ActionContext): Promise<ChallengeSummary> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const today = beijingDayKey(clock.now());
  if (input.endDay < input.startDay) throw invalid('结束日期不能早于开始日期');
  if (input.endDay < today) throw invalid('结束日期已经过去，请重新选择');
  const length = challengeLength(input);
  if (length > MAX_CHALLENGE_DAYS) throw invalid(`活动最长${MAX_CHALLENGE_DAYS}天`);
  if (input.requiredDays > length) throw invalid(`达标天数不能超过活动天数（${length}天）`);
  const units = await managedUnits(db, me);
  const branches = new Map(units.filter((u) => u.parentId !== null && u.status === 'active').map((u) => [u._id, u]));
  let audience: string[];
  if (input.unitIds.length === 0) {
    if (me.role !== 'org_admin') throw forbidden('只有单位管理员可以面向全单位发起活动，请选择支部');
    audience = [ALL_BRANCHES];
  } else {
    audience = [...new Set(input.unitIds)];
    const foreign = audience.find((id) => !branches.has(id));
    if (foreign) throw forbidden('只能为自己管理的支部发起活动');
  }
  // The id derives from the creator and the challenge's title and dates: a double tap or a retry
  // finds the one already written. After a cancellation the same challenge may be started again:
  // the next id in the series is used.
  for (let n = 0; n < 20; n++) {
    const id = ids.derive('cmp', `${me._id}|${input.title}|${input.startDay}|${input.endDay}${n ? `|${n}` : ''}`);
    const doc: ChallengeDoc = {
      _id: id,
      orgId: me.orgId,
      title: input.title,
      description: input.description,
      startDay: input.startDay,
      endDay: input.endDay,
      requiredDays: input.requiredDays,
      audience,
      status: 'active',
      createdBy: me._id,
      createdByName: me.name,
      createdAt: clock.now(),
      cancelledAt: null,
    };
    try {
      await insert(db, COLLECTIONS.checkinChallenges, { ...doc });
      return summary(doc, namesOf(units), today, me);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await getById<ChallengeDoc>(db, COLLECTIONS.checkinChallenges, id);
    if (existing && existing.status === 'active') return summary(existing, namesOf(units), today, me);
  }
  throw precondition('相同的活动已取消多次，请换一个活动名称');
}
