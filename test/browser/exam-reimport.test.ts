// Re-importing a corrected bank in headless Chromium against the H5 build (issue 15): an organiser
// imports a bank, an exam pins its questions, then a corrected file is previewed — one answer
// changed, one tag added, one new question, the rest unchanged, each said on its row and counted
// at the top — and committed; the bank shows the corrected answer, the exam keeps its pinned key.
// Then the question is kept for exams (仅用于考试) in the editor: the bank marks it, and its
// 修改记录 shows both changes, who made them and from where. A second re-import changes an option
// and the explanation: the row says each, old → new, one line each, and that a long tag was cut.
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { eventually, openTab, shown } from '../helpers/ui';
import { dataOf } from '../helpers/cloud';

jest.setTimeout(240_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度';
const ZUNYI = '更正测试：遵义会议召开于哪一年？';
const V1 = [
  HEADER,
  `单选,${ZUNYI},1934,1935,1936,1937,A,,党史,易`,
  '多选,更正测试：下列属于四史的是？,党史,新中国史,改革开放史,世界史,ABC,,党史,中',
  '判断,更正测试：预备期为一年。,,,,,对,,党章党规,易',
  '填空,更正测试：中共一大在（）开幕。,,,,,上海,,党史,易',
].join('\n');
const V2 = [
  HEADER,
  `单选,${ZUNYI},1934,1935,1936,1937,B,,党史,易`,
  '多选,更正测试：下列属于四史的是？,党史,新中国史,改革开放史,世界史,ABC,,党史、四史学习,中',
  '判断,更正测试：预备期为一年。,,,,,对,,党章党规,易',
  '填空,更正测试：中共一大在（）开幕。,,,,,上海,,党史,易',
  '判断,更正测试：新加的一题。,,,,,错,,党史,易',
].join('\n');

/** 张伟 on 导入题目, and a way to preview a CSV there. */
async function openImport() {
  const { context, page } = await env.open();
  await page.locator('#login-admin').click();
  await page.getByText('张伟').first().waitFor();
  await openTab(page, '我的');
  await page.locator('#go-admin').click();
  await shown(page, '#admin-exams').click();
  await shown(page, '#exam-bank').click();
  await shown(page, '#bank-import').click();
  const upload = async (name: string, csv: string) => {
    await page.locator('#qimport-file-input').waitFor({ state: 'attached' });
    await page.locator('#qimport-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await shown(page, '#qimport-picked').waitFor();
    await shown(page, '#qimport-preview').click();
    await shown(page, '#qimport-preview-result').waitFor();
  };
  return { context, page, upload };
}

describe('organiser, re-importing a corrected bank', () => {
  it('previews exactly what changes, commits it, and leaves a published exam its pinned key', async () => {
    const { context, page, upload } = await openImport();


    await upload('题库.csv', V1);
    await expect(shown(page, '#qimport-counts').innerText()).resolves.toBe('新增 4，更新 0，无变化 0，有问题 0');
    await shown(page, '#qimport-commit').click();
    await shown(page, '#qimport-done').waitFor();

    // An exam published now pins the questions with the first file's key.
    const now = env.t.cloud.clock.now();
    const ids = env.t.cloud.db.find('questions', { stem: { $regex: '^更正测试' } }).map((q) => String(q._id));
    const saved = dataOf(
      await env.t.call<{ id: string }>('demo-admin', 'exam', 'saveExam', {
        exam: { title: '更正测试', unitIds: ['br-school'], opensAt: now - 60_000, closesAt: now + 3_600_000, durationMinutes: 30, paper: { mode: 'fixed', questionIds: ids }, passScore: 1 },
      }),
    );
    dataOf(await env.t.call('demo-admin', 'exam', 'publishExam', { examId: saved.id }));
    const pinned = env.t.cloud.db.find('examQuestions', { examId: saved.id });
    expect(pinned).toHaveLength(4);

    await page.locator('#qimport-done taro-button-core', { hasText: '再导入一个文件' }).click();
    await upload('题库（更正）.csv', V2);
    await expect(shown(page, '#qimport-counts').innerText()).resolves.toBe('新增 1，更新 2，无变化 2，有问题 0');
    await expect(shown(page, '#qchange-2').innerText()).resolves.toBe('将更新：答案 A → B');
    // A changed key does not regrade exams already published: the preview says where to do it.
    await expect(shown(page, '#qimport-preview-result').innerText()).resolves.toContain('已发布的考试仍按发布时的答案判分，答案改了的题如需为考过的人重新评分，请在该考试的“考试情况”里点“更正答案并重新评分”');
    await expect(shown(page, '#qchange-3').innerText()).resolves.toBe('将更新：标签 +四史学习');
    await expect(shown(page, '#qchange-4').innerText()).resolves.toBe('题库里已有，无变化');
    await expect(shown(page, '#qchange-5').innerText()).resolves.toBe('题库里已有，无变化');
    await expect(shown(page, '#qchange-6').innerText()).resolves.toBe('新增');
    await shot(page, 'exam-reimport-preview');
    // The preview writes nothing.
    expect(env.t.cloud.db.find('questions', { stem: ZUNYI })[0]).toMatchObject({ answer: [0], version: 1 });

    await shown(page, '#qimport-commit').click();
    await shown(page, '#qimport-done').waitFor();
    await expect(shown(page, '#qimport-done').innerText()).resolves.toContain('已导入 1 道题，更新 2 道');

    // The bank shows the corrected answer.
    const zunyi = String(env.t.cloud.db.find('questions', { stem: ZUNYI })[0]._id);
    await shown(page, '#qimport-to-bank').click();
    await shown(page, `#question-${zunyi}`).click();
    await eventually(async () => {
      await expect(shown(page, '#question-answer-1').getAttribute('aria-checked')).resolves.toBe('true');
      await expect(shown(page, '#question-answer-0').getAttribute('aria-checked')).resolves.toBe('false');
    });
    await shot(page, 'exam-reimport-question');

    // The published exam keeps the key it pinned.
    expect(env.t.cloud.db.find('examQuestions', { examId: saved.id })).toEqual(pinned);

    // 仅用于考试, set in the editor: the bank's list marks it, and 修改记录 shows who changed what.
    await expect(shown(page, '#question-exam-only-no').getAttribute('aria-checked')).resolves.toBe('true');
    await shown(page, '#question-exam-only-yes').click();
    await shown(page, '#question-save').click();
    await page.getByText('已保存为第 3 版').waitFor();
    await expect(shown(page, `#question-exam-only-${zunyi}`).innerText()).resolves.toBe('仅考试');
    expect(env.t.cloud.db.find('questions', { stem: ZUNYI })[0]).toMatchObject({ examOnly: true, version: 3 });
    await shot(page, 'exam-bank-exam-only');
    await shown(page, `#question-${zunyi}`).click();
    await shown(page, '#question-history').click();
    const entries = shown(page, '#qhistory-list');
    await expect(entries.innerText()).resolves.toMatch(/第 3 版[\s\S]*张伟 · 在题库中修改[\s\S]*仅用于考试 否 → 是[\s\S]*第 2 版[\s\S]*张伟 · 从文件“题库（更正）.csv”导入[\s\S]*答案 A → B/);
    await shot(page, 'exam-question-history');
    await context.close();
  });

  it('says on the row exactly what changes in an option and the explanation, and that a long tag was cut', async () => {
    const { context, page, upload } = await openImport();
    const head = '题型,题干,选项A,选项B,选项C,答案,解析,标签';
    const stem = '更正测试：红军长征从哪里出发？';
    const long = '关于新时代坚持和发展中国特色社会主义的若干重大问题专题学习研讨';
    await upload('长征.csv', [head, `单选,${stem},瑞金,于都,延安,B,1934年10月从于都出发。,党史`].join('\n'));
    await shown(page, '#qimport-commit').click();
    await shown(page, '#qimport-done').waitFor();
    await page.locator('#qimport-done taro-button-core', { hasText: '再导入一个文件' }).click();

    await upload('长征（更正）.csv', [head, `单选,${stem},瑞金,江西于都,延安,B,1934年10月中央红军从江西于都出发。,党史、${long}`].join('\n'));
    await expect(shown(page, '#qimport-counts').innerText()).resolves.toBe('新增 0，更新 1，无变化 0，有问题 0');
    const lines = (await shown(page, '#qchange-2').innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual([
      '将更新：选项 B：“于都” → “江西于都”',
      '解析：“1934年10月从于都出发。” → “1934年10月中央红军从江西于都出发。”',
      `标签 +${long.slice(0, 30)}`,
    ]);
    await expect(shown(page, '#qnote-2').innerText()).resolves.toBe(`标签“${long.slice(0, 12)}…”过长，已截为 30 字`);
    await shot(page, 'exam-reimport-exact-lines');
    await context.close();
  });
});
