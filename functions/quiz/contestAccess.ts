// Who may see and change a contest, and what they see of it. Organisers manage a contest whose
// audience lies in their subtrees (checked on every call from the identity read then); an
// organiser whose subtree lies inside a wider published contest's audience (a branch, when the
// province publishes) reads its figures and flags for their own units only; members see a
// published contest whose audience is on their unit's path. Anyone else is told it does not exist.

import type { ContestAccess, ContestCard, ContestRulesView, ManagedContest, MyContestStanding } from '../../core/contracts/quiz';
import { BASE_POINTS, CONTEST_BREAK_MS, contestPhase, GRACE_MS, roundCounts, roundMax, SPEED_BONUS } from '../../core/domain/quiz/contest';
import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import { mayManagePath, scopeIds, unitsByIds, type Caller } from '../org/ports';
import type { ContestDoc, ContestRoundDoc, ContestScoreDoc } from './contestModel';

export const NO_CONTEST = '找不到这个竞赛';

export const contestScoreId = (contestId: string, memberId: string) => `${contestId}_${memberId}`;
export const contestRoundId = (contestId: string, memberId: string, day: string, number: number) => `${contestId}_${memberId}_${day}_${number}`;

export function rulesView(c: Pick<ContestDoc, 'questionsPerRound' | 'secondsPerQuestion' | 'countingRounds'>): ContestRulesView {
  return {
    questionsPerRound: c.questionsPerRound,
    breakSeconds: c.secondsPerQuestion === null ? 0 : CONTEST_BREAK_MS / 1000,
    secondsPerQuestion: c.secondsPerQuestion,
    countingRounds: c.countingRounds,
    graceSeconds: GRACE_MS / 1000,
    basePoints: BASE_POINTS,
    speedBonus: c.secondsPerQuestion === null ? 0 : SPEED_BONUS,
    roundMax: roundMax(c),
  };
}

export function managedView(c: ContestDoc, now: number, access: ContestAccess = 'manage'): ManagedContest {
  return {
    contestId: c._id,
    title: c.title,
    description: c.description,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    status: c.status,
    phase: contestPhase(c, now),
    rules: rulesView(c),
    audienceUnitId: c.audienceUnitId,
    audienceName: c.audienceName,
    tags: c.tags,
    createdByName: c.createdByName,
    updatedAt: c.updatedAt,
    access,
  };
}

/** The member's standing; `open` is the round under way when it was read. */
export function standingOf(c: ContestDoc, s: ContestScoreDoc | null, open: ContestRoundDoc | null, today: string): MyContestStanding {
  const roundsToday = s && s.day === today ? s.started : 0;
  let countingLeft = 0;
  for (let n = roundsToday + 1; roundCounts(n, c.countingRounds); n++) countingLeft++;
  return {
    rounds: s?.rounds ?? 0,
    total: s?.total ?? 0,
    best: s?.best ?? 0,
    roundsToday,
    countingLeftToday: countingLeft,
    open: open && open.status === 'open' ? { roundId: open._id, number: open.number, counting: open.counting, answeredCount: open.at, total: open.items.length } : null,
  };
}

export function cardView(c: ContestDoc, standing: MyContestStanding, now: number): ContestCard {
  return {
    contestId: c._id,
    title: c.title,
    description: c.description,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    phase: contestPhase(c, now),
    rules: rulesView(c),
    audienceName: c.audienceName,
    me: standing,
  };
}

/** Whether a member of this path belongs to the contest's audience. */
export function inAudience(c: Pick<ContestDoc, 'audience'>, unitPath: readonly string[]): boolean {
  return unitPath.includes(c.audience);
}

/** A contest the caller manages (its audience lies in their subtrees); NOT_FOUND otherwise. */
export async function contestForOrganiser(db: Database, me: Caller, contestId: string): Promise<ContestDoc> {
  const c = await getById<ContestDoc>(db, COLLECTIONS.contests, contestId);
  if (!c || c.orgId !== me.orgId || !mayManagePath(me, c.orgId, c.audiencePath)) throw notFound(NO_CONTEST);
  return c;
}

/**
 * The paths of the caller's scope units (their subtrees' tops): those on the caller's own path
 * need no read, the others one read together.
 */
export async function scopePaths(db: Database, me: Caller): Promise<string[][]> {
  const paths: string[][] = [];
  const elsewhere: string[] = [];
  for (const id of scopeIds(me)) {
    const at = me.unitPath.indexOf(id);
    if (at >= 0) paths.push(me.unitPath.slice(0, at + 1));
    else elsewhere.push(id);
  }
  if (elsewhere.length > 0) for (const u of await unitsByIds(db, elsewhere, me.orgId)) paths.push(u.path);
  return paths;
}

/** What an organiser reads of a contest: all of it, or the part of their own units. */
export interface OrganiserReading {
  contest: ContestDoc;
  access: ContestAccess;
  /** figures: the caller's scope units inside the audience (what they may read); manage: null. */
  within: string[] | null;
}

/**
 * A contest whose figures the caller reads: one they manage (all of it), or a published one of a
 * wider audience that holds some of their scope units (those units' part); NOT_FOUND otherwise.
 * Reads: the contest, and the scope units when some are not on the caller's own path.
 */
export async function contestForReading(db: Database, me: Caller, contestId: string): Promise<OrganiserReading> {
  const c = await getById<ContestDoc>(db, COLLECTIONS.contests, contestId);
  if (!c || c.orgId !== me.orgId) throw notFound(NO_CONTEST);
  if (mayManagePath(me, c.orgId, c.audiencePath)) return { contest: c, access: 'manage', within: null };
  if (c.status !== 'published') throw notFound(NO_CONTEST);
  const within = (await scopePaths(db, me)).filter((p) => p.includes(c.audience)).map((p) => p[p.length - 1]);
  if (within.length === 0) throw notFound(NO_CONTEST);
  return { contest: c, access: 'figures', within };
}

/**
 * A published contest of the member's audience; drafts, cancelled contests, other organisations'
 * are NOT_FOUND, and a contest of another subtree is FORBIDDEN (its title is no secret inside the
 * organisation, but it is not theirs to play).
 */
export async function contestForMember(db: Database, me: Caller, contestId: string): Promise<ContestDoc> {
  const c = await getById<ContestDoc>(db, COLLECTIONS.contests, contestId);
  if (!c || c.orgId !== me.orgId || c.status !== 'published') throw notFound(NO_CONTEST);
  if (!inAudience(c, me.unitPath)) throw forbidden('这个竞赛不面向您所在的组织');
  return c;
}
