// listExams: a member's exams in three tabs. 待考: open or upcoming with attempts left; 已完成:
// exams they have handed in, newest first; 已结束: closed windows, with 缺考 where they never took
// part. Each tab is one indexed query plus one read of the member's own standings.

import type { ExamResponses } from '../../../core/contracts/exam';
import { COLLECTIONS } from '../../lib/collections';
import { list, type Database } from '../../lib/db';
import { type Caller, requireMember } from '../../org/ports';
import { afterCursor, keysetPage } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { ALL_UNITS, type ExamDoc, type TakerDoc } from '../model';
import { takerId } from '../ids';
import { cardOf } from '../phases';

const PAGE = 20;

export async function listExams(input: { tab: 'todo' | 'done' | 'ended'; cursor?: string | null }, ctx: ActionContext): Promise<ExamResponses['listExams']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const now = clock.now();
  const _ = db.command;
  const audience = { orgId: member.orgId, status: 'published', audience: _.in([...member.unitPath, ALL_UNITS]) };

  if (input.tab === 'done') {
    const base = { memberId: member._id, lastSubmittedAt: _.gt(0) };
    const where = afterCursor(_, base, 'lastSubmittedAt', input.cursor);
    const takers = await list<TakerDoc>(
      db.collection(COLLECTIONS.examTakers).where(where).orderBy('lastSubmittedAt', 'desc').orderBy('_id', 'desc').limit(PAGE + 1),
    );
    const { page, nextCursor } = keysetPage(takers, PAGE, (t) => [t.lastSubmittedAt ?? 0, t._id]);
    const exams = page.length ? await list<ExamDoc>(db.collection(COLLECTIONS.exams).where({ _id: _.in(page.map((t) => t.examId)) }).limit(PAGE)) : [];
    const byId = new Map(exams.map((e) => [e._id, e]));
    return {
      items: page.flatMap((t) => {
        const e = byId.get(t.examId);
        return e ? [cardOf(e, t, now)] : [];
      }),
      nextCursor,
    };
  }

  if (input.tab === 'todo') {
    const exams = await list<ExamDoc>(
      db.collection(COLLECTIONS.exams).where({ ...audience, closesAt: _.gt(now) }).orderBy('closesAt', 'asc').limit(50),
    );
    const takers = await takersOf(db, member, exams);
    const items = exams
      .filter((e) => !e.inviteOnly || takers.get(e._id)?.invited)
      .map((e) => cardOf(e, takers.get(e._id) ?? null, now))
      .filter((c) => c.status === 'upcoming' || c.status === 'open' || c.status === 'in_progress' || (c.status === 'failed' && c.attemptsLeft > 0));
    return { items, nextCursor: null };
  }

  const base = { ...audience, closesAt: _.lte(now) };
  const where = afterCursor(_, base, 'closesAt', input.cursor);
  const exams = await list<ExamDoc>(
    db.collection(COLLECTIONS.exams).where(where).orderBy('closesAt', 'desc').orderBy('_id', 'desc').limit(PAGE + 1),
  );
  const { page, nextCursor } = keysetPage(exams, PAGE, (e) => [e.closesAt, e._id]);
  const takers = await takersOf(db, member, page);
  return {
    items: page.filter((e) => !e.inviteOnly || takers.get(e._id)?.invited).map((e) => cardOf(e, takers.get(e._id) ?? null, now)),
    nextCursor,
  };
}

async function takersOf(db: Database, member: Caller, exams: ExamDoc[]): Promise<Map<string, TakerDoc>> {
  if (exams.length === 0) return new Map();
  const _ = db.command;
  const ids = exams.map((e) => takerId(e._id, member._id));
  const docs = await list<TakerDoc>(db.collection(COLLECTIONS.examTakers).where({ _id: _.in(ids) }).limit(ids.length));
  return new Map(docs.map((t) => [t.examId, t]));
}
