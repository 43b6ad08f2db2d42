// Reports from the work itself (issue 18): an ended event's draft in plain text — figures filled in,
// attendance by unit, a closing paragraph to write — written by the feed as a draft owned by the
// caller; the organiser reads and edits plain paragraphs, never markup.
import type { EventAdminView, EventDraft } from '../../core/contracts/event';
import type { ContextName as Fn } from '../../core/contracts';
import type { PostDoc } from '../../functions/feed/model';
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
});

