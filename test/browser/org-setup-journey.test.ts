// A new organisation's first run, in headless Chromium on an EMPTY local cloud: the first admin is
// granted, follows the set-up checklist, builds a four-level tree by hand, imports a roster into
// a leaf branch, hands out the leaf's invitation (a member binds through its page with the code
// already filled in), moves a bound member to the middle unit and appoints them its organiser,
// who then sees and manages only that subtree; the roll-up figures on 管理后台 match the records.
import type { Page } from 'playwright-core';
import { COLLECTIONS } from '../../functions/lib/collections';
import { grantAdmin } from '../../scripts/lib/setup';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { eventually, fill, openTab, shown } from '../helpers/ui';

jest.setTimeout(120_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ seed: false });
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const ADMIN = 'o-first-admin';

async function signInAs(page: Page, openid: string): Promise<void> {
  await page.locator('#login-openid').waitFor();
  await page.locator('#login-openid input, input#login-openid').first().fill(openid);
  await page.locator('#login-openid-submit').click();
}

async function openAdmin(page: Page): Promise<void> {
  await openTab(page, '我的');
  await shown(page, '#go-admin').click();
  await shown(page, '#admin-units').waitFor();
}

/** On 组织架构: tap a unit of the tree by its name. */
async function pickUnit(page: Page, name: string): Promise<void> {
  await shown(page, '#unit-tree').locator('.tree-row__name').getByText(name, { exact: true }).click();
}

/** On 组织架构: select a unit by name and add a child of a kind. */
async function addChild(page: Page, parentName: string, name: string, kind: string): Promise<void> {
  await pickUnit(page, parentName);
  await shown(page, '#unit-add-child').click();
  await fill(page, 'unit-name', name);
  await shown(page, `#unit-kind-${kind}`).click();
  await expect(shown(page, `#unit-kind-${kind}`).getAttribute('aria-checked')).resolves.toBe('true');
  await shown(page, '#unit-dialog-confirm').click();
  await shown(page, '#unit-tree').getByText(name, { exact: true }).waitFor();
}

describe('first run of a new organisation', () => {
  it('sets itself up from an empty cloud, and a middle unit’s organiser sees exactly their subtree', async () => {
    const db = env.t.cloud.db;
    const { orgId } = await grantAdmin(env.t.db, { openid: ADMIN, orgName: '某市委老干部局', name: '赵书记' });

    const { context, page } = await env.open();
    await signInAs(page, ADMIN);
    await openAdmin(page);

    // The checklist says where to start and ticks itself off from the data.
    await shown(page, '#setup-checklist').waitFor();
    await expect(shown(page, '#setup-units').innerText()).resolves.toContain('下一步');
    await shot(page, 'setup-checklist');
    await shown(page, '#setup-go-units').click();

    // Four levels by hand, below the organisation.
    await shown(page, '#unit-tree').getByText('某市委老干部局', { exact: true }).waitFor();
    await addChild(page, '某市委老干部局', '某县委老干部局', 'department');
    await addChild(page, '某县委老干部局', '县教育局机关党委', 'committee');
    await addChild(page, '县教育局机关党委', '离退休干部党总支', 'general_branch');
    await addChild(page, '离退休干部党总支', '离退休第一党支部', 'branch');
    await addChild(page, '离退休干部党总支', '离退休第二党支部', 'branch');
    await addChild(page, '某市委老干部局', '市直机关党委', 'committee');
    // A sibling of the same name is refused in plain words and nothing is written.
    await pickUnit(page, '离退休干部党总支');
    await shown(page, '#unit-add-child').click();
    await fill(page, 'unit-name', '离退休第一党支部');
    await shown(page, '#unit-dialog-confirm').click();
    await expect(shown(page, '#unit-dialog-error').innerText()).resolves.toContain('已有名为“离退休第一党支部”的组织');
    await shown(page, '#unit-dialog .ui-dialog__btn').click();
    await shot(page, 'admin-units');

    const unitByName = (name: string) => db.find('units', { name }, {})[0] as { _id: string; path: string[]; inviteCode: string };
    const leaf = unitByName('离退休第一党支部');
    const committee = unitByName('县教育局机关党委');
    const sibling = unitByName('市直机关党委');
    expect(leaf.path).toHaveLength(5);
    expect(leaf.path[0]).toBe(orgId);

    // A larger part of the tree from a spreadsheet: 市直机关党委's 4 党总支 and 16 branches, one
    // column per level, blank cells meaning "same as above" (as merged cells arrive).
    await pickUnit(page, '市直机关党委');
    await shown(page, '#unit-import-tree').click();
    await page.locator('#units-import-file-input').waitFor({ state: 'attached' });
    const levels = ['一级,二级'];
    for (let g = 1; g <= 4; g++) for (let b = 1; b <= 4; b++) levels.push(`${b === 1 ? `第${g}党总支` : ''},第${g}党总支第${b}支部`);
    await page.locator('#units-import-file-input').setInputFiles({ name: '市直机关组织架构.csv', mimeType: 'text/csv', buffer: Buffer.from(levels.join('\n')) });
    await shown(page, '#units-import-picked').waitFor();
    await shown(page, '#units-import-preview').click();
    await shown(page, '#units-import-preview-result').waitFor();
    expect(db.count('units', { orgId })).toBe(7); // the preview writes nothing
    await shown(page, '#units-import-commit').click();
    await expect(shown(page, '#units-import-done').innerText()).resolves.toContain('已新建 20 个组织');
    const deep = db.find('units', { name: '第3党总支第2支部' }, {})[0] as { path: string[] };
    expect(deep.path).toEqual([orgId, sibling._id, (db.find('units', { name: '第3党总支' }, {})[0] as { _id: string })._id, (deep.path as string[])[3]]);
    await page.goto(`${env.t.cloud.url}/#/subpackages/org-admin/units`);
    await shown(page, '#unit-tree').locator('.tree-row__name').getByText('第4党总支第4支部', { exact: true }).waitFor();

    // Import a roster into the leaf branch, from the unit's tools.
    await pickUnit(page, '离退休第一党支部');
    await shown(page, '#unit-import').click();
    await page.locator('#import-file-input').waitFor({ state: 'attached' });
    const csv = ['姓名,手机号,党员类别', '周桂芳,13700000001,正式党员', '吴建华,13700000002,正式党员', '郑秀兰,13700000003,预备党员'].join('\n');
    await page.locator('#import-file-input').setInputFiles({ name: '离退休第一党支部名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await shown(page, '#import-picked').waitFor();
    await shown(page, '#import-preview').click();
    await shown(page, '#import-preview-result').waitFor();
    await shown(page, '#import-commit').click();
    await expect(shown(page, '#import-done').innerText()).resolves.toContain('已导入 3 人');

    // The leaf's invitation: a page to show, forward or print, with the code in large type.
    await page.goto(`${env.t.cloud.url}/#/subpackages/org-admin/units`);
    await pickUnit(page, '离退休第一党支部');
    await shown(page, '#unit-invite').click();
    await expect(shown(page, '#invite-code').innerText()).resolves.toBe(leaf.inviteCode);
    await expect(shown(page, '#invite-unit').innerText()).resolves.toBe('离退休第一党支部');
    await shown(page, '#invite-qr').waitFor();
    await shot(page, 'admin-invite');
    await context.close();

    // A member of the leaf opens the invitation's page: the code is filled in, she types her name.
    const member = await env.open();
    await signInAs(member.page, 'o-zhou');
    await shown(member.page, '#go-bind').waitFor();
    await member.page.goto(`${env.t.cloud.url}/#/pages/bind/index?code=${leaf.inviteCode}`);
    await shown(member.page, '#bind-preset').waitFor();
    await expect(shown(member.page, '#bind-code input, input#bind-code').inputValue()).resolves.toBe(leaf.inviteCode);
    await fill(member.page, 'bind-name', '周桂芳');
    await shown(member.page, '#bind-submit').click();
    await shown(member.page, '#bind-done').waitFor();
    await member.context.close();
    expect(db.find('members', { name: '周桂芳' }, {})).toMatchObject([{ unitId: leaf._id, openid: 'o-zhou' }]);

    // The admin moves her to the committee (she is one of its officers) and appoints her there.
    const admin2 = await env.open();
    const page2 = admin2.page;
    await signInAs(page2, ADMIN);
    await openAdmin(page2);
    await shown(page2, '#admin-units').click();
    await pickUnit(page2, '离退休第一党支部');
    await shown(page2, '#unit-roster').click();
    const zhou = db.find('members', { name: '周桂芳' }, {})[0] as { _id: string };
    await eventually(async () => {
      await shown(page2, `#member-${zhou._id}`).click();
      await page2.getByText('转到其他组织', { exact: true }).click();
    });
    await shown(page2, `#move-member-target-${committee._id}`).click();
    await shown(page2, '#move-member-confirm').click();
    await eventually(async () => expect(db.get('members', zhou._id)).toMatchObject({ unitId: committee._id }));
    await admin2.context.close();

    // Appointed from the committee's roster (she is bound, so the appointment is offered).
    const admin3 = await env.open();
    await signInAs(admin3.page, ADMIN);
    await openAdmin(admin3.page);
    await shown(admin3.page, '#admin-units').click();
    await pickUnit(admin3.page, '县教育局机关党委');
    await shown(admin3.page, '#unit-roster').click();
    await eventually(async () => {
      await shown(admin3.page, `#member-${zhou._id}`).click();
      await admin3.page.getByText('任命为“县教育局机关党委”管理员', { exact: true }).click();
    });
    await eventually(async () => expect(db.get('members', zhou._id)).toMatchObject({ role: 'unit_organiser', manages: [committee._id] }));
    await admin3.context.close();

    // A check-in in the leaf, then the figures.
    const zhouCheckin = await env.t.call('o-zhou', 'checkin', 'checkIn', { title: '学习党章', minutes: 20 });
    expect(zhouCheckin).toMatchObject({ ok: true });

    // The new organiser: 管理后台 shows her subtree only, with its figures.
    const organiser = await env.open();
    await signInAs(organiser.page, 'o-zhou');
    await openAdmin(organiser.page);
    const summary = shown(organiser.page, '#scope-summary');
    await summary.waitFor();
    const subtreeIds = (db.find('units', {}, {}) as Array<{ _id: string; path: string[] }>).filter((u) => u.path.includes(committee._id)).map((u) => u._id);
    const subtreeMembers = db.count(COLLECTIONS.members, { unitId: { $in: subtreeIds } });
    expect(subtreeMembers).toBe(3);
    await expect(shown(organiser.page, '#scope-members').innerText()).resolves.toBe(String(subtreeMembers));
    await expect(shown(organiser.page, '#scope-checkins').innerText()).resolves.toBe('1');
    await shot(organiser.page, 'admin-organiser-subtree');
    await shown(organiser.page, '#admin-units').click();
    const tree = shown(organiser.page, '#unit-tree');
    await tree.getByText('县教育局机关党委', { exact: true }).waitFor();
    await expect(tree.innerText()).resolves.toContain('离退休第二党支部');
    await expect(tree.innerText()).resolves.not.toContain('市直机关党委');
    await expect(tree.innerText()).resolves.not.toContain('某县委老干部局');
    await organiser.context.close();
    // The sibling subtree's roster is refused on the server, whatever the page shows.
    expect(await env.t.call('o-zhou', 'org', 'listMembers', { unitId: sibling._id, limit: 20 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // The whole organisation's figures on the admin's first card match a count of the records.
    const admin4 = await env.open();
    await signInAs(admin4.page, ADMIN);
    await openAdmin(admin4.page);
    await shown(admin4.page, '#scope-summary').waitFor();
    const allMembers = db.count(COLLECTIONS.members, { orgId });
    await expect(shown(admin4.page, '#scope-members').innerText()).resolves.toBe(String(allMembers));
    await expect(shown(admin4.page, '#scope-checkins').innerText()).resolves.toBe(String(db.count(COLLECTIONS.checkins, { orgId })));
    // Three of the four steps are done; the first activity is still to come.
    await expect(shown(admin4.page, '#setup-activity').innerText()).resolves.toContain('下一步');
    await expect(shown(admin4.page, '#setup-invite').innerText()).resolves.toContain('已完成');
    await shot(admin4.page, 'admin-home-rollup');
    await admin4.context.close();
  });
});
