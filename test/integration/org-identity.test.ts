// Identity and roles through the real `org` function bundle on the local cloud.
import type { BindResult, ImportReport, ManagedUnit, Me, MemberRow, Page } from '../../core/contracts';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

describe('who am I', () => {
  it('a bound member sees their name, branch, organisation and role', async () => {
    const me = dataOf(await t.call<Me>('demo-member', 'org', 'getMe'));
    expect(me).toEqual({
      bound: true,
      openid: 'demo-member',
      canManage: false,
      member: {
        id: 'demo-member-21',
        name: '王秀英',
        role: 'member',
        roleLabel: '党员',
        category: 'full',
        unit: { id: 'br-retired', name: '离退休干部党支部' },
        org: { id: 'org-demo', name: '示例市直机关党委' },
      },
    });
  });

  it('an unknown WeChat user is not bound and has no request', async () => {
    expect(dataOf(await t.call<Me>('o-stranger', 'org', 'getMe'))).toEqual({ bound: false, openid: 'o-stranger', request: null });
  });

  it('a payload or event claiming another openid is ignored: identity is only getWXContext()', async () => {
    const viaEvent = await t.cloud.invoke(
      'org',
      { action: 'getMe', payload: {}, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } },
      { openid: 'demo-member' },
    );
    expect((viaEvent.result as { data: Me }).data).toMatchObject({ bound: true, member: { name: '王秀英', role: 'member' } });
    const viaPayload = await t.call('demo-member', 'org', 'getMe', { openid: 'demo-admin' });
    expect(viaPayload).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '不支持的字段：openid' });
  });

  it('a member calling an organiser action gets FORBIDDEN; an unbound caller gets UNAUTHENTICATED', async () => {
    expect(await t.call('demo-member', 'org', 'listUnits')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.call('demo-member', 'org', 'listMembers', { unitId: 'br-retired' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.call('o-stranger', 'org', 'listUnits')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('a branch organiser manages their branch only; an org admin manages all', async () => {
    const mine = dataOf(await t.call<{ units: ManagedUnit[] }>('demo-organiser', 'org', 'listUnits'));
    expect(mine.units.map((u) => u.name)).toEqual(['实验中学党支部']);
    expect(mine.units[0]).toMatchObject({ inviteCode: 'SYZX02', memberCount: 10, boundCount: 6 });
    expect(await t.call('demo-organiser', 'org', 'listMembers', { unitId: 'br-office' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const all = dataOf(await t.call<{ units: ManagedUnit[] }>('demo-admin', 'org', 'listUnits'));
    // Tree order: the organisation, then its units by their place among siblings.
    expect(all.units.map((u) => u.name)).toEqual(['示例市直机关党委', '机关第一党支部', '实验中学党支部', '离退休干部党支部']);
    expect(all.units.map((u) => u.depth)).toEqual([0, 1, 1, 1]);
  });

  it('organisers are appointed from bound members, within the appointer’s subtrees only', async () => {
    // Another branch's member is outside the organiser's reach; so is another branch as a scope.
    expect(await t.call('demo-organiser', 'org', 'setMemberRole', { memberId: 'demo-member-02', role: 'unit_organiser' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(
      await t.call('demo-organiser', 'org', 'setMemberRole', { memberId: 'demo-member-12', role: 'unit_organiser', unitIds: ['br-office'] }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A roster entry nobody has bound cannot carry a role: whoever typed its name would get it.
    expect(await t.call('demo-admin', 'org', 'setMemberRole', { memberId: 'demo-member-17', role: 'unit_organiser' })).toMatchObject({
      ok: false,
      code: 'FAILED_PRECONDITION',
    });
    expect(dataOf(await t.call('demo-admin', 'org', 'setMemberRole', { memberId: 'demo-member-12', role: 'unit_organiser' }))).toEqual({
      memberId: 'demo-member-12',
      role: 'unit_organiser',
      unitIds: ['br-school'],
    });
    // The identity changed with the entry: the appointed member's next call already manages the branch.
    const theirs = dataOf(await t.call<{ units: ManagedUnit[] }>('demo-m-12', 'org', 'listUnits'));
    expect(theirs.units.map((u) => u.id)).toEqual(['br-school']);
    expect(await t.call('demo-admin', 'org', 'setMemberRole', { memberId: 'demo-member-12', role: 'org_admin' })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('roster pages are keyset-paginated, complete and without repeats, and never show a full phone number', async () => {
    const seen: MemberRow[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<MemberRow> = dataOf(await t.call<Page<MemberRow>>('demo-admin', 'org', 'listMembers', { unitId: 'br-office', limit: 3, cursor }));
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen.map((m) => m.id)).size).toBe(10);
    expect(seen.every((m) => m.phoneMasked === null || /^\d{3}\*{4}\d{4}$/.test(m.phoneMasked))).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(/1390000\d{4}/);
    const unbound = dataOf(await t.call<Page<MemberRow>>('demo-admin', 'org', 'listMembers', { unitId: 'br-office', bound: 'unbound' }));
    expect(unbound.items.map((m) => m.bound)).toEqual([false, false, false, false]);
    expect(await t.call('demo-admin', 'org', 'listMembers', { unitId: 'br-office', cursor: 'garbage' })).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('binding a WeChat account to the roster', () => {
  it('binds with name and invite code, then refuses a second binding of the same openid', async () => {
    const r = dataOf(await t.call<BindResult>('o-zhao', 'org', 'bindMember', { name: '徐磊', inviteCode: 'jgzb01' }));
    expect(r).toMatchObject({ status: 'bound', me: { bound: true, member: { name: '徐磊', unit: { name: '机关第一党支部' } } } });
    expect(await t.call('o-zhao', 'org', 'bindMember', { name: '孙悦', inviteCode: 'JGZB01' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a wrong invite code is NOT_FOUND and writes nothing', async () => {
    expect(await t.call('o-nobody', 'org', 'bindMember', { name: '赵建国', inviteCode: 'ZZZZZZ' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(dataOf(await t.call<Me>('o-nobody', 'org', 'getMe'))).toEqual({ bound: false, openid: 'o-nobody', request: null });
  });

  it('a malformed invite code is INVALID_ARGUMENT naming the field', async () => {
    expect(await t.call('o-nobody', 'org', 'bindMember', { name: '赵建国', inviteCode: '12' })).toEqual({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: '字段 inviteCode：邀请码是6位字母或数字',
    });
  });

  it('an entry already bound cannot be taken by a second openid', async () => {
    // Answered like a name not on the roster (issue 14, item 4): a request the organisers decide.
    expect(await t.call('o-thief', 'org', 'bindMember', { name: '王秀英', inviteCode: 'LTGB03' })).toEqual({ ok: true, data: { status: 'pending', unitName: '离退休干部党支部' } });
    expect(t.cloud.db.find('members', { _id: 'demo-member-21' })[0]).toMatchObject({ openid: 'demo-member' });
    expect(t.cloud.db.find('identities', { _id: 'o-thief' })).toHaveLength(0);
  });

  it('ten phones racing for one entry: exactly one wins, the database settles it', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.call(`o-race-${i}`, 'org', 'bindMember', { name: '周明', inviteCode: 'JGZB01' })),
    );
    const winners = results.filter((r) => r.ok && (r.data as BindResult).status === 'bound');
    expect(winners).toHaveLength(1);
    // The others are answered like any bound entry: a request to the organisers (issue 14, item 4).
    expect(results.filter((r) => r !== winners[0]).every((r) => r.ok && (r.data as BindResult).status === 'pending')).toBe(true);
    expect(t.cloud.db.find('identities', { memberId: 'demo-member-07' })).toHaveLength(1);
  });

  it('one phone racing to bind two entries gets exactly one', async () => {
    const results = await Promise.all([
      t.call('o-greedy', 'org', 'bindMember', { name: '吴婷', inviteCode: 'JGZB01' }),
      t.call('o-greedy', 'org', 'bindMember', { name: '孙悦', inviteCode: 'JGZB01' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(t.cloud.db.find('members', { openid: 'o-greedy' })).toHaveLength(1);
  });

  it('a name not on the roster becomes a request the branch organiser approves', async () => {
    const r = dataOf(await t.call<BindResult>('o-newcomer', 'org', 'bindMember', { name: '新党员', inviteCode: 'SYZX02' }));
    expect(r).toEqual({ status: 'pending', unitName: '实验中学党支部' });
    expect(dataOf(await t.call<Me>('o-newcomer', 'org', 'getMe'))).toEqual({
      bound: false,
      openid: 'o-newcomer',
      request: { status: 'pending', name: '新党员', unitName: '实验中学党支部', reason: null },
    });
    // Another branch's organiser cannot see or decide it.
    const list = dataOf(await t.call<{ items: Array<{ id: string; name: string }> }>('demo-organiser', 'org', 'listBindRequests', {}));
    expect(list.items.map((i) => i.name)).toEqual(['新党员']);
    const id = list.items[0].id;
    const before = dataOf(await t.call<{ units: ManagedUnit[] }>('demo-organiser', 'org', 'listUnits')).units[0];
    expect(dataOf(await t.call('demo-organiser', 'org', 'reviewBindRequest', { requestId: id, approve: true }))).toMatchObject({ status: 'approved' });
    expect(await t.call('demo-organiser', 'org', 'reviewBindRequest', { requestId: id, approve: true })).toMatchObject({ code: 'CONFLICT' });
    expect(dataOf(await t.call<Me>('o-newcomer', 'org', 'getMe'))).toMatchObject({ bound: true, member: { name: '新党员' } });
    const after = dataOf(await t.call<{ units: ManagedUnit[] }>('demo-organiser', 'org', 'listUnits')).units[0];
    expect([after.memberCount, after.boundCount]).toEqual([before.memberCount + 1, before.boundCount + 1]);
  });

  it('a rejected request shows the reason to the applicant', async () => {
    dataOf(await t.call('o-rejected', 'org', 'bindMember', { name: '路人甲', inviteCode: 'LTGB03' }));
    const list = dataOf(await t.call<{ items: Array<{ id: string; name: string }> }>('demo-admin', 'org', 'listBindRequests', { unitId: 'br-retired' }));
    const mine = list.items.find((i) => i.name === '路人甲');
    dataOf(await t.call('demo-admin', 'org', 'reviewBindRequest', { requestId: mine?.id, approve: false, reason: '不是本支部党员' }));
    expect(dataOf(await t.call<Me>('o-rejected', 'org', 'getMe'))).toEqual({
      bound: false,
      openid: 'o-rejected',
      request: { status: 'rejected', name: '路人甲', unitName: '离退休干部党支部', reason: '不是本支部党员' },
    });
  });

  it('two same-name entries ask for the phone tail, which then picks the right one', async () => {
    const csv = Buffer.from('姓名,所在支部,手机号\n张三,离退休干部党支部,13911110001\n张三,离退休干部党支部,13922220002\n');
    const fileID = await t.uploadAs('demo-admin', 'org', 'sheet', 'twins.csv', csv);
    dataOf(await t.call<ImportReport>('demo-admin', 'org', 'importRoster', { fileID, fileName: 'twins.csv', commit: true }));
    expect(await t.call('o-twin', 'org', 'bindMember', { name: '张三', inviteCode: 'LTGB03' })).toMatchObject({
      ok: false,
      code: 'FAILED_PRECONDITION',
      message: '支部里有同名党员，请填写手机号后四位',
    });
    const r = dataOf(await t.call<BindResult>('o-twin', 'org', 'bindMember', { name: '张三', inviteCode: 'LTGB03', phoneTail: '0002' }));
    expect(r.status).toBe('bound');
    const rows = dataOf(await t.call<Page<MemberRow>>('demo-admin', 'org', 'listMembers', { unitId: 'br-retired', bound: 'bound' }));
    expect(rows.items.find((m) => m.name === '张三')?.phoneMasked).toBe('139****0002');
  });

  it('resetting an invite code retires the old one at once', async () => {
    const { inviteCode } = dataOf(await t.call<{ inviteCode: string }>('demo-admin', 'org', 'resetInviteCode', { unitId: 'br-school' }));
    expect(inviteCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(await t.call('o-late', 'org', 'bindMember', { name: '高远', inviteCode: 'SYZX02' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(dataOf(await t.call<BindResult>('o-late', 'org', 'bindMember', { name: '高远', inviteCode })).status).toBe('bound');
    expect(await t.call('demo-member', 'org', 'resetInviteCode', { unitId: 'br-retired' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('unbinding (a member changed WeChat)', () => {
  const schoolCode = async () =>
    (dataOf(await t.call<{ units: ManagedUnit[] }>('demo-organiser', 'org', 'listUnits')).units[0].inviteCode as string);

  it('only an organiser of that branch may unbind, never themselves, and a reason is required', async () => {
    expect(await t.call('demo-member', 'org', 'unbindMember', { memberId: 'demo-member-13', reason: '更换了微信' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call('demo-organiser', 'org', 'unbindMember', { memberId: 'demo-member-21', reason: '更换了微信' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call('demo-organiser', 'org', 'unbindMember', { memberId: 'demo-member-11', reason: '更换了微信' })).toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    expect(await t.call('demo-organiser', 'org', 'unbindMember', { memberId: 'demo-member-13', reason: ' ' })).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '字段 reason：请说明解除绑定的原因',
    });
    expect(await t.call('demo-organiser', 'org', 'unbindMember', { memberId: 'demo-member-19', reason: '更换了微信' })).toMatchObject({
      code: 'CONFLICT',
      message: '该党员尚未绑定微信',
    });
  });

  it('the old account loses the entry at once, the new account binds it, and the reason is kept', async () => {
    const before = dataOf(await t.call<{ units: ManagedUnit[] }>('demo-organiser', 'org', 'listUnits')).units[0].boundCount;
    expect(dataOf(await t.call('demo-organiser', 'org', 'unbindMember', { memberId: 'demo-member-13', reason: '更换了微信' }))).toEqual({
      memberId: 'demo-member-13',
    });
    expect(dataOf(await t.call<Me>('demo-m-13', 'org', 'getMe'))).toMatchObject({ bound: false });
    expect(await t.call('demo-m-13', 'org', 'listUnits')).toMatchObject({ code: 'UNAUTHENTICATED' });
    const after = dataOf(await t.call<{ units: ManagedUnit[] }>('demo-organiser', 'org', 'listUnits')).units[0].boundCount;
    expect(after).toBe(before - 1);

    const r = dataOf(await t.call<BindResult>('o-zhumin-new-phone', 'org', 'bindMember', { name: '朱敏', inviteCode: await schoolCode() }));
    expect(r).toMatchObject({ status: 'bound', me: { member: { id: 'demo-member-13' } } });
    const entry = t.cloud.db.get('members', 'demo-member-13');
    expect(entry).toMatchObject({ openid: 'o-zhumin-new-phone', lastUnbind: { reason: '更换了微信', by: 'demo-member-11', openid: 'demo-m-13' } });
  });
});
