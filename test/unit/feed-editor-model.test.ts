// The post editor's form model: a new post's defaults (and its scope by the organiser's role), a
// saved post as the form (its body kept as stored), each change (tags up to five, the body retyped
// or restored), the checks said before saving, the savePost payload, which the contract's schema
// accepts, publishing now or later, and the saved post's state in words.
import { feedSchemas } from '../../core/contracts/feed';
import type { AdminPost } from '../../core/contracts';
import {
  blankPostForm,
  canPublish,
  defaultPublishAt,
  hasStoredBody,
  isLive,
  postFormOf,
  postFormProblem,
  postInputOf,
  postPublishQuestion,
  postStatusLine,
  publishAtOf,
  publishButtonText,
  scheduleProblem,
  tagProblem,
  updatePostForm,
  type PostForm,
  type SavedPost,
} from '../../src/subpackages/feed-admin/editorModel';
import { htmlToParagraphs, postDateText, scheduleText } from '../../src/utils/feed-format';

/** UTC instant of a Beijing wall time. */
const beijing = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const NOW = beijing(2025, 5, 1, 10, 17);
const ORG_ADMIN = { role: 'org_admin' as const };
const ORGANISER = { role: 'unit_organiser' as const };
const BRANCHES = [
  { id: 'br-school', name: '实验中学党支部' },
  { id: 'br-office', name: '机关党支部' },
];

/** A blank form that passes every check. */
const valid = (patch: Partial<PostForm> = {}): PostForm => ({ ...blankPostForm(ORGANISER, BRANCHES), title: '主题党日活动', text: '第一段', ...patch });
const photo = (n: number) => ({ fileID: `cloud://env/p${n}.jpg`, preview: `blob:p${n}` });

const savedPost = (patch: Partial<SavedPost> = {}): SavedPost => ({
  kind: 'model',
  title: '三尺讲台写忠诚',
  body: '<p>郭峰老师</p><h2>事迹</h2>',
  cover: 'cloud://env/cover.jpg',
  coverUrl: 'https://tmp.example/cover.jpg',
  images: ['cloud://env/a.jpg', 'cloud://env/b.jpg'],
  imageUrls: ['https://tmp.example/a.jpg'],
  tags: ['先进事迹', '旧标签', '优秀党员'],
  unitId: 'br-school',
  modelMemberId: 'm-guo',
  ...patch,
});

type StatusOf = Parameters<typeof postStatusLine>[0];
const status = (patch: Partial<StatusOf>): StatusOf => ({ status: 'draft', publishAt: null, reads: 0, likes: 0, comments: 0, rejectReason: '', source: null, ...patch });

describe('a new post', () => {
  it('is an empty 活动报道 typed as plain paragraphs', () => {
    expect(blankPostForm(ORGANISER, BRANCHES)).toEqual({
      kind: 'report',
      title: '',
      bodyMode: 'text',
      html: '',
      text: '',
      cover: [],
      images: [],
      tags: [],
      unitId: 'br-school',
      modelMemberId: null,
    });
  });

  it('is for the whole organisation from an org admin, for the organiser’s first branch otherwise', () => {
    expect(blankPostForm(ORG_ADMIN, BRANCHES).unitId).toBeNull();
    expect(blankPostForm(ORGANISER, [BRANCHES[1], BRANCHES[0]]).unitId).toBe('br-office');
    expect(blankPostForm(ORGANISER, []).unitId).toBeNull();
  });
});

describe('a saved post as the form', () => {
  it('keeps its body as stored, its pictures with what to show for them, and only the tags still offered', () => {
    expect(postFormOf(savedPost())).toEqual({
      kind: 'model',
      title: '三尺讲台写忠诚',
      bodyMode: 'html',
      html: '<p>郭峰老师</p><h2>事迹</h2>',
      text: '',
      cover: [{ fileID: 'cloud://env/cover.jpg', preview: 'https://tmp.example/cover.jpg' }],
      images: [
        { fileID: 'cloud://env/a.jpg', preview: 'https://tmp.example/a.jpg' },
        { fileID: 'cloud://env/b.jpg', preview: '' },
      ],
      tags: ['先进事迹', '优秀党员'],
      unitId: 'br-school',
      modelMemberId: 'm-guo',
    });
  });

  it('an empty (or blank) body is typed afresh; no cover is none, a cover without a URL shows nothing', () => {
    expect(hasStoredBody({ body: ' \n ' })).toBe(false);
    expect(postFormOf(savedPost({ body: ' \n ' }))).toMatchObject({ bodyMode: 'text', html: ' \n ', text: '' });
    expect(postFormOf(savedPost({ cover: null })).cover).toEqual([]);
    expect(postFormOf(savedPost({ coverUrl: null })).cover).toEqual([{ fileID: 'cloud://env/cover.jpg', preview: '' }]);
  });
});

describe('changes', () => {
  it('set changes the named fields only', () => {
    const form = valid();
    expect(updatePostForm(form, { type: 'set', patch: { title: '新标题', images: [photo(1)] } })).toEqual({ ...form, title: '新标题', images: [photo(1)] });
  });

  it('the scope chip 全单位 means no branch; the model chip 不指定 means nobody', () => {
    const form = valid();
    expect(updatePostForm(form, { type: 'unit', chip: 'all' }).unitId).toBeNull();
    expect(updatePostForm(form, { type: 'unit', chip: 'br-office' }).unitId).toBe('br-office');
    expect(updatePostForm(form, { type: 'model', chip: 'm-guo' }).modelMemberId).toBe('m-guo');
    expect(updatePostForm({ ...form, modelMemberId: 'm-guo' }, { type: 'model', chip: 'none' }).modelMemberId).toBeNull();
  });

  it('tags go on and off; a sixth is refused with the reason and the form unchanged', () => {
    let form = valid();
    for (const tag of ['党史学习', '理论学习', '主题党日', '党课', '宣讲'] as const) {
      expect(tagProblem(form, tag)).toBeNull();
      form = updatePostForm(form, { type: 'toggleTag', tag });
    }
    expect(form.tags).toHaveLength(5);
    expect(tagProblem(form, '通知')).toBe('标签最多选5个');
    expect(updatePostForm(form, { type: 'toggleTag', tag: '通知' })).toBe(form);
    expect(tagProblem(form, '党课')).toBeNull();
    expect(updatePostForm(form, { type: 'toggleTag', tag: '党课' }).tags).toEqual(['党史学习', '理论学习', '主题党日', '宣讲']);
  });

  it('retyping the body turns the stored HTML into plain paragraphs; restoring brings the stored body back', () => {
    const form = postFormOf(savedPost());
    const retyped = updatePostForm(form, { type: 'retypeBody' });
    expect(retyped).toMatchObject({ bodyMode: 'text', text: htmlToParagraphs(form.html), html: form.html });
    expect(retyped.text).toBe('郭峰老师\n事迹');
    expect(updatePostForm(retyped, { type: 'restoreBody' })).toMatchObject({ bodyMode: 'html', html: form.html });
  });
});

describe('checks before saving', () => {
  it('a titled post with a body, or with photos only, has no problem', () => {
    expect(postFormProblem(valid())).toBeNull();
    expect(postFormProblem(valid({ text: '', images: [photo(1)] }))).toBeNull();
    expect(postFormProblem(postFormOf(savedPost()))).toBeNull();
  });

  it('wants a title of at least 2 characters, not counting the spaces around it', () => {
    expect(postFormProblem(valid({ title: '' }))).toBe('请填写标题（至少2个字）');
    expect(postFormProblem(valid({ title: ' 党 ' }))).toBe('请填写标题（至少2个字）');
    expect(postFormProblem(valid({ text: '', title: ' 党 ' }))).toBe('请填写标题（至少2个字）');
  });

  it('asks for a body when there is neither text (empty lines are none) nor a photo', () => {
    expect(postFormProblem(valid({ text: '' }))).toBe('请填写正文');
    expect(postFormProblem(valid({ text: ' \n\n  \r\n' }))).toBe('请填写正文');
    expect(postFormProblem(valid({ bodyMode: 'html', html: '  ', text: '有字' }))).toBe('请填写正文');
    expect(postFormProblem(valid({ text: '', cover: [photo(1)] }))).toBe('请填写正文');
  });
});

describe('the savePost payload', () => {
  it('trims the title, sends typed paragraphs as escaped HTML, the first photo as cover, and fits the contract', () => {
    const form = valid({ title: '  主题党日活动 ', text: '观看 <b>《长津湖》</b>\n\n大家发言', images: [photo(1), photo(2)], tags: ['党史学习'] });
    const post = postInputOf(form);
    expect(post).toEqual({
      kind: 'report',
      title: '主题党日活动',
      body: '<p>观看 &lt;b&gt;《长津湖》&lt;/b&gt;</p><p>大家发言</p>',
      cover: 'cloud://env/p1.jpg',
      images: ['cloud://env/p1.jpg', 'cloud://env/p2.jpg'],
      tags: ['党史学习'],
      unitId: 'br-school',
      modelMemberId: null,
    });
    expect(feedSchemas.savePost.safeParse({ postId: null, post }).success).toBe(true);
  });

  it('keeps a stored body as it is, and a chosen cover over the first photo', () => {
    const post = postInputOf(postFormOf(savedPost()));
    expect(post).toMatchObject({ body: '<p>郭峰老师</p><h2>事迹</h2>', cover: 'cloud://env/cover.jpg', images: ['cloud://env/a.jpg', 'cloud://env/b.jpg'] });
    expect(feedSchemas.savePost.safeParse({ postId: 'post-1', post }).success).toBe(true);
  });

  it('has no cover without a cover or photos', () => {
    expect(postInputOf(valid()).cover).toBeNull();
  });

  it('names the featured member for a 先进典型 only', () => {
    expect(postInputOf(valid({ kind: 'model', modelMemberId: 'm-guo' })).modelMemberId).toBe('m-guo');
    expect(postInputOf(valid({ kind: 'notice', modelMemberId: 'm-guo' })).modelMemberId).toBeNull();
  });

  it('sends the whole organisation as a null unit', () => {
    const post = postInputOf(valid({ unitId: null }));
    expect(post.unitId).toBeNull();
    expect(feedSchemas.savePost.safeParse({ postId: null, post }).success).toBe(true);
  });
});

describe('publishing now or later', () => {
  it('offers the next half hour at least an hour from now', () => {
    expect(defaultPublishAt(beijing(2025, 5, 1, 10, 17))).toBe(beijing(2025, 5, 1, 11, 30));
    expect(defaultPublishAt(beijing(2025, 5, 1, 10, 0))).toBe(beijing(2025, 5, 1, 11, 0));
    expect(defaultPublishAt(beijing(2025, 5, 1, 23, 45))).toBe(beijing(2025, 5, 2, 1, 0));
  });

  it('a scheduled time must be later than now; publishing now sends no time', () => {
    expect(scheduleProblem('later', NOW, NOW)).toBe('定时发布的时间要晚于现在');
    expect(scheduleProblem('later', NOW - 60_000, NOW)).toBe('定时发布的时间要晚于现在');
    expect(scheduleProblem('later', NOW + 60_000, NOW)).toBeNull();
    expect(scheduleProblem('now', NOW - 60_000, NOW)).toBeNull();
    expect(publishAtOf('now', NOW + 60_000)).toBeNull();
    expect(publishAtOf('later', NOW + 60_000)).toBe(NOW + 60_000);
  });

  it('asks with when and whose members will see it: the branch by name, 本支部 if unknown, 全单位', () => {
    const at = beijing(2025, 5, 2, 9, 30);
    expect(postPublishQuestion(valid({ unitId: 'br-office' }), BRANCHES, 'now', at, NOW)).toBe('立即发布，机关党支部的党员会在首页看到。确定发布吗？');
    expect(postPublishQuestion(valid({ unitId: 'br-gone' }), BRANCHES, 'now', at, NOW)).toBe('立即发布，本支部的党员会在首页看到。确定发布吗？');
    expect(postPublishQuestion(valid({ unitId: null }), BRANCHES, 'later', at, NOW)).toBe(`${scheduleText(at, NOW)}，全单位的党员会在首页看到。确定发布吗？`);
  });

  it('publishes drafts, pending and taken-down posts (again), not published or refused ones', () => {
    expect(['draft', 'pending', 'unpublished'].every((s) => canPublish(s as AdminPost['status']))).toBe(true);
    expect(canPublish('published')).toBe(false);
    expect(canPublish('rejected')).toBe(false);
    expect(publishButtonText('draft', 'now')).toBe('发布');
    expect(publishButtonText('draft', 'later')).toBe('定时发布');
    expect(publishButtonText('unpublished', 'later')).toBe('重新发布');
  });
});

describe('the saved post’s state in words', () => {
  it('a scheduled post says when it goes out, and is not live yet', () => {
    const later = beijing(2025, 5, 2, 9, 30);
    expect(postStatusLine(status({ status: 'published', publishAt: later }), NOW)).toBe(scheduleText(later, NOW));
    expect(isLive({ status: 'published', publishAt: later }, NOW)).toBe(false);
  });

  it('a published post says when, with its reads, likes and comments, and is live', () => {
    const at = beijing(2025, 5, 1, 9, 30);
    expect(postStatusLine(status({ status: 'published', publishAt: at, reads: 12, likes: 3, comments: 1 }), NOW)).toBe(`发布于 ${postDateText(at, NOW)} · 阅读 12 · 赞 3 · 评论 1`);
    expect(isLive({ status: 'published', publishAt: at }, NOW)).toBe(true);
    expect(isLive({ status: 'published', publishAt: null }, NOW)).toBe(true);
    expect(isLive({ status: 'unpublished', publishAt: at }, NOW)).toBe(false);
  });

  it('a refused post gives the reason; a draft from an event says to check it; anything else says nothing', () => {
    expect(postStatusLine(status({ status: 'rejected', rejectReason: '照片不清楚' }), NOW)).toBe('未通过的原因：照片不清楚');
    expect(postStatusLine(status({ status: 'rejected', rejectReason: '' }), NOW)).toBe('');
    expect(postStatusLine(status({ source: { type: 'event', id: 'ev-1' } }), NOW)).toBe('由活动自动生成的草稿，请核对后发布');
    expect(postStatusLine(status({ source: { type: 'submission', id: 's-1' } }), NOW)).toBe('');
    expect(postStatusLine(status({ status: 'unpublished', publishAt: NOW - 1000 }), NOW)).toBe('');
  });
});
