// Files an action accepts (issue 14, items 7 and 6): only the caller's own upload, made through a
// ticket the server issued for that context and purpose; exports are named unguessably and are
// never accepted as imports; a picture must be a whole image, not a PNG with a script after it.
// The H5 host's upload endpoint stores only at ticket-shaped paths and never overwrites.
import { encodePng } from '../../localcloud/png';
import type { ContextName } from '../../core/contracts';
import type { CheckinResponses, ModelMember } from '../../core/contracts';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const ADMIN = 'demo-admin'; // org admin, br-office
const ORGANISER = 'demo-organiser'; // organiser of br-school
const png = encodePng(1, 1, 0, Buffer.from([0, 128]));
const entry = { title: '学习党章', minutes: 15, note: '' };
const beijing = (d: string, hh: number) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8);
const pathOf = (fileID: string) => fileID.replace(/^cloud:\/\/[^/]+\//, '');

const ticket = async (openid: string, context: ContextName, purpose: string, name: string) =>
  dataOf(await t.call<{ cloudPath: string }>(openid, context, 'uploadTicket', { purpose, name })).cloudPath;
const refused = async (openid: string, context: ContextName, action: string, payload: unknown, code: string, message?: RegExp) => {
  const r = await t.call(openid, context, action, payload);
  expect(r).toMatchObject({ ok: false, code });
  if (message && !r.ok) expect(r.message).toMatch(message);
};

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(beijing('2036-05-06', 9));
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('upload tickets', () => {
  it('are paths that show no openid, named by the server: a picture is never stored as .html, a sheet only as a spreadsheet', async () => {
    const photo = await ticket('demo-m-03', 'checkin', 'photo', '我的照片.html');
    expect(photo).toMatch(/^uploads\/photo\/[0-9a-f]{32}-[0-9a-f]{32}\/file\.jpg$/);
    expect(photo).not.toContain('demo-m-03');
    expect(await ticket('demo-m-03', 'checkin', 'photo', 'IMG_0001.PNG')).toMatch(/\/IMG_0001\.png$/);
    expect(await ticket(ORGANISER, 'org', 'sheet', '名单.xlsx')).toMatch(/^uploads\/sheet\/[0-9a-f]{32}-[0-9a-f]{32}\/file\.xlsx$/);
    await refused(ORGANISER, 'org', 'uploadTicket', { purpose: 'sheet', name: 'page.html' }, 'INVALID_ARGUMENT');
    await refused(ORGANISER, 'org', 'uploadTicket', { purpose: 'photo', name: 'a.png' }, 'INVALID_ARGUMENT');
    await refused('demo-m-03', 'org', 'uploadTicket', { purpose: 'sheet', name: '名单.xlsx' }, 'FORBIDDEN');
    await refused('demo-m-03', 'event', 'uploadTicket', { purpose: 'cover', name: 'c.png' }, 'FORBIDDEN');
    await refused('o-stranger', 'checkin', 'uploadTicket', { purpose: 'photo', name: 'p.png' }, 'UNAUTHENTICATED');
  });
});

describe('pictures', () => {
  it("another member's photo is refused, writing nothing; the uploader's own is kept", async () => {
    const mine = await t.uploadAs('demo-m-03', 'checkin', 'photo', 'p.png', png);
    const before = t.cloud.db.count('checkins', {});
    await refused('demo-m-04', 'checkin', 'checkIn', { ...entry, photo: mine }, 'INVALID_ARGUMENT', /找不到上传的照片/);
    await refused('demo-m-04', 'checkin', 'makeUp', { ...entry, day: '2036-05-05', photo: mine }, 'INVALID_ARGUMENT', /找不到上传的照片/);
    expect(t.cloud.db.count('checkins', {})).toBe(before);
    const done = dataOf(await t.call<CheckinResponses['checkIn']>('demo-m-03', 'checkin', 'checkIn', { ...entry, photo: mine }));
    expect(done.created).toBe(true);
    expect(t.cloud.db.count('checkins', {})).toBe(before + 1);
  });

  it('a forged or altered mac, a path without a ticket, and a ticket of another purpose or context are refused', async () => {
    const own = await ticket('demo-m-05', 'checkin', 'photo', 'p.png');
    const flipped = own.replace(/([0-9a-f])(\/[^/]+)$/, (_, c: string, rest: string) => `${c === '0' ? '1' : '0'}${rest}`);
    const forged = await t.upload(flipped, png);
    const bare = await t.upload('uploads/photo/p.png', png);
    const openidPath = await t.upload('uploads/demo-m-05/p.png', png);
    const cover = await t.uploadAs(ADMIN, 'event', 'cover', 'c.png', png);
    const feedImage = await t.uploadAs('demo-m-05', 'feed', 'postImage', 'f.png', png);
    const before = t.cloud.db.count('checkins', {});
    for (const photo of [forged, bare, openidPath, feedImage]) {
      await refused('demo-m-05', 'checkin', 'checkIn', { ...entry, photo }, 'INVALID_ARGUMENT', /找不到上传的照片/);
    }
    await refused(ADMIN, 'checkin', 'checkIn', { ...entry, photo: cover }, 'INVALID_ARGUMENT', /找不到上传的照片/);
    expect(t.cloud.db.count('checkins', {})).toBe(before);
    // A sheet ticketed by org is not one for exam, though the caller is the same organiser.
    const orgSheet = await t.uploadAs(ORGANISER, 'org', 'sheet', 'bank.csv', Buffer.from('题型,题干,答案\n判断,党章是根本大法,对\n'));
    const questions = t.cloud.db.count('questions', {});
    await refused(ORGANISER, 'exam', 'importQuestions', { fileID: orgSheet, fileName: 'bank.csv', commit: true }, 'INVALID_ARGUMENT', /找不到上传的文件/);
    expect(t.cloud.db.count('questions', {})).toBe(questions);
  });

  it('a PNG with a script after its end, or cut short, is not a picture', async () => {
    const hostile = Buffer.concat([png, Buffer.from('<script>alert(document.domain)</script>')]);
    const withScript = await t.uploadAs('demo-m-06', 'checkin', 'photo', 'x.html', hostile);
    const cut = await t.uploadAs('demo-m-06', 'checkin', 'photo', 'x.png', png.subarray(0, png.length - 12));
    const before = t.cloud.db.count('checkins', {});
    await refused('demo-m-06', 'checkin', 'checkIn', { ...entry, photo: withScript }, 'INVALID_ARGUMENT', /不是图片/);
    await refused('demo-m-06', 'checkin', 'checkIn', { ...entry, photo: cut }, 'INVALID_ARGUMENT', /不是图片/);
    expect(t.cloud.db.count('checkins', {})).toBe(before);
  });

  it("editing keeps a picture already on the object without a ticket; a new one must be the editor's own", async () => {
    const photo = await t.uploadAs(ORGANISER, 'feed', 'postImage', 'guo.png', png);
    await expect(t.call<ModelMember>(ADMIN, 'feed', 'featureMember', { memberId: 'demo-member-15', honour: '优秀教师', photo })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    dataOf(await t.call<ModelMember>(ORGANISER, 'feed', 'featureMember', { memberId: 'demo-member-15', honour: '优秀教师', photo }));
    // The org admin edits the honour and keeps the photo the branch organiser uploaded.
    const edited = dataOf(await t.call<ModelMember>(ADMIN, 'feed', 'featureMember', { memberId: 'demo-member-15', honour: '优秀共产党员', photo }));
    expect(edited).toMatchObject({ photo, honour: '优秀共产党员' });
    // An event's cover, the same way: the org admin edits the branch organiser's event and keeps its cover.
    const T = beijing('2036-05-06', 12);
    const event = { kind: 'party_lecture', title: '专题党课', description: '', place: '学校报告厅', signupOpensAt: T, signupClosesAt: T + 20 * 3_600_000, startsAt: T + 24 * 3_600_000, endsAt: T + 26 * 3_600_000, capacity: 10, waitlist: false, approval: false, unitIds: ['br-school'], cancelHours: 2 };
    const cover = await t.uploadAs(ORGANISER, 'event', 'cover', 'cover.png', png);
    await refused(ADMIN, 'event', 'saveEvent', { event: { ...event, cover } }, 'INVALID_ARGUMENT', /找不到上传的封面/);
    const saved = dataOf(await t.call<{ id: string }>(ORGANISER, 'event', 'saveEvent', { event: { ...event, cover } }));
    expect(dataOf(await t.call(ADMIN, 'event', 'saveEvent', { eventId: saved.id, event: { ...event, title: '专题党课（改）', cover } }))).toMatchObject({ cover });
    const another = await t.uploadAs(ORGANISER, 'feed', 'postImage', 'other.png', png);
    await refused(ADMIN, 'feed', 'featureMember', { memberId: 'demo-member-15', honour: '优秀共产党员', photo: another }, 'INVALID_ARGUMENT', /找不到上传的配图/);
  });
});

describe('sheets and exports', () => {
  it('exports are named unguessably, without a member id, and are never accepted as imports', async () => {
    const file = dataOf(await t.call<CheckinResponses['exportCompletion']>(ORGANISER, 'checkin', 'exportCompletion', {}));
    expect(pathOf(file.fileID)).toMatch(/^exports\/checkin\/[0-9a-f]{32}\/[A-Za-z0-9._-]+\.xlsx$/);
    expect(file.fileID).not.toMatch(/demo-member|demo-organiser/);
    const members = t.cloud.db.count('members', {});
    for (const who of [ORGANISER, ADMIN]) {
      await refused(who, 'org', 'importRoster', { fileID: file.fileID, fileName: '名单.xlsx', commit: true }, 'NOT_FOUND', /找不到上传的文件/);
      await refused(who, 'org', 'importUnits', { fileID: file.fileID, fileName: '组织.xlsx', parentId: 'br-school', commit: true }, 'NOT_FOUND', /找不到上传的文件/);
    }
    expect(t.cloud.db.count('members', {})).toBe(members);
  });

  it("an organiser's own ticketed sheet imports; another organiser's is refused", async () => {
    const csv = Buffer.from('姓名,所在支部\n上传测试,实验中学党支部\n', 'utf8');
    const fileID = await t.uploadAs(ORGANISER, 'org', 'sheet', '名单.csv', csv);
    const members = t.cloud.db.count('members', {});
    await refused(ADMIN, 'org', 'importRoster', { fileID, fileName: '名单.csv', commit: true }, 'NOT_FOUND', /找不到上传的文件/);
    expect(t.cloud.db.count('members', {})).toBe(members);
    const report = dataOf(await t.call<{ total: number; ready: number }>(ORGANISER, 'org', 'importRoster', { fileID, fileName: '名单.csv', commit: false }));
    expect(report).toMatchObject({ total: 1, ready: 1 });
  });
});

describe('H5 upload endpoint', () => {
  const login = async (openid: string) => {
    const res = await fetch(`${t.cloud.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid }) });
    return ((await res.json()) as { data: { token: string } }).data.token;
  };
  const post = (token: string, query: string, body: Buffer) =>
    fetch(`${t.cloud.url}/api/upload?${query}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: new Uint8Array(body) });

  it('stores at a ticket path only, without the openid, and never overwrites a file', async () => {
    const token = await login('demo-m-12');
    const cloudPath = await ticket('demo-m-12', 'checkin', 'photo', 'p.png');
    const first = await post(token, `path=${encodeURIComponent(cloudPath)}`, png);
    expect(first.status).toBe(200);
    const { data } = (await first.json()) as { data: { fileID: string } };
    expect(pathOf(data.fileID)).toBe(cloudPath);
    expect(data.fileID).not.toContain('demo-m-12');
    const again = await post(token, `path=${encodeURIComponent(cloudPath)}`, Buffer.from('<html>replaced</html>'));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(((await t.sdk.downloadFile({ fileID: data.fileID })).fileContent as Buffer).equals(png)).toBe(true);
    dataOf(await t.call('demo-m-12', 'checkin', 'checkIn', { ...entry, photo: data.fileID }));

    for (const query of ['name=a.png', 'path=uploads/demo-m-12/a.html', `path=${encodeURIComponent('exports/checkin/' + '0'.repeat(32) + '/x.xlsx')}`, `path=${encodeURIComponent(cloudPath.replace(/[^/]+$/, '../../x.png'))}`]) {
      const res = await post(token, query, png);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
  });
});
