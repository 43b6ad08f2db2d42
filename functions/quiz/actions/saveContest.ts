// saveContest: an organiser creates or changes a contest for a unit of their subtrees (roles and
// subtree read from the identity on this call). A draft changes freely; once published its rules,
// audience and opening are fixed — members plan around them and rounds already played were scored
// under them — and only a later close, the title and the description may change (an extension
// takes nothing from anyone; a shortening would shut out members who planned to play).
// Every update is conditional on the version read: two editors at once, one lands, one is told.

import type { ContestDraft, QuizResponses } from '../../../core/contracts/quiz';
import { contestProblem } from '../../../core/domain/quiz/contest';
import { COLLECTIONS } from '../../lib/collections';
import { getById, insert, isDuplicateKeyError, updateWhere } from '../../lib/db';
import { conflict, invalid, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { requireManagedUnit, requireOrganiser } from '../../org/ports';
import { contestForOrganiser, managedView } from '../contestAccess';
import type { ContestDoc } from '../contestModel';

type Draft = Required<Pick<ContestDraft, 'title' | 'description' | 'tags'>> & Omit<ContestDraft, 'title' | 'description' | 'tags'>;

const RULE_FIELDS = ['opensAt', 'questionsPerRound', 'secondsPerQuestion', 'countingRounds', 'audienceUnitId'] as const;
const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

export async function saveContest(input: { contestId?: string | null; contest: Draft }, ctx: ActionContext): Promise<QuizResponses['saveContest']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const now = clock.now();
  const d = input.contest;
  const tags = [...new Set(d.tags.map((t) => t.trim()).filter(Boolean))];
  const problem = contestProblem(d);
  if (problem) throw invalid(problem);

  if (input.contestId) {
    const c = await contestForOrganiser(db, me, input.contestId);
    if (c.status === 'cancelled') throw precondition('竞赛已取消，不能再修改');
    let change: Partial<ContestDoc>;
    if (c.status === 'published') {
      if (now >= c.closesAt) throw precondition('竞赛已结束，不能再修改');
      if (RULE_FIELDS.some((f) => c[f] !== d[f]) || !sameTags(c.tags, tags)) {
        throw precondition('竞赛已发布，规则、范围和开始时间不能再改；可以延长结束时间，或修改名称和说明');
      }
      if (d.closesAt < c.closesAt) throw precondition('已发布的竞赛只能延长结束时间，不能提前');
      change = { title: d.title, description: d.description, closesAt: d.closesAt };
    } else {
      const unit = d.audienceUnitId === c.audienceUnitId ? null : await requireManagedUnit(db, me, d.audienceUnitId);
      if (unit && unit.status !== 'active') throw invalid('所选组织已撤销');
      change = {
        title: d.title,
        description: d.description,
        opensAt: d.opensAt,
        closesAt: d.closesAt,
        questionsPerRound: d.questionsPerRound,
        secondsPerQuestion: d.secondsPerQuestion,
        countingRounds: d.countingRounds,
        tags,
        ...(unit ? { audienceUnitId: unit._id, audience: unit._id, audiencePath: unit.path, audienceName: unit.name } : {}),
      };
    }
    const _ = db.command;
    const stored = { ...change, ...(change.tags ? { tags: _.set(change.tags) } : {}), ...(change.audiencePath ? { audiencePath: _.set(change.audiencePath) } : {}) };
    const n = await updateWhere(db.collection(COLLECTIONS.contests).where({ _id: c._id, status: c.status, rev: c.rev }), { ...stored, rev: c.rev + 1, updatedAt: now });
    if (n === 0) throw conflict('竞赛刚被修改过，请刷新后再试');
    return managedView({ ...c, ...change, rev: c.rev + 1, updatedAt: now }, now);
  }

  const unit = await requireManagedUnit(db, me, d.audienceUnitId);
  if (unit.status !== 'active') throw invalid('所选组织已撤销');
  if (d.closesAt <= now) throw invalid('结束时间已经过去，请重新选择');
  // The id derives from the creator, the title and the opening: a double tap or a retry finds the
  // contest written first. A cancelled one with the same key gives way to the next in the series.
  for (let n = 0; n < 20; n++) {
    const id = ids.derive('ct', `${me._id}|${d.title}|${d.opensAt}${n ? `|${n}` : ''}`).slice(0, 18);
    const doc: ContestDoc = {
      _id: id,
      orgId: me.orgId,
      title: d.title,
      description: d.description,
      opensAt: d.opensAt,
      closesAt: d.closesAt,
      questionsPerRound: d.questionsPerRound,
      secondsPerQuestion: d.secondsPerQuestion,
      countingRounds: d.countingRounds,
      audienceUnitId: unit._id,
      audience: unit._id,
      audiencePath: unit.path,
      audienceName: unit.name,
      tags,
      status: 'draft',
      rev: 0,
      createdBy: me._id,
      createdByName: me.name,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    try {
      await insert(db, COLLECTIONS.contests, { ...doc });
      return managedView(doc, now);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await getById<ContestDoc>(db, COLLECTIONS.contests, id);
    if (existing && existing.status !== 'cancelled') return managedView(existing, now);
  }
  throw precondition('相同的竞赛已取消多次，请换一个竞赛名称');
}
