// installSeedBank: the built-in bank (内置题库) added to the organisation's bank in one step;
// questions already there (same content) are left as they are.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { existingIds, insertBatch } from '../../lib/db';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { questionDoc, seedQuestions } from '../bank';

export async function installSeedBank(_input: object, ctx: ActionContext): Promise<ExamResponses['installSeedBank']> {
  const { db, ids, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const now = new Date(clock.now());
  const docs = seedQuestions().map((q) => questionDoc(ids, me.orgId, q, 'seed', me._id, now));
  const there = await existingIds(db, COLLECTIONS.questions, docs.map((d) => d._id));
  const fresh = docs.filter((d) => !there.has(d._id));
  let created = 0;
  for (let i = 0; i < fresh.length; i += 100) {
    const outcome = await insertBatch(db, COLLECTIONS.questions, fresh.slice(i, i + 100).map((d) => ({ ...d })));
    created += outcome.filter(Boolean).length;
  }
  return { created, existing: docs.length - created };
}
