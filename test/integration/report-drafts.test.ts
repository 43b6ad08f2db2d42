// Reports from the work itself (issue 18): an ended event's draft in plain text — figures filled in,
// attendance by unit, a closing paragraph to write — and a closed exam's (participation and pass
// rate overall and per unit, the average, the questions most missed without keys, none while a
// make-up may still use them), written by the feed as drafts owned by the caller, reads pinned; the
// organiser reads and edits plain paragraphs, never markup.
import type { EventAdminView, EventDraft } from '../../core/contracts/event';
import type { ContextName as Fn } from '../../core/contracts';
import type { PostDoc } from '../../functions/feed/model';
import { correctAnswers } from '../../scripts/lib/demo-exams';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const HOUR = 3_600_000;
const MIN = 60_000;
const ADMIN = 'demo-admin'; // 张伟, org admin, member demo-member-01
const ORGANISER = 'demo-organiser'; // 李强, organiser of br-school
/** Any tag at all: the organiser must never meet markup in a draft's text. */
const MARKUP = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i;
/** The closing paragraph every draft ends with, for the organiser to write over. */
const CLOSING = /^【请补充：.+】$/;

/** What a draft action answers: the organiser reads `text`, one paragraph a line. */
interface Drafted {
  postId: string;
  title: string;
  text: string;
  photos?: string[];
  attended?: number;
}

const call = <T>(openid: string, fn: Fn, action: string, payload: unknown = {}) => t.call<T>(openid, fn, action, payload);
const ok = async <T>(openid: string, fn: Fn, action: string, payload: unknown = {}) => dataOf(await call<T>(openid, fn, action, payload));

let T0: number;

beforeAll(async () => {
  t = await startTestCloud();
  T0 = Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN;
});
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('an ended event’s report draft', () => {
  let eventId: string;

  beforeAll(async () => {
    t.cloud.clock.set(T0 + MIN);
    const draft: EventDraft = {
      kind: 'party_day',
      // Markup typed into the event itself stays text in the draft.
      title: '重温入党誓词 <主题党日> & 参观纪念馆',
      description: '集体重温入党誓词，参观革命纪念馆。',
      place: '市革命纪念馆',
      signupOpensAt: T0,
      signupClosesAt: T0 + 20 * HOUR,
      startsAt: T0 + 24 * HOUR,
      endsAt: T0 + 26 * HOUR,
      capacity: 10,
      waitlist: false,
      approval: false,
      unitIds: ['br-office', 'br-school'],
      cancelHours: 2,
    };
    const saved = await ok<EventAdminView>(ADMIN, 'event', 'saveEvent', { event: draft });
    await ok(ADMIN, 'event', 'publishEvent', { eventId: saved.id });
    eventId = saved.id;
    t.cloud.clock.set(T0 + 2 * MIN);
    for (const who of ['demo-m-02', 'demo-m-03', 'demo-m-04', 'demo-m-12', 'demo-m-13']) await ok(who, 'event', 'signUp', { eventId });
    t.cloud.clock.set(T0 + 24 * HOUR);
    for (const memberId of ['demo-member-02', 'demo-member-03', 'demo-member-12']) await ok(ADMIN, 'event', 'markAttendance', { eventId, memberId, attended: true, reason: '现场签到表' });
  });

  it('is refused before the event ends', async () => {
    await expect(call(ADMIN, 'event', 'draftReport', { eventId })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });

  it('answers plain paragraphs with the figures filled in and attendance by unit, no markup anywhere in it', async () => {
    t.cloud.clock.set(T0 + 27 * HOUR);
    const d = await ok<Drafted>(ADMIN, 'event', 'draftReport', { eventId });
    expect(typeof d.text).toBe('string');
    expect(d.text).not.toMatch(MARKUP);
    const paragraphs = d.text.split('\n');
    // What the organiser typed into the event stays as typed: text, never markup or entities.
    expect(paragraphs[0]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日，示例市直机关党委组织开展了主题党日活动“重温入党誓词 <主题党日> & 参观纪念馆”，地点在市革命纪念馆。$/);
    expect(d.text).toContain('本次活动共5人报名，3人出席。报名党员的出席率为60%。');
    expect(d.text).toContain('各支部出席情况：机关第一党支部67%（2/3人）；实验中学党支部50%（1/2人）。');
    expect(paragraphs[paragraphs.length - 1]).toMatch(CLOSING);
    expect(d).toMatchObject({ attended: 3, photos: [] });
  });

  it('lands as a feed draft owned by the caller, its stored body the same paragraphs escaped', async () => {
    const d = await ok<Drafted>(ADMIN, 'event', 'draftReport', { eventId });
    const post = t.cloud.db.get('posts', d.postId) as unknown as PostDoc;
    expect(post).toMatchObject({ status: 'draft', kind: 'report', authorId: 'demo-member-01', authorName: '张伟', source: { type: 'event', id: eventId } });
    expect(post.body).toBe(d.text.split('\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join(''));
  });

  it('costs a fixed number of reads', async () => {
    const { result, stats } = await t.invoke(ADMIN, 'event', 'draftReport', { eventId });
    expect(result).toMatchObject({ ok: true });
    // identity 1, the event 1, the organiser's units 1, the draft post 1 | the post 1
    expect([stats.reads, stats.writes]).toEqual([4, 1]);
  });

  it('is refused to an organiser who did not create the event', async () => {
    await expect(call(ORGANISER, 'event', 'draftReport', { eventId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('cannot be published with the 【请补充：…】 prompt still in it, whatever client sends it; once written over, it can', async () => {
    const d = await ok<Drafted>(ADMIN, 'event', 'draftReport', { eventId });
    const refused = await call(ADMIN, 'feed', 'publishPost', { postId: d.postId });
    expect(refused).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect((refused as { message: string }).message).toContain('请补充');
    expect((t.cloud.db.get('posts', d.postId) as unknown as PostDoc).status).toBe('draft');

    const post = t.cloud.db.get('posts', d.postId) as unknown as PostDoc;
    const written = post.body.replace(/【请补充：[^】]*】/, '大家表示收获很大，下一步将继续开展学习。');
    await ok(ADMIN, 'feed', 'savePost', { postId: d.postId, post: { kind: 'report', title: post.title, body: written, unitId: post.unitId } });
    await expect(ok(ADMIN, 'feed', 'publishPost', { postId: d.postId })).resolves.toMatchObject({ status: 'published' });
  });
});

describe('a closed exam’s report draft', () => {
  const TITLE = '党章党规知识测试';
  let E0: number;
  let examId: string;
  let paper: string[];

  interface Pinned {
    qid: string;
    stem: string;
    options: string[];
    answer: number[];
    explanation: string;
    blanks: string[][];
  }
  const pinnedOf = (qid: string) => (t.cloud.db.find('examQuestions', { examId, qid }) as unknown as Pinned[])[0];

  /** Sit the exam: the first `right` questions answered right, the rest left blank (wrong). */
  async function take(openid: string, right: number): Promise<void> {
    const view = await ok<{ attemptId: string }>(openid, 'exam', 'startExam', { examId });
    await ok(openid, 'exam', 'submitAttempt', { attemptId: view.attemptId, answers: correctAnswers(t.cloud.db, view.attemptId).slice(0, right) });
  }

  beforeAll(async () => {
    E0 = T0 + 30 * HOUR;
    t.cloud.clock.set(E0);
    await ok(ADMIN, 'exam', 'installSeedBank');
    paper = (t.cloud.db.find('questions', { type: 'single' }) as unknown as Array<{ _id: string }>)
      .map((d) => d._id)
      .sort()
      .slice(0, 4);
    const saved = await ok<{ id: string }>(ADMIN, 'exam', 'saveExam', {
      exam: { title: TITLE, unitIds: ['br-office', 'br-school'], opensAt: E0 - MIN, closesAt: E0 + 60 * MIN, durationMinutes: 20, passScore: 1, shuffleQuestions: false, paper: { mode: 'fixed', questionIds: paper } },
    });
    examId = saved.id;
    await ok(ADMIN, 'exam', 'publishExam', { examId });
    // 机关: one passes, one answers nothing; 实验中学: one all right, one half right. The last two
    // questions are missed twice, the first two once.
    await take('demo-m-02', 4);
    await take('demo-m-03', 0);
    await take('demo-m-12', 4);
    await take('demo-m-13', 2);
  });

  it('is refused while the exam is open, and to those who may not view its figures', async () => {
    await expect(call(ADMIN, 'exam', 'draftExamReport', { examId })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '考试结束后才能生成考试总结' });
    t.cloud.clock.set(E0 + 61 * MIN);
    await expect(call('demo-m-12', 'exam', 'draftExamReport', { examId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(call('demo-m-22', 'exam', 'draftExamReport', { examId })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await expect(call(ADMIN, 'exam', 'draftExamReport', { examId: 'nope' })).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(call(ADMIN, 'exam', 'draftExamReport', { examId, photos: [] })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(t.cloud.db.count('posts', { source: { type: 'exam', id: examId } })).toBe(0);
  });

  it('after the close: participation and pass rate overall and per unit, the average, the questions most missed, in plain text', async () => {
    const d = await ok<Drafted & { missedHeld: boolean }>(ADMIN, 'exam', 'draftExamReport', { examId });
    expect(d.title).toBe(`考试｜${TITLE}`);
    expect(d.text).not.toMatch(MARKUP);
    const paragraphs = d.text.split('\n');
    expect(paragraphs[0]).toMatch(new RegExp(`^\\d{4}年\\d{1,2}月\\d{1,2}日，示例市直机关党委组织开展了“${TITLE}”考试，满分\\d+分，1分及格。$`));
    expect(paragraphs[1]).toMatch(/^应考20人，实考4人，参考率20%；及格3人，及格率75%；平均[\d.]+分。$/);
    expect(paragraphs[2]).toBe('各支部情况：机关第一党支部参考率20%（2/10人），及格率50%；实验中学党支部参考率20%（2/10人），及格率100%。');
    // The two questions missed twice, then one missed once; stems only, never a key.
    const stems = [paper[2], paper[3], paper[0]].map((q) => pinnedOf(q).stem);
    for (const stem of stems) expect(paragraphs[3]).toContain(stem.replace(/\s+/g, ' ').trim().slice(0, 10));
    expect(paragraphs[3]).toMatch(/^答错较多的题目：1\.“.+”答对率50%；2\.“.+”答对率50%；3\.“.+”答对率75%。/);
    // Neither a right option nor an explanation's conclusion (which names the answer) is in it.
    for (const q of paper) {
      const p = pinnedOf(q);
      for (const o of p.answer) if (p.options[o].length >= 4) expect(d.text).not.toContain(p.options[o]);
      if (p.explanation) expect(d.text).not.toContain(p.explanation.slice(-12));
    }
    expect(paragraphs[paragraphs.length - 1]).toMatch(CLOSING);
    expect(d.missedHeld).toBe(false);
    const post = t.cloud.db.get('posts', d.postId) as unknown as PostDoc;
    expect(post).toMatchObject({ status: 'draft', kind: 'report', authorId: 'demo-member-01', unitId: null, source: { type: 'exam', id: examId } });
    expect(post.body.startsWith('<p>')).toBe(true);
  });

  it('a branch organiser’s draft has their branch’s figures only, owned by them', async () => {
    const mine = await ok<Drafted>(ORGANISER, 'exam', 'draftExamReport', { examId });
    const paragraphs = mine.text.split('\n');
    expect(paragraphs[0]).toContain(`实验中学党支部组织开展了“${TITLE}”考试`);
    expect(paragraphs[1]).toMatch(/^应考10人，实考2人，参考率20%；及格2人，及格率100%；平均[\d.]+分。$/);
    expect(mine.text).not.toContain('机关第一党支部');
    // One draft per exam and organiser: the admin's is left as it was, this one is his.
    const admins = await ok<Drafted>(ADMIN, 'exam', 'draftExamReport', { examId });
    expect(mine.postId).not.toBe(admins.postId);
    expect(t.cloud.db.get('posts', mine.postId)).toMatchObject({ status: 'draft', authorId: 'demo-member-11', unitId: 'br-school', unitName: '实验中学党支部' });
    expect(t.cloud.db.get('posts', admins.postId)).toMatchObject({ authorId: 'demo-member-01', unitId: null });
  });

  it('costs a fixed number of reads, whatever the number of questions', async () => {
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'draftExamReport', { examId });
    expect(result).toMatchObject({ ok: true });
    // identity 1, exam 1, units 1, counters 1, bank pins 1, pool 1, pinned stems 1, the org's name 1, the post 1 | the post 1
    expect([stats.reads, stats.writes]).toEqual([9, 1]);
  });

  it('while a make-up may still put the questions on a paper, none is named', async () => {
    await ok(ADMIN, 'exam', 'createMakeup', { examId, include: 'failed', opensAt: E0 + 62 * MIN, closesAt: E0 + 180 * MIN, title: `${TITLE}（补考）` });
    const d = await ok<Drafted & { missedHeld: boolean }>(ADMIN, 'exam', 'draftExamReport', { examId });
    expect(d.missedHeld).toBe(true);
    expect(d.text).not.toContain('答错较多');
    for (const q of paper) expect(d.text).not.toContain(pinnedOf(q).stem.slice(0, 10));
    expect(d.text).toContain('及格率75%');
  });

  it('a published draft is not overwritten', async () => {
    const d = await ok<Drafted>(ADMIN, 'exam', 'draftExamReport', { examId });
    // The organiser writes over the closing prompt first (publishing refuses it otherwise).
    const post = t.cloud.db.get('posts', d.postId) as unknown as PostDoc;
    await ok(ADMIN, 'feed', 'savePost', { postId: d.postId, post: { kind: 'report', title: post.title, body: post.body.replace(/【请补充：[^】]*】/, '下一步将查漏补缺。'), unitId: post.unitId } });
    await ok(ADMIN, 'feed', 'publishPost', { postId: d.postId, publishAt: null });
    await expect(call(ADMIN, 'exam', 'draftExamReport', { examId })).resolves.toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '这场考试的总结已经发布' });
  });
});
