// Task lists (issue 18: 实事清单 / 问题清单 / 责任清单) on a tree of three levels — the committee
// (org-demo) → a county committee → two branches (实验中学, 离退休干部) — with 机关第一党支部 beside
// the county. Organisers keep lists per unit; an item's owner (a roster member, maybe a plain
// member, maybe never bound) writes progress and closes it with photos; roll-ups of done and
// overdue per unit come from counters moved in the item's own transaction (ten taps close an item
// once; ten adds count ten); a public list shows titles, unit, status and the photos an organiser
// marked public, never a member's name, id or phone. Refusals name the field and write nothing.
import type { PublicTaskList, TaskListView, TaskResponses } from '../../core/contracts/campaignTasks';
import { COLLECTIONS } from '../../functions/lib/collections';
import { insertMany } from '../../functions/lib/db';
import type { UnitDoc } from '../../functions/lib/model';
import { issueTicket } from '../../functions/lib/uploads';
import { encodePng } from '../../localcloud/png';
import { DEMO_MEMBERS } from '../../scripts/lib/demo-data';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

jest.setTimeout(60_000);

let t: TestCloud;
const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);
const TODAY = '2036-03-02';
const ADMIN = 'demo-admin'; // 张伟, org admin (机关第一党支部)
const COUNTY_ORGANISER = 'demo-m-03'; // 陈静, moved into the county and appointed its organiser
const SCHOOL_ORGANISER = 'demo-organiser'; // 李强, 实验中学党支部
const RETIRED_ORGANISER = 'demo-m-22'; // 宋德明, 离退休干部党支部
const MAJUN = { openid: 'demo-m-12', memberId: 'demo-member-12' }; // 马俊, plain member of 实验中学
const ZHUMIN = 'demo-m-13'; // 朱敏, plain member of 实验中学, owns nothing
const GAOYUAN = 'demo-member-17'; // 高远, 实验中学, never bound
const WANG = { openid: 'demo-member', memberId: 'demo-member-21' }; // 王秀英, plain member of 离退休干部
let county = '';

const call = <T>(openid: string, action: string, payload: unknown) => t.call<T>(openid, 'campaign', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown) => dataOf(await call<T>(openid, action, payload));
const refused = async (openid: string, action: string, payload: unknown, code: string, message?: RegExp) => {
  const r = await call(openid, action, payload);
  expect(r).toMatchObject({ ok: false, code });
  if (message && !r.ok) expect(r.message).toMatch(message);
};
const stored = () => JSON.stringify([COLLECTIONS.taskLists, COLLECTIONS.taskItems, COLLECTIONS.taskUnits].map((c) => t.cloud.db.find(c)));
const doc = (collection: string, id: string) => t.cloud.db.find(collection).find((d) => d._id === id) as Record<string, unknown> | undefined;

const newList = async (openid: string, unitId: string, title: string, isPublic = false) =>
  (await ok<{ listId: string }>(openid, 'createTaskList', { unitId, kind: 'service', title, public: isPublic })).listId;
const newItem = async (openid: string, listId: string, title: string, ownerMemberId: string, deadlineDay: string) =>
  (await ok<{ itemId: string }>(openid, 'addTaskItem', { listId, title, ownerMemberId, deadlineDay })).itemId;

/**
 * A picture uploaded as `openid` at a path of the campaign context's `photo` ticket (the ticket's
 * own action, uploadTicket, belongs to the reports part; this file checks what the task actions
 * accept). `shade` makes each picture's bytes its own.
 */
const photoAs = async (openid: string, shade: number) => t.upload(issueTicket(openid, 'campaign', 'photo', 'p.png').cloudPath, encodePng(1, 1, 0, Buffer.from([0, shade])));

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(beijing(TODAY, 9));
  const org = async <T>(action: string, payload: unknown) => dataOf(await t.call<T>(ADMIN, 'org', action, payload));
  county = (await org<{ unit: { id: string } }>('createUnit', { parentId: 'org-demo', name: '示例县委', kind: 'committee' })).unit.id;
  await org('moveUnit', { unitId: 'br-school', parentId: county });
  await org('moveUnit', { unitId: 'br-retired', parentId: county });
  await org('moveMember', { memberId: 'demo-member-03', unitId: county });
  await org('setMemberRole', { memberId: 'demo-member-03', role: 'unit_organiser', unitIds: [county] });
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('roll-ups of done and overdue by unit, from counters', () => {
  const rollup = (openid: string, unitId?: string) => ok<TaskResponses['taskRollup']>(openid, 'taskRollup', unitId ? { unitId } : {});

  it('per child of the committee and of the county, overdue growing as the days pass with nothing written', async () => {
    const school = await newList(SCHOOL_ORGANISER, 'br-school', '实验中学为民办实事清单');
    const retired = await newList(RETIRED_ORGANISER, 'br-retired', '离退休支部问题清单');
    const s1 = await newItem(SCHOOL_ORGANISER, school, '修缮校门口路灯', MAJUN.memberId, '2036-03-03');
    await newItem(SCHOOL_ORGANISER, school, '整治上学路段积水', GAOYUAN, '2036-03-10');
    await newItem(RETIRED_ORGANISER, retired, '为独居老人安装呼叫器', WANG.memberId, '2036-03-04');
    await newItem(COUNTY_ORGANISER, retired, '走访困难党员', WANG.memberId, '2036-03-02');
    await ok(MAJUN.openid, 'closeTaskItem', { itemId: s1, text: '路灯已修好，晚上亮了' });

    const row = (unitId: string, name: string, lists: number, total: number, done: number, overdue: number) => ({ unitId, unitName: name, lists, total, done, overdue });
    expect(await rollup(COUNTY_ORGANISER)).toEqual({
      unit: row(county, '示例县委', 2, 4, 1, 0),
      children: [row('br-school', '实验中学党支部', 1, 2, 1, 0), row('br-retired', '离退休干部党支部', 1, 2, 0, 0)],
    });
    // Three days on: 03-02 and 03-04 have passed for 离退休; 实验中学's open item is due 03-10.
    t.cloud.clock.set(beijing('2036-03-05', 9));
    expect((await rollup(COUNTY_ORGANISER)).children).toEqual([row('br-school', '实验中学党支部', 1, 2, 1, 0), row('br-retired', '离退休干部党支部', 1, 2, 0, 2)]);
    t.cloud.clock.set(beijing('2036-03-11', 9));
    const root = await rollup(ADMIN);
    expect(root.unit).toEqual(row('org-demo', '示例市直机关党委', 2, 4, 1, 3));
    expect(root.children).toEqual(expect.arrayContaining([row(county, '示例县委', 2, 4, 1, 3), row('br-office', '机关第一党支部', 0, 0, 0, 0)]));
    expect(root.children).toHaveLength(2);
    // An organiser of one branch may not read the county; a plain member reads nothing.
    await refused(SCHOOL_ORGANISER, 'taskRollup', { unitId: county }, 'FORBIDDEN');
    await refused(MAJUN.openid, 'taskRollup', {}, 'FORBIDDEN');
    expect((await rollup(SCHOOL_ORGANISER)).unit).toEqual(row('br-school', '实验中学党支部', 1, 2, 1, 1));

    // Each list with its own counts; the county's organiser sees both branches' lists, a branch's its own.
    const lists = (await ok<TaskResponses['listTaskLists']>(COUNTY_ORGANISER, 'listTaskLists', {})).items;
    expect(lists.map((l) => [l.title, l.unitName, l.total, l.done, l.overdue])).toEqual([
      ['离退休支部问题清单', '离退休干部党支部', 2, 0, 2],
      ['实验中学为民办实事清单', '实验中学党支部', 2, 1, 1],
    ]);
    expect((await ok<TaskResponses['listTaskLists']>(SCHOOL_ORGANISER, 'listTaskLists', {})).items.map((l) => l.title)).toEqual(['实验中学为民办实事清单']);
    await refused(SCHOOL_ORGANISER, 'listTaskLists', { unitId: 'br-retired' }, 'FORBIDDEN');

    // Closed late (after its deadline's day): done late, and no longer overdue.
    const late = (await ok<TaskListView>(RETIRED_ORGANISER, 'getTaskList', { listId: retired })).items[0];
    expect(late).toMatchObject({ title: '为独居老人安装呼叫器', overdue: true });
    expect(await ok(WANG.openid, 'closeTaskItem', { itemId: late.itemId, text: '呼叫器已装好' })).toEqual({ itemId: late.itemId, status: 'done', doneLate: true });
    expect((await rollup(COUNTY_ORGANISER)).children[1]).toEqual(row('br-retired', '离退休干部党支部', 1, 2, 1, 1));
    t.cloud.clock.set(beijing(TODAY, 9));
  });
});

describe('adding an item: refusals name the field and write nothing', () => {
  let listId = '';
  beforeAll(async () => {
    listId = await newList(SCHOOL_ORGANISER, 'br-school', '实验中学责任清单');
  });
  const item = { title: '慰问退休教师', ownerMemberId: MAJUN.memberId, deadlineDay: '2036-03-20' };

  it('no owner, an unknown owner, an owner of another branch, no deadline, 2036-02-30, a past day, callers who may not', async () => {
    const before = stored();
    const { ownerMemberId: _o, ...noOwner } = item;
    await refused(SCHOOL_ORGANISER, 'addTaskItem', { listId, ...noOwner }, 'INVALID_ARGUMENT', /负责人/);
    await refused(SCHOOL_ORGANISER, 'addTaskItem', { listId, ...item, ownerMemberId: '' }, 'INVALID_ARGUMENT', /负责人/);
    await refused(SCHOOL_ORGANISER, 'addTaskItem', { listId, ...item, ownerMemberId: 'demo-member-nobody' }, 'INVALID_ARGUMENT', /负责人不在本单位名单中/);
    await refused(SCHOOL_ORGANISER, 'addTaskItem', { listId, ...item, ownerMemberId: WANG.memberId }, 'INVALID_ARGUMENT', /负责人不在本单位名单中/);
    const { deadlineDay: _d, ...noDeadline } = item;
    await refused(SCHOOL_ORGANISER, 'addTaskItem', { listId, ...noDeadline }, 'INVALID_ARGUMENT', /截止日期/);
    await refused(SCHOOL_ORGANISER, 'addTaskItem', { listId, ...item, deadlineDay: '2036-02-30' }, 'INVALID_ARGUMENT', /截止日期.*不是有效的日期/);
    await refused(SCHOOL_ORGANISER, 'addTaskItem', { listId, ...item, deadlineDay: '2036-03-01' }, 'INVALID_ARGUMENT', /截止日期不能早于今天/);
    await refused(RETIRED_ORGANISER, 'addTaskItem', { listId, ...item }, 'FORBIDDEN');
    await refused(MAJUN.openid, 'addTaskItem', { listId, ...item }, 'FORBIDDEN');
    await refused('o-never-bound', 'addTaskItem', { listId, ...item }, 'UNAUTHENTICATED');
    expect(stored()).toBe(before);
  });

  it('an owner from a branch below the list’s unit, bound or not, is accepted; today is not in the past', async () => {
    const countyList = await newList(COUNTY_ORGANISER, county, '县委领办实事清单');
    await expect(newItem(COUNTY_ORGANISER, countyList, '结对帮扶', GAOYUAN, TODAY)).resolves.toEqual(expect.any(String));
  });

  it('a note or a close-out with a photo uploaded by someone else is refused, naming the photo, and writes nothing', async () => {
    const itemId = await newItem(SCHOOL_ORGANISER, listId, '慰问退休教师', MAJUN.memberId, '2036-03-20');
    const someoneElses = await photoAs(ZHUMIN, 10);
    const before = stored();
    await refused(MAJUN.openid, 'addTaskNote', { itemId, text: '已联系三位老师', photos: [someoneElses] }, 'INVALID_ARGUMENT', /照片/);
    await refused(MAJUN.openid, 'closeTaskItem', { itemId, text: '慰问完成', photos: [someoneElses] }, 'INVALID_ARGUMENT', /照片/);
    await refused(MAJUN.openid, 'addTaskNote', { itemId, text: '已联系三位老师', photos: Array.from({ length: 10 }, () => someoneElses) }, 'INVALID_ARGUMENT', /照片最多9张/);
    // Not a picture at all, though at a photo ticket's path of the owner.
    const notImage = await t.upload(issueTicket(MAJUN.openid, 'campaign', 'photo', 'p.png').cloudPath, Buffer.from('<script>alert(1)</script>'));
    await refused(MAJUN.openid, 'addTaskNote', { itemId, text: '已联系三位老师', photos: [notImage] }, 'INVALID_ARGUMENT', /照片/);
    expect(stored()).toBe(before);
  });
});

describe('the owner, a plain member, writes progress and closes their item with a photo', () => {
  let listId = '';
  let mine = '';
  let gaos = '';
  beforeAll(async () => {
    listId = await newList(SCHOOL_ORGANISER, 'br-school', '实验中学实事清单（二）');
    mine = await newItem(SCHOOL_ORGANISER, listId, '为留守学生辅导功课', MAJUN.memberId, '2036-03-15');
    gaos = await newItem(SCHOOL_ORGANISER, listId, '维修操场护栏', GAOYUAN, '2036-03-15');
  });

  it('sees the list with their own item in full and the others by title and status only; may not edit', async () => {
    const view = await ok<TaskListView>(MAJUN.openid, 'getTaskList', { listId });
    expect(view.mayEdit).toBe(false);
    const own = view.items.find((i) => i.itemId === mine);
    const other = view.items.find((i) => i.itemId === gaos);
    expect(own).toMatchObject({ ownerName: '马俊', mayUpdate: true, mayEdit: false, status: 'todo' });
    expect(other).toMatchObject({ title: '维修操场护栏', ownerName: '', ownerMemberId: '', notes: [], mayUpdate: false, mayEdit: false });
    expect(JSON.stringify(view)).not.toContain('高远');
    await refused(MAJUN.openid, 'updateTaskItem', { itemId: mine, version: own?.version ?? 0, title: '改个名字', ownerMemberId: MAJUN.memberId, deadlineDay: '2036-03-15' }, 'FORBIDDEN');
    await refused(MAJUN.openid, 'addTaskNote', { itemId: gaos, text: '我来帮忙' }, 'FORBIDDEN');
    await refused(ZHUMIN, 'getTaskList', { listId }, 'FORBIDDEN');
    await refused(ZHUMIN, 'addTaskNote', { itemId: mine, text: '我来帮忙' }, 'FORBIDDEN');
  });

  // uploadTicket issues `photo` tickets to every bound member (documents stay with organisers), so an
  // owner who is a plain member uploads the photos the task actions accept from them.
  it('gets a photo ticket from the campaign function, as a plain member, and writes progress with it', async () => {
    const itemId = await newItem(SCHOOL_ORGANISER, listId, '整理图书角', MAJUN.memberId, '2036-03-15');
    const fileID = await t.uploadAs(MAJUN.openid, 'campaign', 'photo', 'p.png', encodePng(1, 1, 0, Buffer.from([0, 15])));
    expect(await ok(MAJUN.openid, 'addTaskNote', { itemId, text: '准备辅导材料', photos: [fileID] })).toMatchObject({ status: 'doing' });
  });

  it('a note puts it under way; the close-out with a photo makes it done, once', async () => {
    const p1 = await photoAs(MAJUN.openid, 20);
    const p2 = await photoAs(MAJUN.openid, 30);
    expect(await ok(MAJUN.openid, 'addTaskNote', { itemId: mine, text: '第一次辅导，5名学生', photos: [p1] })).toMatchObject({ status: 'doing' });
    expect(await ok(MAJUN.openid, 'closeTaskItem', { itemId: mine, text: '本学期辅导完成', photos: [p2] })).toEqual({ itemId: mine, status: 'done', doneLate: false });
    await refused(MAJUN.openid, 'closeTaskItem', { itemId: mine, text: '再办结一次' }, 'FAILED_PRECONDITION', /已经办结/);
    await refused(MAJUN.openid, 'addTaskNote', { itemId: mine, text: '补充一句' }, 'FAILED_PRECONDITION', /已经办结/);
    const item = (await ok<TaskListView>(SCHOOL_ORGANISER, 'getTaskList', { listId })).items.find((i) => i.itemId === mine);
    expect(item?.notes.map((n) => [n.kind, n.text, n.byName, n.photos.map((p) => p.fileID)])).toEqual([
      ['progress', '第一次辅导，5名学生', '马俊', [p1]],
      ['closeOut', '本学期辅导完成', '马俊', [p2]],
    ]);
    expect(item?.notes.every((n) => n.photos.every((p) => typeof p.url === 'string' && p.url.length > 0 && !p.public))).toBe(true);
    expect(doc(COLLECTIONS.taskLists, listId)).toMatchObject({ total: 3, done: 1, openByDeadline: { '2036-03-15': 2 } });
  });
});

describe('races settled by the database', () => {
  let listId = '';
  beforeAll(async () => {
    listId = await newList(RETIRED_ORGANISER, 'br-retired', '离退休支部实事清单');
  });
  const unitCounters = () => doc(COLLECTIONS.taskUnits, 'br-retired') as { total: number; done: number; openByDeadline: Record<string, number> };

  it('ten items added at once: each counted, in the list and the unit', async () => {
    const before = unitCounters();
    const added = await Promise.all(Array.from({ length: 10 }, (_x, i) => call<{ itemId: string }>(RETIRED_ORGANISER, 'addTaskItem', { listId, title: `上门送学第${i + 1}户`, ownerMemberId: WANG.memberId, deadlineDay: '2036-04-01' })));
    expect(added.filter((a) => a.ok)).toHaveLength(10);
    expect(doc(COLLECTIONS.taskLists, listId)).toMatchObject({ total: 10, done: 0, openByDeadline: { '2036-04-01': 10 } });
    expect(unitCounters()).toMatchObject({ total: before.total + 10, done: before.done, openByDeadline: { ...before.openByDeadline, '2036-04-01': (before.openByDeadline['2036-04-01'] ?? 0) + 10 } });
    expect(t.cloud.db.find(COLLECTIONS.taskItems).filter((d) => d.listId === listId)).toHaveLength(10);
  });

  it('ten closes of one item at once (the owner and organisers): closed once, counted done once', async () => {
    const itemId = await newItem(RETIRED_ORGANISER, listId, '帮助老党员交党费', WANG.memberId, '2036-04-02');
    const before = unitCounters();
    const closers = [WANG.openid, RETIRED_ORGANISER, COUNTY_ORGANISER, ADMIN];
    const answers = await Promise.all(Array.from({ length: 10 }, (_x, i) => call(closers[i % closers.length], 'closeTaskItem', { itemId, text: `已办结（${i}）` })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(unitCounters()).toMatchObject({ total: before.total, done: before.done + 1 });
    expect(unitCounters().openByDeadline['2036-04-02']).toBeUndefined();
    const item = doc(COLLECTIONS.taskItems, itemId) as { status: string; notes: Array<{ kind: string }> };
    expect(item.status).toBe('done');
    expect(item.notes.filter((n) => n.kind === 'closeOut')).toHaveLength(1);

    // Reopened by an organiser with the reason kept, then ten reopens at once change nothing more.
    await refused(WANG.openid, 'reopenTaskItem', { itemId, reason: '还没交齐' }, 'FORBIDDEN');
    const reopen = await Promise.all(Array.from({ length: 5 }, () => call(RETIRED_ORGANISER, 'reopenTaskItem', { itemId, reason: '还有两位没交齐' })));
    expect(reopen.filter((a) => a.ok)).toHaveLength(1);
    expect(unitCounters()).toMatchObject({ total: before.total, done: before.done, openByDeadline: { '2036-04-02': 1 } });
    const after = doc(COLLECTIONS.taskItems, itemId) as { status: string; doneAt: unknown; notes: Array<{ kind: string; text: string; byName: string }> };
    expect(after).toMatchObject({ status: 'doing', doneAt: null });
    expect(after.notes.at(-1)).toMatchObject({ kind: 'reopen', text: '还有两位没交齐', byName: '宋德明' });
  });
});

describe('the public view', () => {
  const VISITOR = 'o-public-visitor'; // never bound: the people served
  let listId = '';
  let itemId = '';
  let shown = '';
  let kept = '';

  beforeAll(async () => {
    listId = await newList(RETIRED_ORGANISER, 'br-retired', '离退休支部为民办实事公示');
    itemId = await newItem(RETIRED_ORGANISER, listId, '小区加装扶手', WANG.memberId, '2036-03-20');
    await newItem(RETIRED_ORGANISER, listId, '组织健康讲座', 'demo-member-22', '2036-03-25');
    shown = await photoAs(WANG.openid, 40);
    kept = await photoAs(WANG.openid, 50);
    await ok(WANG.openid, 'addTaskNote', { itemId, text: '王秀英联系了物业，电话13900002100', photos: [kept] });
    await ok(WANG.openid, 'closeTaskItem', { itemId, text: '扶手已装好', photos: [shown] });
  });

  it('answers nothing while the list is not published, to anyone', async () => {
    await refused(VISITOR, 'publicTaskList', { listId }, 'NOT_FOUND', /这份清单没有公开/);
    await refused(RETIRED_ORGANISER, 'publicTaskList', { listId }, 'NOT_FOUND', /这份清单没有公开/);
  });

  it('marks only a photo of the item public, by the organisers only', async () => {
    const other = await photoAs(RETIRED_ORGANISER, 60);
    await refused(RETIRED_ORGANISER, 'setPhotoPublic', { itemId, fileID: other, public: true }, 'INVALID_ARGUMENT', /照片/);
    await refused(WANG.openid, 'setPhotoPublic', { itemId, fileID: shown, public: true }, 'FORBIDDEN');
    await refused(SCHOOL_ORGANISER, 'setPhotoPublic', { itemId, fileID: shown, public: true }, 'FORBIDDEN');
    expect(await ok(RETIRED_ORGANISER, 'setPhotoPublic', { itemId, fileID: shown, public: true })).toEqual({ itemId, fileID: shown, public: true });
  });

  it('once published, shows anyone the titles, unit, status and the public photo — no name, member id, phone, note or other photo', async () => {
    await ok(RETIRED_ORGANISER, 'updateTaskList', { listId, title: '离退休支部为民办实事公示', public: true });
    const res = await t.invoke(VISITOR, 'campaign', 'publicTaskList', { listId });
    const view = dataOf(res.result as { ok: true; data: PublicTaskList });
    expect([res.stats.reads, res.stats.writes]).toEqual([3, 0]);
    expect(view).toMatchObject({
      title: '离退休支部为民办实事公示',
      kind: 'service',
      unitName: '离退休干部党支部',
      totals: { total: 2, done: 1 },
      items: [
        { title: '小区加装扶手', status: 'done', deadlineDay: '2036-03-20', doneDay: TODAY },
        { title: '组织健康讲座', status: 'todo', deadlineDay: '2036-03-25', doneDay: null, photos: [] },
      ],
    });
    expect(view.items[0].photos).toHaveLength(1);
    // The link opens the public photo's own bytes.
    const bytes = Buffer.from(await (await fetch(view.items[0].photos[0].url)).arrayBuffer());
    expect(bytes.equals(encodePng(1, 1, 0, Buffer.from([0, 40])))).toBe(true);
    const json = JSON.stringify(view);
    const path = (fileID: string) => fileID.replace(/^cloud:\/\/[^/]+\//, '');
    for (const secret of [shown, kept, path(kept), path(shown), '扶手已装好', '联系了物业', 'demo-member', 'Member', 'owner', 'byName']) expect(json).not.toContain(secret);
    for (const m of DEMO_MEMBERS) {
      expect(json).not.toContain(m.name);
      if (m.phone) expect(json).not.toContain(m.phone);
    }
    // The same for a bound member of another branch: it is public (each answer signs its own links).
    const noLinks = (v: PublicTaskList) => ({ ...v, items: v.items.map((i) => ({ ...i, photos: i.photos.length })) });
    expect(noLinks(await ok<PublicTaskList>(MAJUN.openid, 'publicTaskList', { listId }))).toEqual(noLinks(view));
  });
});

describe('reads pinned', () => {
  it('taskRollup reads 3 times and writes nothing, for a subtree of 3 units or of 30', async () => {
    const measure = async () => {
      const res = await t.invoke(COUNTY_ORGANISER, 'campaign', 'taskRollup', {});
      return { cost: [res.stats.reads, res.stats.writes], data: dataOf(res.result as { ok: true; data: TaskResponses['taskRollup'] }) };
    };
    const small = await measure();
    expect(small.cost).toEqual([3, 0]);
    // 27 more units below the county's branches, each with counters of its own: the same reads.
    const parent = t.cloud.db.find(COLLECTIONS.units).find((u) => u._id === 'br-school') as unknown as UnitDoc;
    const now = new Date(t.cloud.clock.now());
    const units: UnitDoc[] = Array.from({ length: 27 }, (_x, i) => ({
      ...parent,
      _id: `pin-unit-${i}`,
      kind: 'group',
      name: `党小组${i}`,
      parentId: parent._id,
      path: [...parent.path, `pin-unit-${i}`],
      inviteCode: null,
      createdAt: now,
    }));
    await insertMany(t.db, COLLECTIONS.units, units as unknown as Array<Record<string, unknown>>);
    const counters = units.map((u) => ({ _id: u._id, orgId: u.orgId, unitPath: u.path, lists: 1, total: 2, done: 1, openByDeadline: { '2036-03-01': 1 }, updatedAt: now }));
    await insertMany(t.db, COLLECTIONS.taskUnits, counters);
    const big = await measure();
    expect(big.cost).toEqual([3, 0]);
    const school = (d: typeof big.data) => d.children.find((c) => c.unitId === 'br-school');
    expect(school(big.data)).toMatchObject({ lists: (school(small.data)?.lists ?? 0) + 27, total: (school(small.data)?.total ?? 0) + 54, done: (school(small.data)?.done ?? 0) + 27, overdue: (school(small.data)?.overdue ?? 0) + 27 });
  });

  it('listTaskLists reads 3 times; getTaskList 4; closeTaskItem reads the item and its unit, then writes the item, the list and the counters in one transaction', async () => {
    const lists = await t.invoke(COUNTY_ORGANISER, 'campaign', 'listTaskLists', {});
    expect([lists.stats.reads, lists.stats.writes]).toEqual([3, 0]);
    const listId = await newList(SCHOOL_ORGANISER, 'br-school', '读数清单');
    const itemId = await newItem(SCHOOL_ORGANISER, listId, '读数事项', MAJUN.memberId, '2036-03-30');
    const get = await t.invoke(SCHOOL_ORGANISER, 'campaign', 'getTaskList', { listId });
    expect([get.stats.reads, get.stats.writes]).toEqual([4, 0]);
    const close = await t.invoke(MAJUN.openid, 'campaign', 'closeTaskItem', { itemId, text: '办好了' });
    expect(close.result).toMatchObject({ ok: true });
    expect([close.stats.reads, close.stats.writes]).toEqual([6, 4]);
    const ops = close.stats.ops.map((o) => `${o.action.replace('database.', '')}${o.collection ? ` ${o.collection}` : ''}`);
    expect(ops).toEqual([
      'getDocument identities',
      'getDocument taskItems',
      'getDocument units',
      'startTransaction',
      'getDocument taskItems',
      'modifyDocument taskItems',
      'getDocument taskLists',
      'modifyDocument taskLists',
      'getDocument taskUnits',
      'modifyDocument taskUnits',
      'commitTransaction',
    ]);
  });
});
