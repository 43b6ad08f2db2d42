// 活动报名 and 现场签到: a member signs up for a party lecture from 活动, then, half an hour before
// it starts, opens the organiser's rotating on-site code and is checked in.
import type { Journey } from './steps';
import { parseCheckinCode } from './steps';
import { dataOf } from '../helpers/cloud';

const TITLE = '旅程：专题党课';
const MIN = 60_000;

export const eventJourney: Journey = {
  name: 'event',
  about: '郭峰 signs up for his branch’s party lecture on 活动, then scans the on-site code and is checked in',
  steps: [
    {
      kind: 'given',
      what: '李强 publishes a party lecture for 实验中学党支部 starting in 30 minutes, sign-up open',
      run: async ({ t }) => {
        const now = t.cloud.clock.now();
        const saved = dataOf(
          await t.call<{ id: string }>('demo-organiser', 'event', 'saveEvent', {
            event: {
              kind: 'party_lecture',
              title: TITLE,
              description: '学习党的光辉历程。',
              place: '学校报告厅',
              signupOpensAt: now - 60 * MIN,
              signupClosesAt: now + 20 * MIN,
              startsAt: now + 30 * MIN,
              endsAt: now + 120 * MIN,
              capacity: 10,
              unitIds: ['br-school'],
            },
          }),
        );
        dataOf(await t.call('demo-organiser', 'event', 'publishEvent', { eventId: saved.id }));
        return { eventId: saved.id };
      },
    },
    { kind: 'signIn', as: { openid: 'demo-m-15' }, ready: { text: '郭峰' } },
    { kind: 'openTab', tab: '活动' },
    { kind: 'see', text: TITLE, in: { id: 'event-card-{eventId}' } },
    { kind: 'tap', target: { id: 'event-card-{eventId}' } },
    { kind: 'see', text: '未报名', in: { id: 'event-status' } },
    { kind: 'tap', target: { id: 'event-signup' } },
    { kind: 'see', text: '已报名', in: { id: 'event-status' } },
    {
      kind: 'given',
      what: 'the code on 李强’s screen now (its content: a page path or an https URL, either way with e and t)',
      run: async ({ t, vars }) => {
        const code = dataOf(await t.call<{ content: string }>('demo-organiser', 'event', 'qrToken', { eventId: vars.eventId }));
        const { e, t: token } = parseCheckinCode(code.content);
        return { e, t: token };
      },
    },
    { kind: 'open', path: 'subpackages/event/attendance', query: { e: '{e}', t: '{t}' } },
    { kind: 'see', text: '已签到', in: { id: 'event-checkin-result' } },
    { kind: 'see', text: TITLE, in: { id: 'event-checkin-result' } },
    { kind: 'see', text: '签到时间：', in: { id: 'event-checkin-result' } },
    { kind: 'notSee', text: '签到没有成功' },
    {
      kind: 'check',
      what: 'his registration is marked present by the code',
      run: async ({ t, vars }) => {
        const reg = t.cloud.db.get('eventRegistrations', `${vars.eventId}_demo-member-15`) as { attended?: unknown; attendedBy?: unknown } | undefined;
        if (reg?.attended !== true || reg.attendedBy !== 'qr') throw new Error(`registration is ${JSON.stringify(reg)}`);
      },
    },
  ],
};
