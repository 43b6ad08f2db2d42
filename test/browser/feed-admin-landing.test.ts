// 宣传文章管理 in headless Chromium: a member's submission waiting for review is not hidden behind
// 草稿 — the page opens on 待审核 with the waiting count on the tab; with nothing waiting it opens on
// 草稿 as before, and a tab asked for in the link wins.
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { dataOf } from '../helpers/cloud';
import { eventually, openTab, shown } from '../helpers/ui';
import type { Page } from 'playwright-core';

jest.setTimeout(180_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const feed = async <T>(openid: string, action: string, payload: unknown) => dataOf(await env.t.call<T>(openid, 'feed', action, payload));

async function openPostsAdmin(page: Page): Promise<void> {
  await page.locator('#login-organiser').click();
  await page.getByText('李强').first().waitFor();
  await openTab(page, '我的');
  await shown(page, '#go-admin').click();
  await shown(page, '#admin-posts').click();
  await shown(page, '#post-new').waitFor();
}

const isOn = async (page: Page, tab: string) => ((await shown(page, `#posts-tab-${tab}`).getAttribute('class')) ?? '').includes('seg__item--on');

describe('宣传文章管理 landing', () => {
  it('opens on 待审核 with the count when a submission waits, and on 草稿 when none does', async () => {
    // GIVEN nothing waits: the page opens on 草稿, with no count on 待审核
    const first = await env.open();
    await openPostsAdmin(first.page);
    await eventually(async () => expect(await isOn(first.page, 'draft')).toBe(true));
    await expect(first.page.locator('#posts-pending-count').count()).resolves.toBe(0);
    await first.context.close();

    // WHEN 马俊 (实验中学, 李强's branch) and 朱敏 send stories for review
    const ids: string[] = [];
    for (const [who, title] of [
      ['demo-m-12', '落地页测试：支部义务植树'],
      ['demo-m-13', '落地页测试：重温入党誓词'],
    ]) {
      const sent = await feed<{ postId: string; status: string }>(who, 'submitPost', { kind: 'report', title, body: '<p>支部党员一起参加活动。</p>' });
      expect(sent.status).toBe('pending');
      ids.push(sent.postId);
    }

    // THEN 宣传文章管理 opens on 待审核, its tab says 2, and both wait in the list
    const { context, page } = await env.open();
    await openPostsAdmin(page);
    await eventually(async () => expect(await isOn(page, 'pending')).toBe(true));
    await expect(shown(page, '#posts-pending-count').innerText()).resolves.toBe('2');
    for (const id of ids) await shown(page, `#admin-post-${id}`).waitFor();

    // … another tab is still a tap away, and the count stays on 待审核
    await shown(page, '#posts-tab-draft').click();
    await eventually(async () => expect(await isOn(page, 'draft')).toBe(true));
    await expect(shown(page, '#posts-pending-count').innerText()).resolves.toBe('2');
    await context.close();
  });
});
