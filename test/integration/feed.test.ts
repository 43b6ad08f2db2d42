// The feed function against the local cloud: bodies sanitised before they are stored, pinned and
// scheduled posts, keyset pages of one indexed query and one URL batch, search, reads, likes
// once per member, comments checked by the content service (the local word list), reports and
// hiding, members' submissions and their review, and the model-stories page.
import type { AdminPost, FeedResponses, ModelMember, PostCard, PostDetail } from '../../core/contracts/feed';
import { encodePng } from '../../localcloud/png';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const ADMIN = 'demo-admin'; // 张伟, org admin
const ORGANISER = 'demo-organiser'; // 李强, br-school
const MEMBER = 'demo-m-12'; // 马俊, br-school
const call = <T>(openid: string, action: string, payload: unknown = {}) => t.call<T>(openid, 'feed', action, payload);
const ok = async <T>(openid: string, action: string, payload: unknown = {}) => dataOf(await call<T>(openid, action, payload));
const refused = async (openid: string, action: string, payload: unknown, code: string, message?: string | RegExp) => {
  const r = await call(openid, action, payload);
  expect(r).toMatchObject({ ok: false, code });
  if (message && !r.ok) expect(r.message).toMatch(message);
};
const post = (over: Record<string, unknown> = {}) => ({ kind: 'report', title: '支部开展主题党日活动', body: '<p>全体党员参加了活动。</p>', tags: ['主题党日'], ...over });
let T0: number;

async function publishNew(openid: string, over: Record<string, unknown> = {}, publishAt?: number): Promise<AdminPost> {
  const saved = await ok<AdminPost>(openid, 'savePost', { post: post(over) });
  return ok<AdminPost>(openid, 'publishPost', { postId: saved.id, publishAt });
}

beforeAll(async () => {
  t = await startTestCloud();
  T0 = Date.now() + 3_600_000;
  t.cloud.clock.set(T0);
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('writing posts', () => {
  it('stores a sanitised body: a script or event-handler payload never reaches a reader', async () => {
    const saved = await ok<AdminPost>(ORGANISER, 'savePost', {
      post: post({ body: '<p onclick="alert(1)">活动现场</p><script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">详情</a>' }),
    });
    expect(saved.body).toBe('<p>活动现场</p>详情');
    expect(saved).toMatchObject({ status: 'draft', authorName: '李强', unitId: 'br-school' });
  });

  it('refuses unknown tags, oversized bodies, files that are not images, members and foreign branches, writing nothing', async () => {
    const before = t.cloud.db.count('posts', {});
    await refused(ORGANISER, 'savePost', { post: post({ tags: ['随便写的标签'] }) }, 'INVALID_ARGUMENT', '未知的标签');
    await refused(ORGANISER, 'savePost', { post: post({ body: `<p>${'长'.repeat(20_001)}</p>` }) }, 'INVALID_ARGUMENT', '正文太长');
    const fake = await t.uploadAs(ORGANISER, 'feed', 'postImage', 'fake.png', Buffer.from('GIF? no', 'utf8'));
    await refused(ORGANISER, 'savePost', { post: post({ cover: fake }) }, 'INVALID_ARGUMENT', '不是图片');
    await refused(ORGANISER, 'savePost', { post: post({ unitId: 'br-office' }) }, 'FORBIDDEN');
    await refused(MEMBER, 'savePost', { post: post() }, 'FORBIDDEN');
    await refused(ORGANISER, 'savePost', { post: post({ body: '<script>alert(1)</script>' }) }, 'INVALID_ARGUMENT', '请填写正文');
    expect(t.cloud.db.count('posts', {})).toBe(before);
  });
});

/** The five reports of the feed tests, oldest first (the comment tests use the first). */
const ids: string[] = [];

describe('the feed', () => {
  it('shows pinned posts first, then newest; a page is one indexed query and one URL batch', async () => {
    const cover = await t.uploadAs(ADMIN, 'feed', 'postImage', 'cover.png', encodePng(1, 1, 0, Buffer.from([0, 50])));
    for (let i = 0; i < 5; i++) {
      t.cloud.clock.set(T0 + (i + 1) * 60_000);
      ids.push((await publishNew(ADMIN, { title: `第${i + 1}篇报道`, cover, unitId: null })).id);
    }
    await ok(ADMIN, 'pinPost', { postId: ids[1], pinned: true });
    t.cloud.clock.set(T0 + 10 * 60_000);
    const { result, stats } = await t.invoke(MEMBER, 'feed', 'listPosts', { limit: 3 });
    const first = (result as { data: FeedResponses['listPosts'] }).data;
    // identity 1, the page 1: no read per post, and one temporary-URL call for the covers
    expect([stats.reads, stats.writes]).toEqual([2, 0]);
    expect(first.items.map((p) => p.title)).toEqual(['第2篇报道', '第5篇报道', '第4篇报道']);
    expect(first.items[0]).toMatchObject({ pinned: true, unitName: null, authorName: '张伟', summary: '全体党员参加了活动。' });
    expect(first.items.every((p) => /^https?:\/\//.test(p.coverUrl ?? ''))).toBe(true);
    const second = await ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { limit: 3, cursor: first.nextCursor });
    expect(second.items.map((p) => p.title)).toEqual(['第3篇报道', '第1篇报道']);
    expect(second.nextCursor).toBeNull();
    await refused(MEMBER, 'listPosts', { cursor: 'bm90IGEga2V5' }, 'INVALID_ARGUMENT');
  });

  it('filters by kind and finds titles; a scheduled post shows only from its time', async () => {
    await publishNew(ADMIN, { kind: 'notice', title: '关于开展学习的通知', tags: ['通知'], unitId: null });
    await publishNew(ADMIN, { kind: 'notice', title: '定时发布的通知', tags: ['通知'], unitId: null }, T0 + 60 * 60_000);
    const notices = await ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { kind: 'notice' });
    expect(notices.items.map((p) => p.title)).toEqual(['关于开展学习的通知']);
    await expect(ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { q: '3篇' })).resolves.toMatchObject({ items: [{ title: '第3篇报道' }] });
    await expect(ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { q: '.*' })).resolves.toMatchObject({ items: [] });
    t.cloud.clock.set(T0 + 61 * 60_000);
    expect((await ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { kind: 'notice' })).items.map((p) => p.title)).toEqual(['定时发布的通知', '关于开展学习的通知']);
  });

  it('counts reads, takes one like per member however often it is sent, and undoes it', async () => {
    const id = ids[0];
    await ok(MEMBER, 'getPost', { postId: id });
    const detail = await ok<PostDetail>('demo-m-13', 'getPost', { postId: id });
    expect(detail).toMatchObject({ reads: 2, likedByMe: false, canManage: false });
    expect(detail.bodyHtml).toBe('<p>全体党员参加了活动。</p>');
    await Promise.all([1, 2, 3].map(() => ok(MEMBER, 'likePost', { postId: id, like: true })));
    await expect(ok(MEMBER, 'likePost', { postId: id, like: true })).resolves.toEqual({ liked: true, likes: 1 });
    await expect(ok('demo-m-13', 'likePost', { postId: id, like: true })).resolves.toEqual({ liked: true, likes: 2 });
    await expect(ok(MEMBER, 'likePost', { postId: id, like: false })).resolves.toEqual({ liked: false, likes: 1 });
    await expect(ok(MEMBER, 'likePost', { postId: id, like: false })).resolves.toEqual({ liked: false, likes: 1 });
  });

  it('an unpublished post leaves the feed and cannot be opened; only its managers may unpublish it', async () => {
    await refused(ORGANISER, 'unpublishPost', { postId: ids[4], reason: '内容有误' }, 'FORBIDDEN');
    await ok(ADMIN, 'unpublishPost', { postId: ids[4], reason: '内容有误' });
    await refused(MEMBER, 'getPost', { postId: ids[4] }, 'NOT_FOUND');
    expect((await ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { kind: 'report', limit: 20 })).items.map((p) => p.id)).not.toContain(ids[4]);
  });
});

describe('comments', () => {
  it('refuses a comment the content check flags (nothing stored), shows the others, and lets organisers hide a reported one', async () => {
    const id = ids[0];
    const before = t.cloud.db.count('postComments', {});
    await refused(MEMBER, 'addComment', { postId: id, text: '这里有违禁词' }, 'INVALID_ARGUMENT', '评论含有不适宜的内容');
    expect(t.cloud.db.count('postComments', {})).toBe(before);
    const { comment } = await ok<FeedResponses['addComment']>(MEMBER, 'addComment', { postId: id, text: '向先进学习！' });
    const second = (await ok<FeedResponses['addComment']>('demo-m-13', 'addComment', { postId: id, text: '跑题的广告' })).comment;
    expect(comment).toMatchObject({ name: '马俊', text: '向先进学习！', mine: true });
    await ok(MEMBER, 'reportComment', { commentId: second?.id, reason: '广告' });
    await ok(MEMBER, 'reportComment', { commentId: second?.id, reason: '广告' });
    expect(t.cloud.db.find('postComments', { _id: second?.id })[0]).toMatchObject({ reports: 1, flagged: true });
    const flagged = await ok<FeedResponses['listFlaggedComments']>(ADMIN, 'listFlaggedComments', {});
    expect(flagged.items.map((c) => c.text)).toEqual(['跑题的广告']);
    await refused(MEMBER, 'hideComment', { commentId: second?.id, hidden: true, reason: '广告内容' }, 'FORBIDDEN');
    await ok(ADMIN, 'hideComment', { commentId: second?.id, hidden: true, reason: '广告内容' });
    expect((await ok<FeedResponses['listComments']>('demo-m-14', 'listComments', { postId: id })).items.map((c) => c.text)).toEqual(['向先进学习！']);
    expect((await ok<FeedResponses['listComments']>(ADMIN, 'listComments', { postId: id })).items.map((c) => [c.text, c.hidden])).toEqual([
      ['跑题的广告', true],
      ['向先进学习！', false],
    ]);
    await expect(ok<PostDetail>(MEMBER, 'getPost', { postId: id })).resolves.toMatchObject({ comments: 1 });
    // A comment the check is unsure of is held: not shown, not counted, in the organisers' queue
    // until one of them lets it show.
    const held = await ok<FeedResponses['addComment']>('demo-m-15', 'addComment', { postId: id, text: '这句有待审词' });
    expect(held).toEqual({ comment: null, held: true });
    expect((await ok<FeedResponses['listComments']>('demo-m-14', 'listComments', { postId: id })).items.map((c) => c.text)).toEqual(['向先进学习！']);
    const queued = (await ok<FeedResponses['listFlaggedComments']>(ADMIN, 'listFlaggedComments', {})).items;
    expect(queued.map((c) => [c.text, c.status])).toEqual([['这句有待审词', 'held']]);
    await ok(ADMIN, 'hideComment', { commentId: queued[0].id, hidden: false, reason: '内容正常' });
    expect((await ok<FeedResponses['listComments']>('demo-m-14', 'listComments', { postId: id })).items.map((c) => c.text)).toEqual(['这句有待审词', '向先进学习！']);
    await expect(ok<PostDetail>(MEMBER, 'getPost', { postId: id })).resolves.toMatchObject({ comments: 2 });
    // A report found groundless: keeping the comment takes it out of the queue, the decision kept.
    const third = (await ok<FeedResponses['addComment']>('demo-m-14', 'addComment', { postId: id, text: '说得好' })).comment;
    await ok(MEMBER, 'reportComment', { commentId: third?.id });
    await ok(ADMIN, 'hideComment', { commentId: third?.id, hidden: false, reason: '内容没有问题' });
    expect((await ok<FeedResponses['listFlaggedComments']>(ADMIN, 'listFlaggedComments', {})).items.map((c) => c.text)).toEqual([]);
    expect(t.cloud.db.find('postComments', { _id: third?.id })[0]).toMatchObject({ status: 'visible', flagged: false, moderation: [expect.objectContaining({ reason: '内容没有问题' })] });
  });
});

describe('submissions and model stories', () => {
  it('a member’s story waits for review; approved it is published, rejected the author sees why', async () => {
    const story = await ok<FeedResponses['submitPost']>(MEMBER, 'submitPost', { kind: 'model', title: '身边的好党员郭峰', body: '<p>三十年如一日扎根讲台。</p>', tags: ['优秀党员'] });
    expect(story.status).toBe('pending');
    await refused(ORGANISER, 'publishPost', { postId: story.postId }, 'FAILED_PRECONDITION', '请在“审核投稿”中审核');
    await refused(MEMBER, 'submitPost', { kind: 'notice', title: '我的通知', body: '<p>内容</p>' }, 'INVALID_ARGUMENT');
    expect((await ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { kind: 'model' })).items).toHaveLength(0);
    const pending = await ok<FeedResponses['listAdminPosts']>(ORGANISER, 'listAdminPosts', { status: 'pending' });
    expect(pending.items.map((p) => p.title)).toEqual(['身边的好党员郭峰']);
    await refused('demo-m-02', 'reviewPost', { postId: story.postId, approve: true }, 'FORBIDDEN');
    await ok(ORGANISER, 'reviewPost', { postId: story.postId, approve: true });
    expect((await ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { kind: 'model' })).items.map((p: PostCard) => [p.title, p.unitName])).toEqual([['身边的好党员郭峰', '实验中学党支部']]);
    const second = await ok<FeedResponses['submitPost']>(MEMBER, 'submitPost', { kind: 'report', title: '我们的读书会', body: '<p>读书会</p>' });
    await refused(ORGANISER, 'reviewPost', { postId: second.postId, approve: false }, 'INVALID_ARGUMENT', '请填写不通过的原因');
    await ok(ORGANISER, 'reviewPost', { postId: second.postId, approve: false, reason: '请补充活动照片' });
    await ok(ORGANISER, 'savePost', { post: post({ title: '管理员自己的草稿' }) });
    expect((await ok<FeedResponses['mySubmissions']>(ORGANISER, 'mySubmissions', {})).items).toEqual([]);
    const mine = await ok<FeedResponses['mySubmissions']>(MEMBER, 'mySubmissions', {});
    expect(mine.items.map((s) => [s.title, s.status, s.rejectReason])).toEqual([
      ['我们的读书会', 'rejected', '请补充活动照片'],
      ['身边的好党员郭峰', 'published', ''],
    ]);
  });

  it('features members with their stories on the 先进典型 page', async () => {
    await refused(ORGANISER, 'featureMember', { memberId: 'demo-member-02', honour: '优秀共产党员' }, 'FORBIDDEN');
    await refused(ORGANISER, 'savePost', { post: post({ kind: 'model', modelMemberId: 'demo-member-15', tags: ['优秀党员'] }) }, 'INVALID_ARGUMENT', '请先在“先进典型”中设置');
    const photo = await t.uploadAs(ORGANISER, 'feed', 'postImage', 'guo.png', encodePng(1, 1, 0, Buffer.from([0, 10])));
    await ok<ModelMember>(ORGANISER, 'featureMember', { memberId: 'demo-member-15', honour: '优秀教师', intro: '扎根讲台三十年', photo });
    // Editing the entry without a new photo keeps the photo.
    await expect(ok<ModelMember>(ORGANISER, 'featureMember', { memberId: 'demo-member-15', honour: '优秀共产党员', intro: '扎根讲台三十年' })).resolves.toMatchObject({ photo, honour: '优秀共产党员' });
    await publishNew(ORGANISER, { kind: 'model', title: '郭峰：三尺讲台写忠诚', modelMemberId: 'demo-member-15', tags: ['优秀党员'] });
    const models = await ok<ModelMember[]>(MEMBER, 'listModels');
    expect(models).toEqual([
      expect.objectContaining({ name: '郭峰', unitName: '实验中学党支部', honour: '优秀共产党员', stories: [expect.objectContaining({ title: '郭峰：三尺讲台写忠诚' })] }),
    ]);
    await expect(ok(ORGANISER, 'unfeatureMember', { memberId: 'demo-member-15' })).resolves.toEqual({ removed: true });
    await expect(ok<ModelMember[]>(MEMBER, 'listModels')).resolves.toEqual([]);
  });
});

describe('malformed input', () => {
  it('a search word with control characters is refused as INVALID_ARGUMENT, never INTERNAL (issue 14, item 8)', async () => {
    for (const q of ['\u0000', 'a\u0000b', '\u001f', '\u007f']) {
      await refused(MEMBER, 'listPosts', { q }, 'INVALID_ARGUMENT', '搜索词');
    }
    // Regular-expression characters are only text.
    await expect(ok<FeedResponses['listPosts']>(MEMBER, 'listPosts', { q: '.*(' })).resolves.toMatchObject({ items: [] });
  });
});
