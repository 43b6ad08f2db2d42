// 学习打卡: a member checks in today on 学习; the page says so, with the streak.
import type { Journey } from './steps';

export const checkinJourney: Journey = {
  name: 'checkin',
  about: '王秀英 checks in today on 学习 and sees 今日已打卡 and a one-day streak',
  steps: [
    { kind: 'signIn', as: 'member', ready: { text: '王秀英' } },
    { kind: 'openTab', tab: '学习' },
    { kind: 'see', text: /连续打卡\s*0\s*天/, in: { id: 'checkin-streak' } },
    { kind: 'fill', field: 'checkin-title', value: '旅程：学习党章第一章' },
    { kind: 'fill', field: 'checkin-note', value: '重温入党誓词。' },
    { kind: 'tap', target: { id: 'checkin-submit' } },
    { kind: 'see', text: '今日已打卡', in: { id: 'checkin-done' } },
    { kind: 'see', text: /连续打卡\s*1\s*天/, in: { id: 'checkin-streak' } },
    { kind: 'see', text: '累计 1 天', in: { id: 'checkin-total' } },
    { kind: 'notSee', text: '请填写学习内容' },
    {
      kind: 'check',
      what: 'one check-in with that title is stored',
      run: async ({ t }) => {
        const n = t.cloud.db.count('checkins', { title: '旅程：学习党章第一章' });
        if (n !== 1) throw new Error(`${n} check-ins stored`);
      },
    },
  ],
};
