// 绑定: a newcomer's WeChat account is tied to their roster entry with name and branch invite code,
// after a wrong code is refused in plain words.
import type { Journey } from './steps';

const OPENID = 'o-journey-newcomer';

export const bindJourney: Journey = {
  name: 'bind',
  about: 'a new WeChat user binds to the roster entry 梁红 of 实验中学党支部 with the invite code',
  steps: [
    { kind: 'signIn', as: { openid: OPENID }, ready: { id: 'go-bind' } },
    { kind: 'see', text: '您还没有绑定所在党支部' },
    { kind: 'tap', target: { id: 'go-bind' } },
    { kind: 'fill', field: 'bind-name', value: '梁红' },
    { kind: 'fill', field: 'bind-code', value: 'zzzzzz' },
    { kind: 'tap', target: { id: 'bind-submit' } },
    { kind: 'see', text: '邀请码不正确', in: { id: 'bind-error' } },
    { kind: 'fill', field: 'bind-code', value: 'syzx02' },
    { kind: 'tap', target: { id: 'bind-submit' } },
    { kind: 'see', text: '实验中学党支部', in: { id: 'bind-done' } },
    {
      kind: 'check',
      what: 'the roster entry 梁红 is bound to this WeChat account',
      run: async ({ t }) => {
        const entries = t.cloud.db.find('members', { name: '梁红' }, {});
        const bound = entries.map((m) => [m.unitId, m.openid]);
        if (JSON.stringify(bound) !== JSON.stringify([['br-school', OPENID]])) throw new Error(`梁红 is ${JSON.stringify(bound)}`);
      },
    },
  ],
};
