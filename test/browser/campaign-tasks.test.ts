// A task list from first item to the public view, in headless Chromium (issue 18): 李强, organiser
// of 实验中学党支部, makes a public 为民办实事清单 and adds an item for 马俊 with a deadline (the form
// first says 请选择负责人 next to the field); 马俊, a plain member, finds his item under 我的 →
// 我负责的实事 and writes progress with a photo; 李强 closes it with an evidence photo and marks
// that photo public. A visitor who never bound opens the public page in 大字模式: the title, the
// unit, 已完成 1/1 and that one photo — and no member's name or phone anywhere on it, nor the
// progress note.
import type { BrowserContext, Page } from 'playwright-core';
import { startBrowserEnv, shot, type BrowserEnv } from '../helpers/browser';
import { measure, settled, TRACK_TAPS } from '../helpers/measure';
import { answerModal, eventually, fill, shown } from '../helpers/ui';
import { encodePng } from '../../localcloud/png';
import { DEMO_MEMBERS } from '../../scripts/lib/demo-data';

jest.setTimeout(300_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterAll(async () => {
  await env?.close();
});

const ORGANISER = 'demo-organiser'; // 李强, 实验中学党支部
const OWNER = { openid: 'demo-m-12', memberId: 'demo-member-12', name: '马俊' };
const VISITOR = 'visitor-never-bound';
const LIST_TITLE = '校园周边为民办实事';
const ITEM_TITLE = '修好校门口的路灯';
const DETAIL = '校门口东侧两盏路灯不亮，放学时看不清路';
const PROGRESS = '已联系街道办，灯杆本周更换';
const CLOSE_OUT = '路灯已修好，晚上照明正常';

/** A small square PNG of one colour (RGBA scanlines, each row led by filter byte 0). */
function squarePng(size: number, rgba: [number, number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 4, Buffer.from(rgba))]);
  return encodePng(size, size, 6, Buffer.concat(Array.from({ length: size }, () => row)));
}

async function signInAs(openid: string, waitFor: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await env.open();
  await page.locator('#login-openid input, input#login-openid').first().fill(openid);
  await page.locator('#login-openid-submit').click();
  await page.getByText(waitFor).first().waitFor();
  return { context, page };
}

/** The picker shows the uploaded photo; a refusal (the upload ticket's) fails the test in its words. */
async function uploaded(page: Page, id: string): Promise<void> {
  await shown(page, `#${id}-0, #${id}-error`).waitFor();
  const error = shown(page, `#${id}-error`);
  if (await error.count()) throw new Error(`the photo was not uploaded: ${await error.innerText()}`);
}

const NORMAL = { minFont: 16, minTap: 44 };
const SENIOR = { minFont: 20, minTap: 44 };

/** Every piece of reading text and every tap target on the page shown is at least this large (docs/SENIOR-MODE.md). */
async function expectSizes(page: Page, limits: { minFont: number; minTap: number }): Promise<void> {
  await settled(page);
  const m = await measure(page, limits);
  expect(m.texts).toBeGreaterThan(3);
  expect(m.small).toEqual([]);
  expect(m.tiny).toEqual([]);
}

const at = (path: string) => `${env.t.cloud.url}/#${path}`;

interface StoredItem {
  _id: string;
  status: string;
  notes: Array<{ noteId: string; kind: string; photos: Array<{ fileID: string; public: boolean }> }>;
}

it('an organiser lists an item, its owner reports progress, the organiser closes it, and the public sees status and photo but no name', async () => {
  // GIVEN 李强 on 实事清单: a new public list for his branch
  const organiser = await signInAs(ORGANISER, '李强');
  let page = organiser.page;
  await organiser.context.addInitScript(TRACK_TAPS);
  await page.goto(at('/subpackages/campaign-admin/tasks'));
  await page.reload(); // TRACK_TAPS runs on this load, so the sizes below see every tap target
  await shown(page, '#tasks-rollup').waitFor();
  await shown(page, '#tasks-new').click();
  await shown(page, '#tasks-unit-br-school').click();
  await shown(page, '#tasks-kind-service').click();
  await fill(page, 'tasks-title', LIST_TITLE);
  await shown(page, '#tasks-public').click();
  await expectSizes(page, NORMAL);
  await shown(page, '#tasks-submit').click();
  await shown(page, '#tasklist-title').waitFor();
  await expect(shown(page, '#tasklist-title').innerText()).resolves.toBe(LIST_TITLE);
  const listId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? '';
  expect(listId).not.toBe('');
  await shown(page, '#tasklist-share').waitFor(); // public: 分享公开清单 is offered

  // WHEN he adds an item without choosing 负责人, the form says so next to that field
  await shown(page, '#tasklist-add-open').click();
  await fill(page, 'tasklist-add-title', ITEM_TITLE);
  await shown(page, '#tasklist-add-submit').click();
  await expect(shown(page, '#tasklist-add-error-owner').innerText()).resolves.toContain('请选择负责人');
  // THEN with 马俊 chosen (the default deadline is a fortnight ahead) the item is listed
  await shown(page, `#tasklist-add-owner-${OWNER.memberId}`).click();
  await shown(page, '#tasklist-add-submit').click();
  const findItem = () => env.t.cloud.db.find('taskItems').find((d) => (d as { title?: string }).title === ITEM_TITLE) as unknown as StoredItem | undefined;
  await eventually(async () => {
    expect(findItem()).toBeDefined();
  });
  const item = findItem() as StoredItem;
  await eventually(async () => {
    const row = await shown(page, `#tasklist-item-${item._id}`).innerText();
    expect(row).toContain(ITEM_TITLE);
    expect(row).toContain('马俊');
    expect(row).toContain('未开始');
    expect(row).toContain('还有 14 天');
  });
  await expectSizes(page, NORMAL);
  await shot(page, 'campaign-tasklist');
  const itemPath = `/subpackages/campaign-admin/item?listId=${listId}&itemId=${item._id}`;

  // AND from the item he adds a description (修改事项, with the version he read)
  await shown(page, `#tasklist-item-${item._id}`).click();
  await shown(page, '#item-edit-open').click();
  await fill(page, 'item-edit-detail', DETAIL);
  await shown(page, '#item-edit-submit').click();
  await eventually(async () => {
    expect(await shown(page, '#item-summary').innerText()).toContain(DETAIL);
  });

  // WHEN 马俊, a plain member, finds his item under 我的 → 我负责的实事 and writes progress with a photo
  const owner = await signInAs(OWNER.openid, OWNER.name);
  await owner.page.goto(at('/pages/mine/index'));
  await expect(shown(owner.page, '#go-my-items').innerText()).resolves.toContain('1 项在办');
  await shown(owner.page, '#go-my-items').click();
  await expect(shown(owner.page, `#my-item-${item._id}`).innerText()).resolves.toContain(ITEM_TITLE);
  await shown(owner.page, `#my-item-${item._id}`).click();
  await shown(owner.page, '#item-note-open').waitFor();
  expect(owner.page.url()).toContain(itemPath.split('?')[0]);
  await shown(owner.page, '#item-note-open').click();
  await fill(owner.page, 'item-note-text', PROGRESS);
  await owner.page.locator('#item-note-photos-input').setInputFiles({ name: '进展.png', mimeType: 'image/png', buffer: squarePng(16, [0x1f, 0x6e, 0x2c, 0xff]) });
  await uploaded(owner.page, 'item-note-photos');
  await shown(owner.page, '#item-note-submit').click();
  await eventually(async () => {
    expect(await shown(owner.page, '#item-notes').innerText()).toContain(PROGRESS);
    expect(await shown(owner.page, '#item-status').innerText()).toBe('进行中');
  });
  // A plain member marks no photo public: that is the organiser's.
  await expect(owner.page.locator('[id$="-public"]:visible').count()).resolves.toBe(0);
  await owner.context.close();

  // WHEN 李强 closes it with an evidence photo, after the confirmation
  await page.goto(at(itemPath));
  await shown(page, '#item-close-open').click();
  await fill(page, 'item-close-text', CLOSE_OUT);
  await page.locator('#item-close-photos-input').setInputFiles({ name: '路灯.png', mimeType: 'image/png', buffer: squarePng(16, [0xc8, 0x16, 0x1d, 0xff]) });
  await uploaded(page, 'item-close-photos');
  await shown(page, '#item-close-submit').click();
  await answerModal(page, /办结后算作已完成/, 'confirm');
  await eventually(async () => {
    expect(await shown(page, '#item-status').innerText()).toBe('已完成');
  });
  // AND marks the close-out photo public
  const closed = env.t.cloud.db.find('taskItems').find((d) => d._id === item._id) as unknown as StoredItem;
  const closeOut = closed.notes.find((n) => n.kind === 'closeOut');
  expect(closeOut?.photos).toHaveLength(1);
  await shown(page, `#item-note-${closeOut?.noteId}-photo-0-public`).click();
  await eventually(async () => {
    expect(await shown(page, `#item-note-${closeOut?.noteId}-photo-0-public`).innerText()).toContain('已公开');
  });
  const stored = env.t.cloud.db.find('taskItems').find((d) => d._id === item._id) as unknown as StoredItem;
  expect(stored.status).toBe('done');
  expect(stored.notes.find((n) => n.kind === 'closeOut')?.photos[0].public).toBe(true);
  expect(stored.notes.find((n) => n.kind === 'progress')?.photos[0].public).toBe(false);
  await expectSizes(page, NORMAL);
  await shot(page, 'campaign-item');
  await organiser.context.close();

  // THEN a visitor who never bound, in 大字模式, sees the public list: title, unit, 已完成 1/1, one photo
  const visitor = await env.open();
  await visitor.context.addInitScript(`localStorage.setItem('prefs.senior', JSON.stringify({ data: true }));${TRACK_TAPS}`);
  page = visitor.page;
  await page.locator('#login-openid input, input#login-openid').first().fill(VISITOR);
  await page.locator('#login-openid-submit').click();
  await page.waitForURL(/pages\/home/);
  await page.goto(at(`/subpackages/campaign/tasks?listId=${listId}`));
  await page.reload(); // the init script runs on this load: 大字模式 from the start
  await shown(page, '#public-title').waitFor();
  await expect(shown(page, '#public-title').innerText()).resolves.toBe(LIST_TITLE);
  await expect(shown(page, '#public-unit').innerText()).resolves.toContain('实验中学党支部');
  await expect(shown(page, '#public-totals').innerText()).resolves.toContain('已完成 1/1');
  await expect(shown(page, '#public-item-0').innerText()).resolves.toContain(ITEM_TITLE);
  await expect(shown(page, '#public-item-0').innerText()).resolves.toContain('已完成');
  await shown(page, '#public-item-0-photo-0').waitFor();
  await expect(page.locator('[id^="public-item-0-photo-"]:visible').count()).resolves.toBe(1);

  const text = await page.locator('body').innerText();
  for (const m of DEMO_MEMBERS) {
    expect(text).not.toContain(m.name);
    if (m.phone) expect(text).not.toContain(m.phone);
  }
  expect(text).not.toContain(PROGRESS);
  expect(text).not.toMatch(/1[3-9]\d{9}/);

  await expectSizes(page, SENIOR);
  await shot(page, 'campaign-public-tasks');
  await visitor.context.close();
});
