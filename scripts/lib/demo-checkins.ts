// Demo check-ins for `npm start`: two weeks of history for the bound demo members (about three
// in four days each, some shared to the branch feed, one make-up), and a whole-organisation
// challenge that started a week ago. Written through the real `checkin` function with the local
// cloud's clock set to each past day; today is left open so a visitor can check in. Once (a marker
// in `meta`).

import { createHash } from 'node:crypto';
import type { LocalCloud } from '../../localcloud';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import { COLLECTIONS } from '../../functions/lib/collections';
import { getById, insert, type Database } from '../../functions/lib/db';
import { DEMO_MEMBERS } from './demo-data';

const MARKER = 'demo-checkins-v1';
const DAYS = 14;
const TITLES = ['学习《中国共产党简史》第一章', '观看党史专题片', '学习党章第二章 党员的义务', '阅读改革开放史读本', '学习强国每日答题', '学习新中国史专题讲座'];

/** A stable pseudo-random number in [0, 1) for a key. */
function chance(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

export async function seedDemoCheckins(cloud: LocalCloud, db: Database): Promise<{ seeded: boolean }> {
  if (await getById(db, COLLECTIONS.meta, MARKER)) return { seeded: false };
  const call = async (openid: string, action: string, payload: unknown): Promise<void> => {
    const { result } = await cloud.invoke('checkin', { action, payload }, { openid });
    const r = result as { ok: boolean; message?: string };
    if (!r.ok) throw new Error(`demo check-ins: ${action} failed: ${r.message}`);
  };
  const today = beijingDayKey(Date.now());
  const bound = DEMO_MEMBERS.filter((m) => m.openid).map((m) => m.openid as string);
  try {
    for (let back = DAYS; back >= 1; back--) {
      const day = addDays(today, -back);
      // Mid-morning to evening of that day, Beijing time.
      for (const [i, openid] of bound.entries()) {
        if (chance(`${openid}|${day}`) > 0.75) continue;
        cloud.clock.set(beijingDayStart(day) + (9 + (i % 12)) * 3600_000);
        const pick = chance(`${day}|${openid}|title`);
        await call(openid, 'checkIn', {
          title: TITLES[Math.floor(pick * TITLES.length)],
          minutes: 15 + Math.floor(pick * 10) * 5,
          note: pick > 0.6 ? '收获很大，要把学到的用到工作中去。' : '',
          share: pick > 0.3,
        });
      }
    }
    cloud.clock.reset();
    // The demo member made up one of the last days (if one is missed) and a challenge is running.
    const yesterday = addDays(today, -1);
    if (chance(`demo-member|${yesterday}`) > 0.75) {
      await call('demo-member', 'makeUp', { day: yesterday, title: '补学《中国共产党简史》', minutes: 30, share: false });
    }
    await call('demo-admin', 'createChallenge', {
      title: '21天党史学习打卡',
      description: '每天学习党史20分钟以上并打卡，21天内打卡满15天即为达标。',
      startDay: addDays(today, -7),
      endDay: addDays(today, 13),
      requiredDays: 15,
      unitIds: [],
    });
  } finally {
    cloud.clock.reset();
  }
  await insert(db, COLLECTIONS.meta, { _id: MARKER, at: new Date() });
  return { seeded: true };
}
