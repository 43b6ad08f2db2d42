// Demo events and posts for `npm start`, written through the real `event` and `feed` functions:
// a 党课 open to the whole organisation, a 宣讲 for the school branch that is already full (so the
// waitlist can be tried), a 主题党日 that ended yesterday with attendance (ready for 生成活动报道),
// and a feed with a pinned notice, reports, study material and a model story. Once (a marker).

import type { LocalCloud } from '../../localcloud';
import { COLLECTIONS } from '../../functions/lib/collections';
import { getById, insert, type Database } from '../../functions/lib/db';

const MARKER = 'demo-content-v1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Noon Beijing time `days` from today, as epoch ms. */
function beijingNoon(days: number): number {
  const now = Date.now();
  const beijingMidnight = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  return beijingMidnight + days * DAY + 12 * HOUR;
}

export async function seedDemoContent(cloud: LocalCloud, db: Database): Promise<{ seeded: boolean }> {
  if (await getById(db, COLLECTIONS.meta, MARKER)) return { seeded: false };
  const call = async <T>(fn: 'event' | 'feed', openid: string, action: string, payload: unknown = {}): Promise<T> => {
    const { result } = await cloud.invoke(fn, { action, payload }, { openid });
    const r = result as { ok: boolean; data: T; message?: string };
    if (!r.ok) throw new Error(`demo content: ${fn}.${action} failed: ${r.message}`);
    return r.data;
  };
  const event = async (openid: string, e: Record<string, unknown>) => {
    const saved = await call<{ id: string }>('event', openid, 'saveEvent', { event: e });
    await call('event', openid, 'publishEvent', { eventId: saved.id });
    return saved.id;
  };
  try {
    // A 主题党日 that ended yesterday: written three days ago, attended yesterday.
    cloud.clock.set(beijingNoon(-3));
    const past = await event('demo-organiser', {
      kind: 'party_day',
      title: '走进红色教育基地主题党日',
      description: '参观市革命纪念馆，重温入党誓词。',
      place: '市革命纪念馆',
      signupOpensAt: beijingNoon(-3),
      signupClosesAt: beijingNoon(-2),
      startsAt: beijingNoon(-1) - 3 * HOUR,
      endsAt: beijingNoon(-1) + 2 * HOUR,
      capacity: 20,
      unitIds: ['br-school'],
    });
    for (const who of ['demo-organiser', 'demo-m-12', 'demo-m-13', 'demo-m-14', 'demo-m-15']) await call('event', who, 'signUp', { eventId: past });
    cloud.clock.set(beijingNoon(-1) - 3 * HOUR + 10 * 60_000);
    const code = await call<{ token: string }>('event', 'demo-organiser', 'qrToken', { eventId: past });
    for (const who of ['demo-organiser', 'demo-m-12', 'demo-m-13', 'demo-m-14']) await call('event', who, 'attendByCode', { eventId: past, token: code.token });
    cloud.clock.reset();

    await event('demo-admin', {
      kind: 'party_lecture',
      title: '专题党课：学习党的光辉历程',
      description: '由党委书记讲授专题党课，请各支部党员按时参加。可在活动开始前2小时取消报名。',
      place: '机关大楼三楼会议室',
      signupOpensAt: Date.now() - HOUR,
      signupClosesAt: beijingNoon(3) - 2 * HOUR,
      startsAt: beijingNoon(3) + 2 * HOUR,
      endsAt: beijingNoon(3) + 4 * HOUR,
      capacity: 30,
      unitIds: [],
    });
    const full = await event('demo-organiser', {
      kind: 'lecture_tour',
      title: '党史宣讲进社区',
      description: '走进学校周边社区，为居民讲述党史故事。名额有限，报满后可候补。',
      place: '阳光社区活动中心',
      signupOpensAt: Date.now() - HOUR,
      signupClosesAt: beijingNoon(5),
      startsAt: beijingNoon(6) - 3 * HOUR,
      endsAt: beijingNoon(6),
      capacity: 3,
      unitIds: ['br-school'],
    });
    for (const who of ['demo-m-12', 'demo-m-13', 'demo-m-14']) await call('event', who, 'signUp', { eventId: full });

    // The feed.
    const publish = async (openid: string, post: Record<string, unknown>, pinned = false) => {
      const saved = await call<{ id: string }>('feed', openid, 'savePost', { post });
      await call('feed', openid, 'publishPost', { postId: saved.id });
      if (pinned) await call('feed', openid, 'pinPost', { postId: saved.id, pinned: true });
      return saved.id;
    };
    await publish('demo-admin', { kind: 'material', title: '《中国共产党简史》学习导读', body: '<p>本书全面记述了党的百年奋斗历程。建议每天阅读一节，并在“学习”中打卡。</p><h3>阅读建议</h3><ul><li>第一周：第一章至第三章</li><li>第二周：第四章至第六章</li></ul>', tags: ['学习资料', '党史学习'], unitId: null });
    await publish('demo-organiser', { kind: 'report', title: '实验中学党支部开展“红色经典诵读”活动', body: '<p>支部党员和青年教师一起诵读红色经典，重温革命先辈的初心和使命。</p><p>大家表示，要把红色基因融入教书育人全过程。</p>', tags: ['党史学习', '基层动态'] });
    await call('feed', 'demo-organiser', 'featureMember', { memberId: 'demo-member-15', honour: '优秀共产党员', intro: '扎根三尺讲台三十年，带出一届又一届优秀毕业生。' });
    await publish('demo-organiser', { kind: 'model', title: '郭峰：三尺讲台写忠诚', body: '<p>郭峰老师从教三十年，始终坚持“不让一个学生掉队”。</p><p>他常说：“党员就要在最需要的地方发光发热。”</p>', tags: ['先进事迹', '优秀党员'], modelMemberId: 'demo-member-15' });
    await publish('demo-admin', { kind: 'notice', title: '关于开展“21天党史学习打卡”活动的通知', body: '<p>各党支部：</p><p>即日起开展“21天党史学习打卡”活动，请全体党员每天学习并在小程序“学习”页打卡，21天内打卡满15天即为达标。</p>', tags: ['通知', '党史学习'], unitId: null }, true);
  } finally {
    cloud.clock.reset();
  }
  await insert(db, COLLECTIONS.meta, { _id: MARKER, at: new Date() });
  return { seeded: true };
}
