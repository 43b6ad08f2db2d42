// The activities attached to a campaign (exams, check-in challenges, events, contests, task lists):
// read from their own contexts through those contexts' ports, one query per kind by `_id`; checked
// to reach the campaign's subtree when attached; and counted over the subtree a campaign is seen
// from, from each context's counters and roll-ups — never members, attempts or check-ins — so
// getCampaign reads the same number of times whatever the subtree's size (docs/CAMPAIGNS.md).

import type { AttachedActivity, CampaignAttached } from '../../core/contracts/campaign';
import { audienceReaches } from '../../core/domain/org/units';
import { beijingDayKey } from '../../core/domain/time';
import { challengeCheckinsByUnit, challengesByIds, type ChallengeBrief } from '../checkin/ports';
import { eventsByIds, type EventBrief } from '../event/ports';
import { examCounters, examsByIds, type ExamBrief } from '../exam/ports';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { invalid } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import { unitsByIds } from '../org/ports';
import { contestParticipants, contestsByIds, type ContestBrief } from '../quiz/ports';
import type { TaskListDoc } from './model';

const ALL = 'ALL';

/** What each kind is called in a refusal (找不到所选考试, 考试「…」不在本单位范围内). */
export const KIND_WORDS: Record<AttachedActivity['kind'], string> = {
  exam: '考试',
  challenge: '打卡活动',
  event: '活动',
  contest: '知识竞赛',
  taskList: '任务清单',
};

export interface AttachedDocs {
  exams: ExamBrief[];
  challenges: ChallengeBrief[];
  events: EventBrief[];
  contests: ContestBrief[];
  taskLists: TaskListDoc[];
}

/** The attached activities of the organisation, one read per kind that has ids (at most five, together). */
export async function readAttached(db: Database, orgId: string, attached: CampaignAttached): Promise<AttachedDocs> {
  const _ = db.command;
  const [exams, challenges, events, contests, taskLists] = await Promise.all([
    examsByIds(db, orgId, attached.exams),
    challengesByIds(db, orgId, attached.challenges),
    eventsByIds(db, orgId, attached.events),
    contestsByIds(db, orgId, attached.contests),
    attached.taskLists.length === 0
      ? Promise.resolve([])
      : list<TaskListDoc>(db.collection(COLLECTIONS.taskLists).where({ _id: _.in(attached.taskLists), orgId }).limit(attached.taskLists.length)),
  ]);
  return { exams, challenges, events, contests, taskLists };
}

/** A unit set an activity reaches, as the checks need it: 'ALL', or units by id (whose paths are known or read). */
interface Reach {
  kind: AttachedActivity['kind'];
  id: string;
  title: string;
  /** Units of the audience (ids), or 'ALL'. */
  audience: string[] | 'ALL';
  /** Paths of audience units already known (contests); others are read, as they stand now. */
  paths?: string[][];
  cancelled: boolean;
}

function reaches(docs: AttachedDocs): Reach[] {
  const audienceOf = (a: string[]) => (a.includes(ALL) ? ALL : a);
  return [
    ...docs.exams.map((e): Reach => ({ kind: 'exam', id: e.examId, title: e.title, audience: audienceOf(e.audience), cancelled: false })),
    ...docs.challenges.map((c): Reach => ({ kind: 'challenge', id: c.challengeId, title: c.title, audience: audienceOf(c.audience), cancelled: c.status === 'cancelled' })),
    ...docs.events.map((e): Reach => ({ kind: 'event', id: e.eventId, title: e.title, audience: audienceOf(e.audience), cancelled: e.status === 'cancelled' })),
    ...docs.contests.map((c): Reach => ({ kind: 'contest', id: c.contestId, title: c.title, audience: [c.audience], paths: [c.audiencePath], cancelled: c.status === 'cancelled' })),
    // A list's unit is read as it stands now: the path stored on the list goes stale when its unit moves.
    ...docs.taskLists.map((l): Reach => ({ kind: 'taskList', id: l._id, title: l.title, audience: [l.unitId], cancelled: false })),
  ];
}

/**
 * Refuses (INVALID_ARGUMENT, naming the activity) an attached id that does not exist in the
 * organisation, a cancelled activity, or one that reaches no unit of the campaign's subtree: its
 * audience is the whole organisation, a unit inside the subtree, or a unit on the campaign
 * unit's path (above it). The caller manages the campaign's unit (checked before), so every
 * activity that passes concerns their members: it is within their view (an organiser sees the
 * activities of their scopes and those from above that reach them). One read of the audience
 * units whose paths are not on the documents, besides the activities themselves.
 */
export async function checkAttached(db: Database, orgId: string, campaignUnit: Pick<UnitDoc, '_id' | 'path'>, attached: CampaignAttached): Promise<void> {
  const docs = await readAttached(db, orgId, attached);
  const found = reaches(docs);
  const byKind: Array<[AttachedActivity['kind'], string[]]> = [
    ['exam', attached.exams],
    ['challenge', attached.challenges],
    ['event', attached.events],
    ['contest', attached.contests],
    ['taskList', attached.taskLists],
  ];
  for (const [kind, ids] of byKind) {
    for (const id of ids) if (!found.some((r) => r.kind === kind && r.id === id)) throw invalid(`找不到所选${KIND_WORDS[kind]}`);
  }
  const toRead = [...new Set(found.flatMap((r) => (r.audience === ALL || r.paths ? [] : r.audience)))];
  const read = toRead.length > 0 ? await unitsByIds(db, toRead, orgId) : [];
  const pathOf = new Map(read.map((u) => [u._id, u.path]));
  for (const r of found) {
    const word = KIND_WORDS[r.kind];
    if (r.cancelled) throw invalid(`${word}「${r.title}」已取消，不能关联`);
    if (r.audience === ALL) continue;
    const paths = r.paths ?? r.audience.flatMap((id) => (pathOf.has(id) ? [pathOf.get(id)!] : []));
    const inside = paths.some((p) => p.includes(campaignUnit._id));
    const above = r.audience.some((id) => campaignUnit.path.includes(id));
    if (!inside && !above) throw invalid(`${word}「${r.title}」不在本单位范围内`);
  }
}

/** The organiser pages of each kind (src/utils/nav.ts PAGE), opened with the activity's id. */
const PAGES: Record<AttachedActivity['kind'], string> = {
  exam: '/subpackages/exam-admin/stats',
  challenge: '/subpackages/checkin-admin/challenge',
  event: '/subpackages/event-admin/manage',
  contest: '/subpackages/quiz-admin/contest',
  taskList: '/subpackages/campaign-admin/tasklist',
};
const pathOf = (kind: AttachedActivity['kind'], id: string) => `${PAGES[kind]}?id=${encodeURIComponent(id)}`;
/** The Beijing day of an instant that ends something (an end at midnight belongs to the day before). */
const lastDay = (endsAt: number) => beijingDayKey(endsAt - 1);

/** A list's own counters (moved with its items by the task actions); absent on a list written before them. */
type CountedList = TaskListDoc & { total?: number; done?: number };

/**
 * Each attached activity, in the order attached (exams, challenges, events, contests, task
 * lists), with its figure over `seen`'s subtree (`units`: every open unit the campaign reaches):
 * exams 已交卷 of the members the audience reaches there (of the invited for a make-up); challenges
 * 打卡人次 during their days (no denominator: progress is not stored); events 到场 of 报名; contests
 * 参加人数; task lists 已完成 of their items, from the list's own counters (a list of a unit outside the
 * seen subtree and not above it counts nothing there). Reads: the five kinds' documents, then at
 * most three figure reads (exams, challenges, contests), together.
 */
export async function attachedActivities(
  db: Database,
  orgId: string,
  attached: CampaignAttached,
  seen: UnitDoc,
  units: readonly UnitDoc[],
  now: number,
): Promise<AttachedActivity[]> {
  const docs = await readAttached(db, orgId, attached);
  const subtree = units.filter((u) => u.path.includes(seen._id));
  const subtreeIds = subtree.map((u) => u._id);
  const today = beijingDayKey(now);
  // A list's items are its unit's: it counts from its unit's subtree and from below its unit, the
  // tree as it stands now (its unit among the subtree's units read; not the path stored on the list).
  const inSubtree = new Set(subtree.map((u) => u._id));
  const counts = (l: CountedList) => (inSubtree.has(l.unitId) || seen.path.includes(l.unitId) ? { total: l.total ?? 0, done: l.done ?? 0 } : { total: 0, done: 0 });
  const [examSums, checkins, participants] = await Promise.all([
    examCounters(db, docs.exams.map((e) => e.examId), subtreeIds),
    challengeCheckinsByUnit(db, docs.challenges, subtreeIds, today),
    contestParticipants(db, docs.contests, seen),
  ]);
  const order = <T>(ids: string[], rows: T[], idOf: (r: T) => string) => ids.flatMap((id) => rows.filter((r) => idOf(r) === id));
  const reached = (audience: string[]) => subtree.filter((u) => audienceReaches(audience, u.path, ALL));

  const exams = order(attached.exams, docs.exams, (e) => e.examId).map((e): AttachedActivity => {
    const sums = examSums.get(e.examId) ?? { invited: 0, submitted: 0 };
    const audience = e.inviteOnly ? sums.invited : reached(e.audience).reduce((n, u) => n + (u.memberCount ?? 0), 0);
    return { kind: 'exam', id: e.examId, title: e.title, fromDay: beijingDayKey(e.opensAt), toDay: lastDay(e.closesAt), label: '已交卷', done: sums.submitted, of: audience, path: pathOf('exam', e.examId) };
  });
  const challenges = order(attached.challenges, docs.challenges, (c) => c.challengeId).map((c): AttachedActivity => {
    const byUnit = checkins.get(c.challengeId);
    const done = reached(c.audience).reduce((n, u) => n + (byUnit?.get(u._id) ?? 0), 0);
    return { kind: 'challenge', id: c.challengeId, title: c.title, fromDay: c.startDay, toDay: c.endDay, label: '打卡人次', done, of: null, path: pathOf('challenge', c.challengeId) };
  });
  const events = order(attached.events, docs.events, (e) => e.eventId).map((e): AttachedActivity => {
    let attended = 0;
    let confirmed = 0;
    for (const id of subtreeIds) {
      attended += e.byUnit[id]?.a ?? 0;
      confirmed += e.byUnit[id]?.c ?? 0;
    }
    return { kind: 'event', id: e.eventId, title: e.title, fromDay: beijingDayKey(e.startsAt), toDay: lastDay(e.endsAt), label: '到场人数', done: attended, of: confirmed, path: pathOf('event', e.eventId) };
  });
  const contests = order(attached.contests, docs.contests, (c) => c.contestId).map(
    (c): AttachedActivity => ({
      kind: 'contest',
      id: c.contestId,
      title: c.title,
      fromDay: beijingDayKey(c.opensAt),
      toDay: lastDay(c.closesAt),
      label: '参加人数',
      done: participants.get(c.contestId) ?? 0,
      of: null,
      path: pathOf('contest', c.contestId),
    }),
  );
  const taskLists = order(attached.taskLists, docs.taskLists, (l) => l._id).map((l): AttachedActivity => {
    const c = counts(l);
    return { kind: 'taskList', id: l._id, title: l.title, fromDay: null, toDay: null, label: '已完成事项', done: c.done, of: c.total, path: pathOf('taskList', l._id) };
  });
  return [...exams, ...challenges, ...events, ...contests, ...taskLists];
}
