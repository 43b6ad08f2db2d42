// Check-in settings, photos, the branch feed, challenges, reminders (timer and by hand), the trend
// and the xlsx export, against the local cloud through the real SDK. Days are in 2036 (after the
// demo members were bound, whenever the suite runs).
import ExcelJS from 'exceljs';
import type { ChallengeSummary, CheckinResponses, CheckinResult, SharedCheckin, MyChallenge } from '../../core/contracts/checkin';
import type { Page } from '../../core/contracts/common';
import { encodePng } from '../../localcloud/png';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const entry = { title: '学习《中国共产党简史》', minutes: 20, note: '' };
const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);
const call = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'checkin', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await call<T>(openid, action, payload));
const refused = async (openid: string, action: string, payload: unknown, code: string, message?: string | RegExp) => {
  const r = await call(openid, action, payload);
  expect(r).toMatchObject({ ok: false, code });
  if (message && !r.ok) expect(r.message).toMatch(message);
};
const ADMIN = 'demo-admin'; // 张伟, org admin, br-office
const ORGANISER = 'demo-organiser'; // 李强, organiser of br-school
const timer = () => t.cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders', Time: new Date().toISOString() }, { openid: '' });
const outbox = () => t.cloud.openapiCalls().filter((c) => c.api === 'subscribeMessage.send');

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('organisation settings', () => {
  it('start at 3 days and 2 make-ups a month; only an org admin changes them, and make-ups follow at once', async () => {
    await expect(ok('demo-m-02', 'getSettings')).resolves.toEqual({ makeupWindowDays: 3, makeupPerMonth: 2, reminderEnabled: true, reminderTime: '20:00', canEdit: false });
    const next = { makeupWindowDays: 1, makeupPerMonth: 1, reminderEnabled: true, reminderTime: '19:30' };
    await refused(ORGANISER, 'updateSettings', next, 'FORBIDDEN');
    await refused(ADMIN, 'updateSettings', { ...next, reminderTime: '25:00' }, 'INVALID_ARGUMENT');
    await refused(ADMIN, 'updateSettings', { ...next, makeupPerMonth: 11 }, 'INVALID_ARGUMENT');
    await expect(ok(ADMIN, 'updateSettings', next)).resolves.toEqual({ ...next, canEdit: true });
    t.cloud.clock.set(beijing('2036-03-10', 9));
    await refused('demo-m-02', 'makeUp', { ...entry, day: '2036-03-08' }, 'FAILED_PRECONDITION', '超过了可以补卡的天数');
    await expect(ok<CheckinResult>('demo-m-02', 'makeUp', { ...entry, day: '2036-03-09' })).resolves.toMatchObject({ makeupsLeftThisMonth: 0, makeupWindowDays: 1 });
    await refused('demo-m-02', 'checkIn', { ...entry, day: '2036-03-08' }, 'INVALID_ARGUMENT');
    await ok(ADMIN, 'updateSettings', { makeupWindowDays: 3, makeupPerMonth: 2, reminderEnabled: true, reminderTime: '20:00' });
  });
});

describe('photos', () => {
  it('keeps a photo whose bytes are an image, and refuses a file that is not one, or is missing, writing nothing', async () => {
    t.cloud.clock.set(beijing('2036-03-11', 9));
    const png = encodePng(1, 1, 0, Buffer.from([0, 128]));
    const photo = await t.uploadAs('demo-m-03', 'checkin', 'photo', 'photo.png', png);
    const fake = await t.uploadAs('demo-m-03', 'checkin', 'photo', 'fake.jpg', Buffer.from('这不是图片', 'utf8'));
    const before = t.cloud.db.count('checkins', {});
    await refused('demo-m-03', 'checkIn', { ...entry, photo: fake }, 'INVALID_ARGUMENT', '不是图片');
    await refused('demo-m-03', 'checkIn', { ...entry, photo: 'cloud://nowhere/none.png' }, 'INVALID_ARGUMENT', '找不到上传的照片');
    expect(t.cloud.db.count('checkins', {})).toBe(before);
    expect(t.cloud.db.count('checkinDaily', { _id: 'br-office_2036-03-11' })).toBe(0);
    await ok('demo-m-03', 'checkIn', { ...entry, photo, share: true });
    expect(t.cloud.db.find('checkins', { _id: 'demo-member-03_2036-03-11' })[0]).toMatchObject({ photo, share: true, name: '陈静' });
  });
});

describe('branch feed', () => {
  it('shows branch mates’ shared check-ins, newest first, one page per indexed query, and nothing unshared or from other branches', async () => {
    t.cloud.clock.set(beijing('2036-03-11', 10));
    await ok('demo-m-04', 'checkIn', { ...entry, note: '不公开', share: false });
    t.cloud.clock.set(beijing('2036-03-11', 11));
    await ok('demo-m-05', 'checkIn', { ...entry, note: '和大家分享', share: true });
    await ok('demo-m-12', 'checkIn', { ...entry, note: '另一个支部', share: true });
    const { result, stats } = await t.invoke('demo-m-06', 'checkin', 'sharedCheckins', { limit: 1 });
    const first = (result as { data: Page<SharedCheckin> }).data;
    // identity 1, the page 1: the photo's URL costs no database read
    expect([stats.reads, stats.writes]).toEqual([2, 0]);
    expect(first.items.map((i) => [i.name, i.note])).toEqual([['赵建国', '和大家分享']]);
    const second = await ok<Page<SharedCheckin>>('demo-m-06', 'sharedCheckins', { limit: 5, cursor: first.nextCursor });
    expect(second.items.map((i) => i.name)).toEqual(['陈静']);
    expect(second.items[0].photoUrl).toMatch(/^https?:\/\//);
    expect(second.nextCursor).toBeNull();
    await expect(ok<Page<SharedCheckin>>('demo-m-12', 'sharedCheckins', {})).resolves.toMatchObject({ items: [{ name: '马俊', mine: true }] });
    await refused('demo-m-06', 'sharedCheckins', { cursor: 'not-a-cursor' }, 'INVALID_ARGUMENT');
  });
});

describe('challenges', () => {
  const challenge = { title: '21天党史学习', description: '每天学习20分钟', startDay: '2036-03-09', endDay: '2036-03-29', requiredDays: 15 };

  it('are created by organisers for their own branches only (the whole organisation by org admins), once per double tap', async () => {
    t.cloud.clock.set(beijing('2036-03-11', 12));
    await refused(ORGANISER, 'createChallenge', { ...challenge, unitIds: ['br-office'] }, 'FORBIDDEN');
    await refused(ORGANISER, 'createChallenge', { ...challenge, unitIds: [] }, 'FORBIDDEN');
    await refused(ORGANISER, 'createChallenge', { ...challenge, unitIds: ['br-school'], endDay: '2036-03-08' }, 'INVALID_ARGUMENT', '结束日期不能早于开始日期');
    await refused(ORGANISER, 'createChallenge', { ...challenge, unitIds: ['br-school'], requiredDays: 22 }, 'INVALID_ARGUMENT', '达标天数不能超过活动天数（21天）');
    await refused('demo-m-12', 'createChallenge', { ...challenge, unitIds: ['br-school'] }, 'FORBIDDEN');
    const twice = await Promise.all([1, 2].map(() => ok<ChallengeSummary>(ORGANISER, 'createChallenge', { ...challenge, unitIds: ['br-school'] })));
    expect(twice[0].id).toBe(twice[1].id);
    expect(twice[0]).toMatchObject({ audienceNames: ['实验中学党支部'], status: 'active', createdByName: '李强', canCancel: true });
    expect(t.cloud.db.count('checkinChallenges', {})).toBe(1);
    await ok(ADMIN, 'createChallenge', { ...challenge, title: '全单位读书月', requiredDays: 10, unitIds: [] });
    expect((await ok<ChallengeSummary[]>(ORGANISER, 'listChallenges')).map((c) => c.title).sort()).toEqual(['21天党史学习', '全单位读书月'].sort());
  });

  it('show each member their days and standing, and organisers who is on track', async () => {
    // 马俊 (demo-m-12) checked in on the 11th; he adds the 10th as a make-up; 朱敏 checks in today.
    await ok('demo-m-12', 'makeUp', { ...entry, day: '2036-03-10' });
    await ok('demo-m-13', 'checkIn', entry);
    const mine = await ok<MyChallenge[]>('demo-m-12', 'myChallenges');
    const branchOnly = mine.find((c) => c.title === '21天党史学习') as MyChallenge;
    // Day 3 of 21 with 2 done: pace is floor(15 × 3 / 21) = 2.
    expect(branchOnly).toMatchObject({ doneDays: 2, standing: 'on_track', requiredDays: 15 });
    // The retired cadres' branch sees only the whole-organisation challenge; on day 3, not yet
    // checked in, the pace is floor(10 × 2 / 21) = 0 days.
    expect((await ok<MyChallenge[]>('demo-member', 'myChallenges')).map((c) => [c.title, c.doneDays, c.standing])).toEqual([['全单位读书月', 0, 'on_track']]);
    const id = branchOnly.id;
    const progress = await ok<CheckinResponses['challengeProgress']>(ORGANISER, 'challengeProgress', { challengeId: id, unitId: 'br-school' });
    expect(progress.rows.find((r) => r.name === '马俊')).toMatchObject({ doneDays: 2, standing: 'on_track' });
    expect(progress.rows.find((r) => r.name === '朱敏')).toMatchObject({ doneDays: 1, standing: 'behind' });
    expect(progress.counts).toMatchObject({ on_track: 1, behind: 9 });
    expect(progress.behindText).toMatch(/^「21天党史学习」进度落后（9人）：/);
    // A phone on the version before the rename asks by the old action and field names.
    await expect(ok<CheckinResponses['challengeProgress']>(ORGANISER, 'campaignProgress', { campaignId: id, unitId: 'br-school' })).resolves.toEqual(progress);
    await refused(ORGANISER, 'challengeProgress', { challengeId: id, unitId: 'br-office' }, 'FORBIDDEN');
    await refused(ADMIN, 'challengeProgress', { challengeId: id, unitId: 'br-office' }, 'NOT_FOUND');
    // Once the days left cannot reach the requirement, a member has missed it.
    t.cloud.clock.set(beijing('2036-03-20', 12));
    expect((await ok<MyChallenge[]>('demo-m-13', 'myChallenges')).find((c) => c.id === id)).toMatchObject({ doneDays: 1, standing: 'missed' });
    t.cloud.clock.set(beijing('2036-03-11', 12));
  });

  it('are cancelled by their creator or an org admin only, and then leave the members’ list', async () => {
    const id = (await ok<MyChallenge[]>('demo-m-12', 'myChallenges')).find((c) => c.title === '全单位读书月')?.id as string;
    await refused(ORGANISER, 'cancelChallenge', { challengeId: id }, 'FORBIDDEN');
    await expect(ok<ChallengeSummary>(ADMIN, 'cancelChallenge', { challengeId: id })).resolves.toMatchObject({ status: 'cancelled', canCancel: false });
    expect((await ok<MyChallenge[]>('demo-m-12', 'myChallenges')).map((c) => c.title)).toEqual(['21天党史学习']);
    // Started again with the same title and dates: a new challenge, not the cancelled one.
    const again = await ok<ChallengeSummary>(ADMIN, 'createChallenge', { ...challenge, title: '全单位读书月', requiredDays: 10, unitIds: [] });
    expect(again).toMatchObject({ status: 'active', unitIds: [] });
    expect(again.id).not.toBe(id);
    await ok(ADMIN, 'cancelChallenge', { challengeId: again.id });
  });
});

describe('reminders', () => {
  it('the daily job reminds, at the set Beijing time, those with a credit who have not checked in: once a day, however often it runs', async () => {
    t.cloud.clock.set(beijing('2036-03-12', 8));
    // Three members of the school branch grant a check-in credit; one of them checks in.
    for (const who of ['demo-m-14', 'demo-m-15', 'demo-m-16']) {
      await expect(t.call(who, 'org', 'grantReminders', { topics: ['checkin'] })).resolves.toMatchObject({ ok: true, data: { credits: { checkin: 1 } } });
    }
    await ok('demo-m-14', 'checkIn', entry);
    const sentBefore = outbox().length;
    t.cloud.clock.set(beijing('2036-03-12', 19, 59));
    await expect(timer()).resolves.toMatchObject({ result: { ok: true, data: { sent: 0, organisations: 0 } } });
    t.cloud.clock.set(beijing('2036-03-12', 20, 0));
    const runs = await Promise.all([timer(), timer()]);
    expect(runs.every((r) => (r.result as { ok: boolean }).ok)).toBe(true);
    const sent = outbox().slice(sentBefore);
    expect(sent.map((c) => (c.params as { touser: string }).touser).sort()).toEqual(['demo-m-15', 'demo-m-16']);
    expect(sent[0]).toMatchObject({ params: { page: 'pages/study/index', data: { date2: { value: '2036-03-12' } } } });
    expect(t.cloud.db.find('reminderCredits', { _id: 'demo-member-15' })[0]).toMatchObject({ checkin: 0 });
    expect(t.cloud.db.find('reminderCredits', { _id: 'demo-member-14' })[0]).toMatchObject({ checkin: 1 });
    t.cloud.clock.set(beijing('2036-03-12', 21, 0));
    await timer();
    expect(outbox().length).toBe(sentBefore + 2);
  });

  it('an organiser’s reminder reaches those not yet reminded today, and the timer never repeats it', async () => {
    // A new day: 何琳 (demo-m-15) grants again; the organiser reminds the branch at 9:00.
    t.cloud.clock.set(beijing('2036-03-13', 9));
    await t.call('demo-m-15', 'org', 'grantReminders', { topics: ['checkin'] });
    await t.call('demo-m-15', 'org', 'grantReminders', { topics: ['checkin'] });
    const before = outbox().length;
    await refused('demo-m-12', 'remindBranch', { unitId: 'br-school' }, 'FORBIDDEN');
    await refused(ORGANISER, 'remindBranch', { unitId: 'br-office' }, 'FORBIDDEN');
    // 10 members, nobody checked in today; demo-m-14 holds a credit (not spent yesterday), demo-m-15 two.
    // 4 of the 10 never bound WeChat: no reminder can reach them, and they are said apart, not as
    // "未开启提醒" (the 4 others are bound and hold no credit).
    await expect(ok(ORGANISER, 'remindBranch', { unitId: 'br-school' })).resolves.toEqual({ sent: 2, withoutCredit: 4, alreadyReminded: 0, unbound: 4 });
    // Again: both were reminded today (demo-m-14 with its only credit, demo-m-15 still holds one).
    await expect(ok(ORGANISER, 'remindBranch', { unitId: 'br-school' })).resolves.toEqual({ sent: 0, withoutCredit: 4, alreadyReminded: 2, unbound: 4 });
    t.cloud.clock.set(beijing('2036-03-13', 20, 5));
    await timer();
    expect(outbox().length).toBe(before + 2);
    // demo-m-14 was reminded today with its only credit: that is "already reminded", not "no credit".
    await expect(ok(ORGANISER, 'remindBranch', { unitId: 'br-school' })).resolves.toEqual({ sent: 0, withoutCredit: 4, alreadyReminded: 2, unbound: 4 });
    expect(t.cloud.db.find('reminderCredits', { _id: 'demo-member-15' })[0]).toMatchObject({ checkin: 1 });
  });

  it('is not sent when the organisation switched the daily reminder off', async () => {
    await ok(ADMIN, 'updateSettings', { makeupWindowDays: 3, makeupPerMonth: 2, reminderEnabled: false, reminderTime: '20:00' });
    t.cloud.clock.set(beijing('2036-03-14', 22));
    const before = outbox().length;
    await expect(timer()).resolves.toMatchObject({ result: { ok: true, data: { organisations: 0 } } });
    expect(outbox().length).toBe(before);
    await ok(ADMIN, 'updateSettings', { makeupWindowDays: 3, makeupPerMonth: 2, reminderEnabled: true, reminderTime: '20:00' });
  });
});

describe('completion trend and export', () => {
  it('draws 30 days from the counters and exports the day’s roster and the week, cell by cell', async () => {
    t.cloud.clock.set(beijing('2036-03-12', 22));
    const trend = await ok<CheckinResponses['completionTrend']>(ORGANISER, 'completionTrend', {});
    expect([trend.from, trend.to, trend.members, trend.days.length]).toEqual(['2036-02-12', '2036-03-12', 10, 30]);
    expect(trend.days.filter((d) => d.count > 0)).toEqual([
      { day: '2036-03-10', count: 1 },
      { day: '2036-03-11', count: 2 },
      { day: '2036-03-12', count: 1 },
    ]);
    await refused(ORGANISER, 'completionTrend', { unitId: 'br-office' }, 'FORBIDDEN');
    const file = await ok<CheckinResponses['exportCompletion']>(ORGANISER, 'exportCompletion', { day: '2036-03-11' });
    expect(file.fileName).toBe('学习打卡-实验中学党支部-2036-03-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await t.sdk.downloadFile({ fileID: file.fileID })).fileContent as unknown as ArrayBuffer);
    const roster = (wb.getWorksheet('打卡名单') as ExcelJS.Worksheet).getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(roster[0]).toEqual(['支部', '姓名', '状态', '学习内容', '时长（分钟）', '打卡时间']);
    expect(roster).toHaveLength(11);
    expect(roster.find((r) => r[1] === '马俊')).toEqual(['实验中学党支部', '马俊', '已打卡', entry.title, 20, '2036-03-11 11:00']);
    expect(roster.find((r) => r[1] === '朱敏')).toEqual(['实验中学党支部', '朱敏', '已打卡', entry.title, 20, '2036-03-11 12:00']);
    // Roster entries never bound to WeChat are 未绑定, not 未打卡: they could not have checked in.
    const unbound = new Set(t.cloud.db.find('members', { unitId: 'br-school' }, {}).filter((m) => !m.openid).map((m) => m.name as string));
    expect(unbound.size).toBeGreaterThan(0);
    const absent = roster.filter((r) => r[2] === '未打卡' || r[2] === '未绑定');
    expect(absent).toHaveLength(8);
    for (const r of absent) expect([r[1], r[2]]).toEqual([r[1], unbound.has(r[1] as string) ? '未绑定' : '未打卡']);
    const week = (wb.getWorksheet('近7天') as ExcelJS.Worksheet).getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(week[0]).toEqual(['支部', '人数', '03-05', '03-06', '03-07', '03-08', '03-09', '03-10', '03-11', '03-11 完成率（%）']);
    expect(week[1]).toEqual(['实验中学党支部', 10, 0, 0, 0, 0, 0, 1, 2, 20]);
    await refused(ORGANISER, 'exportCompletion', { unitId: 'br-office' }, 'FORBIDDEN');
  });
});
