// What the campaign journey (test/browser/campaign-journey.test.ts) sets up through the actions
// before the pages take over, and how it reads the 四落实 workbook back. Everything here goes
// through the real functions over the local cloud, as the organisers and members would.
//
// The tree: 示例市直机关党委 (org-demo) → 教育和老干部工委 (a county-level committee) → 实验中学党支部
// and 离退休干部党支部 (moved under it); 机关第一党支部 stays directly under the organisation. 郑桂兰
// (demo-m-23) becomes the committee's organiser. Members of the two branches take part partly:
//   exam (to the committee, 5 single choices, 10 points, pass 6): 马俊 and 宋德明 pass online,
//     朱敏 hands in a blank paper (fails) — 冯玉兰's paper result is entered later in the page;
//   check-in challenge (the two branches): 马俊 and 王秀英 check in today;
//   event (to the committee): 胡雪, 郭峰 and 谢国华 sign up, 胡雪 and 谢国华 are marked present;
//   a public 实事清单 of 实验中学 with two items (马俊's and 朱敏's), due in a week.
import ExcelJS from 'exceljs';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { dataOf, type TestCloud } from './cloud';

export const ADMIN = 'demo-admin'; // 张伟, org admin
export const COUNTY_NAME = '教育和老干部工委';
export const COUNTY_ORGANISER = { openid: 'demo-m-23', memberId: 'demo-member-23', name: '郑桂兰' };

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface JourneySetup {
  countyId: string;
  examId: string;
  challengeId: string;
  eventId: string;
  listId: string;
  /** 马俊's item (closed in the page) and 朱敏's (left open: overdue once its deadline passes). */
  itemIds: { closed: string; open: string };
  titles: { exam: string; challenge: string; event: string; list: string; closedItem: string; openItem: string };
}

export async function setUpJourney(t: TestCloud): Promise<JourneySetup> {
  const act = async <T = unknown>(openid: string, fn: 'org' | 'exam' | 'checkin' | 'event' | 'campaign', action: string, payload: unknown = {}) =>
    dataOf(await t.call<T>(openid, fn, action, payload));
  const now = t.cloud.clock.now();
  const today = beijingDayKey(now);
  const titles = {
    exam: '专项行动：党章党规知识测试',
    challenge: '专项行动：每日学习打卡',
    event: '专项行动：主题党日',
    list: '校园周边为民办实事',
    closedItem: '修好校门口的路灯',
    openItem: '整修学校后门的台阶',
  };

  // The 3-level subtree and its organiser.
  const countyId = (await act<{ unit: { id: string } }>(ADMIN, 'org', 'createUnit', { parentId: 'org-demo', name: COUNTY_NAME, kind: 'committee' })).unit.id;
  await act(ADMIN, 'org', 'moveUnit', { unitId: 'br-school', parentId: countyId });
  await act(ADMIN, 'org', 'moveUnit', { unitId: 'br-retired', parentId: countyId });
  await act(ADMIN, 'org', 'setMemberRole', { memberId: COUNTY_ORGANISER.memberId, role: 'unit_organiser', unitIds: [countyId] });

  // The exam, taken partly.
  await act(ADMIN, 'exam', 'installSeedBank');
  const exam = {
    title: titles.exam,
    unitIds: [countyId],
    opensAt: now - MIN,
    closesAt: now + 7 * 24 * HOUR,
    durationMinutes: 20,
    paper: { mode: 'rules', rules: [{ type: 'single', tag: null, count: 5 }] },
    passScore: 6,
  };
  const examId = (await act<{ id: string }>(ADMIN, 'exam', 'saveExam', { exam })).id;
  await act(ADMIN, 'exam', 'publishExam', { examId });
  for (const [openid, right] of [
    ['demo-m-12', true], // 马俊
    ['demo-m-22', true], // 宋德明
    ['demo-m-13', false], // 朱敏: a blank paper
  ] as const) {
    const a = await act<{ attemptId: string }>(openid, 'exam', 'startExam', { examId });
    await act(openid, 'exam', 'submitAttempt', { attemptId: a.attemptId, answers: right ? correctAnswers(t.cloud.db, a.attemptId) : [] });
  }

  // The check-in challenge, and two check-ins today.
  const challengeId = (
    await act<{ id: string }>(ADMIN, 'checkin', 'createChallenge', {
      title: titles.challenge,
      startDay: today,
      endDay: addDays(today, 29),
      requiredDays: 10,
      unitIds: ['br-school', 'br-retired'],
    })
  ).id;
  await act('demo-m-12', 'checkin', 'checkIn', { title: '学习党章总纲', minutes: 30 });
  await act('demo-member', 'checkin', 'checkIn', { title: '学习党史第一章', minutes: 40 });

  // The event: three sign up, two are marked present.
  const event = {
    kind: 'party_day',
    title: titles.event,
    description: '',
    place: '党员活动室',
    signupOpensAt: now - HOUR,
    signupClosesAt: now + 10 * MIN,
    startsAt: now + 30 * MIN,
    endsAt: now + 2 * HOUR,
    capacity: 0,
    waitlist: false,
    approval: false,
    unitIds: [countyId],
    cancelHours: 0,
  };
  const eventId = (await act<{ id: string }>(ADMIN, 'event', 'saveEvent', { event })).id;
  await act(ADMIN, 'event', 'publishEvent', { eventId });
  for (const openid of ['demo-m-14', 'demo-m-15', 'demo-m-24']) await act(openid, 'event', 'signUp', { eventId });
  for (const memberId of ['demo-member-14', 'demo-member-24']) await act(ADMIN, 'event', 'markAttendance', { eventId, memberId, attended: true, reason: '现场签到' });

  // The public task list of 实验中学 with two items.
  const listId = (await act<{ listId: string }>(ADMIN, 'campaign', 'createTaskList', { unitId: 'br-school', kind: 'service', title: titles.list, public: true })).listId;
  const item = async (title: string, ownerMemberId: string) =>
    (await act<{ itemId: string }>(ADMIN, 'campaign', 'addTaskItem', { listId, title, detail: '', ownerMemberId, deadlineDay: addDays(today, 7) })).itemId;
  const itemIds = { closed: await item(titles.closedItem, 'demo-member-12'), open: await item(titles.openItem, 'demo-member-13') };

  return { countyId, examId, challengeId, eventId, listId, itemIds, titles };
}

// ---- the workbook ---------------------------------------------------------------------------------

/** 汇总's rows by unit name, each column by its second-row header, and the names in sheet order. */
export function summaryRows(wb: ExcelJS.Workbook): { rows: Map<string, Record<string, unknown>>; order: string[] } {
  const ws = wb.getWorksheet('汇总');
  if (!ws) throw new Error('the workbook has no 汇总 sheet');
  const header = (ws.getRow(2).values as unknown[]).slice(1);
  const rows = new Map<string, Record<string, unknown>>();
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const rec: Record<string, unknown> = { 上级单位: row.getCell(2).value };
    header.forEach((h, i) => {
      if (typeof h === 'string') rec[h] = row.getCell(i + 1).value;
    });
    rows.set(String(row.getCell(1).value), rec);
  });
  return { rows, order: [...rows.keys()] };
}

/** A unit sheet's rows as [column A, column B, …] values, for looking up a label's cells. */
export function sheetLines(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`the workbook has no sheet ${name}`);
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** The cells after `label` on the first line whose column A is `label` (after the line `after`, when given). */
export function besideLabel(lines: unknown[][], label: string, after?: string): unknown[] | undefined {
  const from = after === undefined ? 0 : lines.findIndex((l) => l[0] === after);
  if (from < 0) return undefined;
  return lines.slice(from).find((l) => l[0] === label)?.slice(1);
}
