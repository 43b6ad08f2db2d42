// 工作台: the org admin finds the week's summary on 首页, opens 工作台 and sees the organisation's
// figures with each branch side by side, then opens one branch.
import type { Journey } from './steps';
import { dataOf } from '../helpers/cloud';

export const consoleJourney: Journey = {
  name: 'console',
  about: '张伟 opens 工作台 from 首页 and reads the organisation’s and a branch’s figures',
  steps: [
    {
      kind: 'given',
      what: 'a member of 实验中学党支部 checked in today',
      run: async ({ t }) => {
        dataOf(await t.call('demo-m-12', 'checkin', 'checkIn', { title: '旅程：学习党章', minutes: 30, note: '', share: false }));
      },
    },
    { kind: 'signIn', as: 'admin', ready: { text: '张伟' } },
    { kind: 'see', text: '打卡完成率', in: { id: 'sum-checkin' } },
    { kind: 'tap', target: { id: 'go-console' } },
    { kind: 'see', text: '党员', in: { id: 'console-unit' } },
    { kind: 'see', text: '本周', in: { id: 'console-period-label' } },
    { kind: 'see', text: '实验中学党支部', in: { id: 'child-br-school' } },
    { kind: 'see', text: '离退休干部党支部', in: { id: 'child-br-retired' } },
    { kind: 'tap', target: { id: 'child-br-school' } },
    { kind: 'see', text: '实验中学党支部', in: { id: 'console-unit' } },
  ],
};
