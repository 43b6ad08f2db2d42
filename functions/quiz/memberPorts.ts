// What the quiz context tells the console's gap lists, member by member (rule 3): when each member
// last finished a daily round, the days of one member's daily quiz, and their contests.

import { currentQuizStreak } from '../../core/domain/quiz/streak';
import { COLLECTIONS } from '../lib/collections';
import { getById, list, type Database } from '../lib/db';
import { contestScoreId } from './contestAccess';
import type { ContestDoc, ContestScoreDoc } from './contestModel';
import type { QuizMemberDoc, RoundDoc } from './model';
import { roundId } from './round';

/** memberId → the day of their last finished scored round ('' never): one read by id. */
export async function lastDailyDays(db: Database, memberIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (memberIds.length === 0) return out;
  const _ = db.command;
  const docs = await list<QuizMemberDoc>(db.collection(COLLECTIONS.quizMembers).where({ _id: _.in(memberIds) }).field({ scoredDay: true }).limit(memberIds.length));
  for (const d of docs) out.set(d._id, d.scoredDay ?? '');
  return out;
}

export interface DailyPicture {
  /** Days of `days` whose scored round the member finished. */
  done: string[];
  streak: number;
  longest: number;
  lastDay: string | null;
}

/** One member's daily quiz over `days` (at most 366): their quiz document and the scored rounds by id, two reads. */
export async function dailyPictureOf(db: Database, memberId: string, days: string[], today: string): Promise<DailyPicture> {
  const _ = db.command;
  const ids = days.slice(0, 1000).map((d) => roundId(memberId, d, 1));
  const [doc, rounds] = await Promise.all([
    getById<QuizMemberDoc>(db, COLLECTIONS.quizMembers, memberId),
    ids.length ? list<RoundDoc>(db.collection(COLLECTIONS.quizRounds).where({ _id: _.in(ids) }).field({ day: true, scored: true, status: true }).limit(ids.length)) : Promise.resolve([]),
  ]);
  return {
    done: rounds.filter((r) => r.scored && r.status === 'done').map((r) => r.day).sort(),
    streak: doc ? currentQuizStreak(doc, today) : 0,
    longest: doc?.longest ?? 0,
    lastDay: doc?.scoredDay ? doc.scoredDay : null,
  };
}

export interface MemberContest {
  contestId: string;
  title: string;
  closesAt: number;
  rounds: number;
  total: number;
  best: number;
}

/** The published contests of the member's audience open during [from, to), with their standing: two reads. */
export async function contestsOfMember(db: Database, member: { _id: string; orgId: string; unitPath: string[] }, from: number, to: number): Promise<MemberContest[]> {
  const _ = db.command;
  const contests = (
    await list<ContestDoc>(
      db
        .collection(COLLECTIONS.contests)
        .where({ orgId: member.orgId, status: 'published', audience: _.in(member.unitPath), closesAt: _.gt(from) })
        .field({ title: true, opensAt: true, closesAt: true })
        .orderBy('closesAt', 'asc')
        .limit(20),
    )
  ).filter((c) => c.opensAt < to);
  if (contests.length === 0) return [];
  const ids = contests.map((c) => contestScoreId(c._id, member._id));
  const scores = await list<ContestScoreDoc>(db.collection(COLLECTIONS.contestScores).where({ _id: _.in(ids) }).limit(ids.length));
  const byContest = new Map(scores.map((s) => [s.contestId, s]));
  return contests.map((c) => {
    const s = byContest.get(c._id);
    return { contestId: c._id, title: c.title, closesAt: c.closesAt, rounds: s?.rounds ?? 0, total: s?.total ?? 0, best: s?.best ?? 0 };
  });
}
