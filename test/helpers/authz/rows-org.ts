// The org context's rows: who may run each action on branch A's units, roster and bind requests.

import type { ContextName } from '../../../core/contracts';
import { A } from './fixture';
import { CALLERS, type PayloadFor, type Table } from './types';

/** The refused callers hand in A's organiser's own upload: being refused must not depend on the file. */
export const uploader = (as: PayloadFor, openid: string) => (as === 'denied' ? CALLERS.organiser : openid);

const rosterCsv = '姓名,所在支部,手机号\n矩阵导入,离退休干部党支部,13800009999\n';
const unitsCsv = '上级组织,组织名称,类型\n离退休干部党支部,矩阵导入小组,党小组\n';

export const orgRows: Table = {
  getMe: { who: 'unknown-ok' },
  // 今日任务: the caller's own tasks; nothing of A's is named.
  getToday: { who: 'anyone-bound', ownOrg: true },
  // A bound caller is told it is bound already (CONFLICT) and nothing changes.
  bindMember: { who: 'unbound-only', denied: ['CONFLICT'], payload: (fx) => ({ name: fx.unique('矩阵申请'), inviteCode: 'LTGB03' }) },
  listUnits: { who: 'any-organiser', ownOrg: true },
  createUnit: { who: 'organiser-of-target', payload: (fx) => ({ parentId: A, name: fx.unique('矩阵新组'), kind: 'group' }) },
  updateUnit: { who: 'organiser-of-target', payload: (fx) => ({ unitId: fx.subUnitId, order: 3 }) },
  moveUnit: { who: 'organiser-of-target', payload: async (fx) => ({ unitId: await fx.newSubUnit(), parentId: fx.subUnitId }) },
  closeUnit: { who: 'organiser-of-target', payload: async (fx) => ({ unitId: await fx.newSubUnit() }) },
  // A's unbound entry 程保国 moves between A and the unit inside it: both ends are A's.
  moveMember: { who: 'organiser-of-target', payload: (fx, as) => ({ memberId: 'demo-member-30', unitId: as === 'upperOrganiser' ? A : fx.subUnitId }) },
  setLeader: { who: 'organiser-of-target', payload: () => ({ memberId: 'demo-member-24', leader: true }) },
  listMembers: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  importRoster: {
    who: 'organiser-of-target',
    allowed: ['INVALID_ARGUMENT'],
    payload: async (fx, as, openid) => ({ fileID: await fx.upload(uploader(as, openid), 'org', 'roster.csv', rosterCsv), fileName: '名单.csv', unitId: A, commit: false }),
  },
  importUnits: {
    who: 'organiser-of-target',
    allowed: ['INVALID_ARGUMENT'],
    payload: async (fx, as, openid) => ({ fileID: await fx.upload(uploader(as, openid), 'org', 'units.csv', unitsCsv), fileName: '组织.csv', parentId: A, commit: false }),
  },
  listBindRequests: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  reviewBindRequest: { who: 'organiser-of-target', payload: async (fx) => ({ requestId: await fx.newBindRequest(), approve: false, reason: '请联系支部' }) },
  // A bound member of A (韩淑珍) appointed to the unit inside A.
  setMemberRole: { who: 'organiser-of-target', payload: (fx) => ({ memberId: 'demo-member-25', role: 'unit_organiser', unitIds: [fx.subUnitId] }) },
  resetInviteCode: { who: 'organiser-of-target', payload: (fx) => ({ unitId: fx.subUnitId }) },
  getRollup: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  listOrganisers: { who: 'any-organiser', ownOrg: true },
  getSetup: { who: 'any-organiser', ownOrg: true },
  inviteCard: { who: 'organiser-of-target', payload: () => ({ unitId: A }) },
  // Bound members of A, one per permitted caller (唐志刚 also for the refused ones).
  unbindMember: {
    who: 'organiser-of-target',
    payload: (_fx, as) => ({ memberId: { admin: 'demo-member-24', upperOrganiser: 'demo-member-25' }[as as string] ?? 'demo-member-26', reason: '矩阵测试解除绑定' }),
  },
  uploadTicket: { who: 'any-organiser', ownOrg: true, payload: () => ({ purpose: 'sheet', name: '名单.xlsx' }) },
  grantReminders: { who: 'anyone-bound', ownOrg: true, payload: () => ({ topics: ['exam'] }) },
  // A web sign-in code for 郑桂兰, a bound member of A: her organisers and the org admin issue it
  // (a member issues only their own, without memberId, from the mini-program).
  issueWebCode: { who: 'organiser-of-target', payload: () => ({ memberId: 'demo-member-23' }) },
  // Web callers only (test/integration/web-authz.test.ts): every mini-program caller, bound or not,
  // is told to use the web page (FAILED_PRECONDITION) and nothing changes.
  redeemWebCode: { who: 'unbound-only', allowed: ['FAILED_PRECONDITION'], denied: ['FAILED_PRECONDITION'], payload: () => ({ code: '12345678' }) },
  signOutWeb: { who: 'unbound-only', allowed: ['FAILED_PRECONDITION'], denied: ['FAILED_PRECONDITION'] },
  revokeWebKey: { who: 'organiser-of-target', payload: () => ({ memberId: 'demo-member-23' }) },
};

/**
 * The rows a web caller is run against (test/integration/web-authz.test.ts): a sample of every
 * context's actions that change nothing, so one caller's answer cannot decide the next one's. A
 * web caller without a web key is refused on each; one signed in as a member gets exactly what
 * that member gets from the mini-program.
 */
export const WEB_SAMPLE: ReadonlyArray<readonly [ContextName, string]> = [
  ['org', 'getToday'],
  ['org', 'listMembers'],
  ['org', 'getRollup'],
  ['org', 'listUnits'],
  ['exam', 'listExams'],
  ['exam', 'getExam'],
  ['exam', 'examStats'],
  ['exam', 'bankSummary'],
  ['checkin', 'getMyCheckins'],
  ['checkin', 'branchDayRoster'],
  ['event', 'listEvents'],
  ['event', 'getEvent'],
  ['event', 'eventRoster'],
  ['feed', 'listModels'],
  ['points', 'myPoints'],
];
