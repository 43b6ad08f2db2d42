// The check-in timer jobs the bench times: the closed-day roll-ups, and the daily reminders.

import type { LocalCloud } from '../../localcloud';
import { addDays, beijingDayKey, beijingDayStart } from '../../core/domain/time';
import type { sdkDatabase } from '../lib/sdk';

/** The check-in timer until its closed-day roll-ups are done: how long that took, and the writes. */
export async function rollUp(cloud: LocalCloud): Promise<string> {
  const t0 = performance.now();
  let runs = 0;
  let writes = 0;
  for (; runs < 20; ) {
    runs++;
    const { result, stats } = await cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
    const r = result as { ok: boolean; data?: { rollups: { done: boolean } } };
    if (!r.ok || !r.data) throw new Error(`roll-up job failed: ${JSON.stringify(result)}`);
    writes += stats.writes;
    if (r.data.rollups.done) break;
  }
  return `${runs} timer run(s), ${((performance.now() - t0) / 1000).toFixed(1)} s, ${writes} writes`;
}

/**
 * The reminder job over the bench members, each given one check-in credit: first on the day they
 * all checked in (the walk alone: the baseline), then at 20:00 the next day (everyone reminded).
 */
export async function benchReminderJob(cloud: LocalCloud, db: ReturnType<typeof sdkDatabase>, members: string[]): Promise<string[]> {
  const credits = members.map((id, i) => ({ _id: id, orgId: 'org-demo', openid: `bench-openid-${i}`, exam: 0, checkin: 1, event: 0 }));
  for (let i = 0; i < credits.length; i += 100) await db.collection('reminderCredits').add({ data: credits.slice(i, i + 100) });
  const today = beijingDayKey(Date.now());
  const rows: string[] = [];
  const run = async (label: string, at: number) => {
    cloud.clock.set(at);
    const before = cloud.openapiCalls().length;
    const t0 = performance.now();
    const { result, stats } = await cloud.invoke('checkin', { Type: 'Timer', TriggerName: 'dailyReminders' }, { openid: '' });
    const seconds = (performance.now() - t0) / 1000;
    if (!(result as { ok: boolean }).ok) throw new Error(`reminder job failed: ${JSON.stringify(result)}`);
    const sent = cloud.openapiCalls().length - before;
    rows.push(`| ${label} | ${sent} | ${seconds.toFixed(2)} | ${Math.round(members.length / seconds)} | ${stats.reads} reads, ${stats.writes} writes |`);
  };
  await run('everyone checked in today (walk only)', beijingDayStart(today) + 23 * 3600_000);
  await run('nobody checked in yet (one reminder each)', beijingDayStart(addDays(today, 1)) + 20 * 3600_000 + 60_000);
  cloud.clock.reset();
  return rows;
}


/**
 * The quiz's and the points' timers (each every 10 minutes) as a day of the daily quiz pays for
 * them: three runs each after the burst, over the organisations the bench holds (the demo
 * organisation that played and the 505-unit one). The first run does the day's work (pools,
 * roll-ups, repairs); later runs find it done. Each line gives the DB operations of every run.
 */
export async function quizTimerCost(cloud: LocalCloud): Promise<string> {
  const lines: string[] = [];
  for (const [fn, trigger] of [
    ['quiz', 'preparePools'],
    ['points', 'pointsRollups'],
  ] as const) {
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const { result, stats } = await cloud.invoke(fn, { Type: 'Timer', TriggerName: trigger }, { openid: '' });
      if (!(result as { ok?: boolean }).ok) throw new Error(`${fn} timer failed: ${JSON.stringify(result).slice(0, 200)}`);
      runs.push(`${stats.reads} reads, ${stats.writes} writes, ${Math.round(performance.now() - t0)} ms`);
    }
    lines.push(`| ${fn}.${trigger} | ${runs.join(' | ')} |`);
  }
  return `| timer | first run | second | third |
|---|---|---|---|
${lines.join('\n')}`;
}
