// The organiser's exam journey in headless Chromium against the H5 build, with the real `exam`
// function behind it: install the built-in bank, import questions from a CSV with good and bad
// rows, create and publish an exam for two branches, watch members take it (driven through the
// function as those members would), read the statistics and the 缺考 list, monitor a running
// attempt, and export the results as an xlsx whose cells are checked.
import ExcelJS from 'exceljs';
import type { AttemptResult, AttemptView } from '../../core/contracts/exam';
import { deadlineWords } from '../../core/domain/nudge';
import { correctAnswers as correctAnswersOf } from '../../scripts/lib/demo-exams';
import { shot, startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { answerModal, eventually, fill, openTab, shown } from '../helpers/ui';
import { dataOf } from '../helpers/cloud';

jest.setTimeout(240_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const TITLE = '浏览器测试：第一季度党史测试';

/** Good rows (2–4), bad rows (5–7) and a repeat of row 2 (8). */
const QUESTIONS_CSV = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度',
  '单选,浏览器测试：党的一大在哪里开幕？,北京,上海,广州,武汉,B,一大在上海开幕。,党史,易',
  '判断,浏览器测试：预备党员的预备期为一年。,,,,,√,党章规定预备期为一年。,党章党规,中',
  '填空,浏览器测试：遵义会议召开于____年。,,,,,1935,,党史,易',
  '单选,浏览器测试：答案字母超出选项的题,甲,乙,丙,丁,E,,,',
  '单选,,甲,乙,,,A,,,',
  '问答,浏览器测试：题型无法识别的题,,,,,随便写,,,',
  '单选,浏览器测试：党的一大在哪里开幕？,北京,上海,广州,武汉,B,一大在上海开幕。,党史,易',
].join('\n');

/** A member answers every question correctly, reading the key the way only a test can. */
function correctAnswers(attempt: AttemptView): Array<{ qid: string; choice?: number[]; text?: string[] }> {
  return correctAnswersOf(env.t.cloud.db, attempt.attemptId);
}

describe('organiser, exams', () => {
  it('installs the bank, imports questions, publishes an exam for two branches and follows it to the export', async () => {
    const { context, page } = await env.open();

    // ---- into 考试与题库 as the org admin ------------------------------------------------------
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await openTab(page, '我的');
    await page.locator('#go-admin').click();
    await shown(page, '#admin-exams').click();
    await shown(page, '#exam-new').waitFor();
    await shot(page, 'exam-admin-home');

    // ---- 题库: the bank is empty, install the built-in one --------------------------------------
    await shown(page, '#exam-bank').click();
    await shown(page, '#bank-install').click();
    await page.getByText(/已导入 \d+ 道题/).first().waitFor();
    const installed = env.t.cloud.db.count('questions', { status: 'active' });
    expect(installed).toBeGreaterThanOrEqual(200);
    await eventually(async () => {
      await expect(shown(page, '#bank-active').innerText()).resolves.toBe(String(installed));
      // The empty-bank notice is gone; the built-in bank stays on offer as a top-up (duplicates are skipped).
      await expect(page.getByText('题库还是空的').count()).resolves.toBe(0);
      await expect(shown(page, '#bank-install').innerText()).resolves.toContain('补充导入内置题库');
    });
    await shown(page, '#bank-list').waitFor();
    await shot(page, 'exam-bank');

    // ---- 导入题目: a CSV with good, bad and repeated rows ---------------------------------------
    await shown(page, '#bank-import').click();
    await page.locator('#qimport-file-input').waitFor({ state: 'attached' });
    await page.locator('#qimport-file-input').setInputFiles({ name: '题目.csv', mimeType: 'text/csv', buffer: Buffer.from(QUESTIONS_CSV) });
    await shown(page, '#qimport-picked').waitFor();
    await shown(page, '#qimport-preview').click();

    await shown(page, '#qimport-preview-result').waitFor();
    await expect(shown(page, '#qimport-totals').innerText()).resolves.toMatch(/^3\s+可导入\s+1\s+重复\s+3\s+有误\s+0\s+空行/);
    const rows = shown(page, '#qimport-rows');
    await expect(shown(page, '#qimport-row-5').innerText()).resolves.toMatch(/有误[\s\S]*答案 E 超出了选项范围/);
    await expect(shown(page, '#qimport-row-6').innerText()).resolves.toContain('题干为空');
    await expect(shown(page, '#qimport-row-7').innerText()).resolves.toContain('无法识别题型“问答”');
    await expect(shown(page, '#qimport-row-8').innerText()).resolves.toMatch(/重复[\s\S]*与第 2 行(相同|是同一题)，已合并/);
    await expect(shown(page, '#qimport-row-3').innerText()).resolves.toContain('可导入');
    // Each sound row shows the question as members will see it, the key marked; a fill row its boxes.
    await expect(shown(page, '#qpreview-2').innerText()).resolves.toMatch(/党的一大在哪里开幕？[\s\S]*A\. 北京[\s\S]*B\. 上海\s+✓ 答案/);
    await expect(shown(page, '#qpreview-3').innerText()).resolves.toMatch(/正确\s+✓ 答案[\s\S]*错误/);
    await expect(shown(page, '#qpreview-4').innerText()).resolves.toMatch(/第 1 空[\s\S]*答案：1935/);
    await expect(shown(page, '#qimport-row-5').innerText()).resolves.toContain('第 5 行「答案」列');
    await shown(page, '#qrows-problems').click();
    await expect(rows.locator('.qimport-table__row:not(.qimport-table__row--head)').count()).resolves.toBe(4);
    await shot(page, 'exam-import-preview');
    // The preview writes nothing.
    expect(env.t.cloud.db.count('questions', { stem: { $regex: '^浏览器测试' } })).toBe(0);

    await shown(page, '#qimport-commit').click();
    await shown(page, '#qimport-done').waitFor();
    await expect(shown(page, '#qimport-done').innerText()).resolves.toContain('已导入 3 道题');
    const imported = env.t.cloud.db.find('questions', { stem: { $regex: '^浏览器测试' } }, {});
    expect(imported.map((q) => q.type).sort()).toEqual(['fill', 'judge', 'single']);

    // ---- 新建考试: two branches, drawn by rules, published --------------------------------------
    await page.goBack();
    await page.goBack();
    await shown(page, '#exam-new').click();
    await fill(page, 'editor-title', TITLE);
    await shown(page, '#editor-unit-br-school').click();
    await shown(page, '#editor-unit-br-office').click();
    // Rules: 10 单选, 10 多选, 20 判断, and no 填空 → 10×2 + 10×3 + 20×1 = 70 points.
    await shown(page, '#editor-rule-3-remove').click();
    await fill(page, 'editor-rule-0-count', '10');
    await expect(shown(page, '#editor-rule-0').innerText()).resolves.toContain('题库中在用的单选题共');
    await expect(shown(page, '#editor-total').innerText()).resolves.toMatch(/共\s*40\s*题[\s\S]*总分\s*70\s*分/);
    await expect(shown(page, '#editor-pass input').inputValue()).resolves.toBe('42');
    await shot(page, 'exam-editor');
    await shown(page, '#editor-publish').click();
    await answerModal(page, /发布后试卷和设置不能再修改/, 'confirm');

    await shown(page, '#stats-head').waitFor();
    const exams = env.t.cloud.db.find('exams', { title: TITLE }, {});
    expect(exams).toHaveLength(1);
    const exam = exams[0] as unknown as { _id: string; status: string; unitIds: string[]; totalScore: number; passScore: number; questionCount: number; closesAt: number };
    expect(exam).toMatchObject({ status: 'published', totalScore: 70, passScore: 42, questionCount: 40 });
    expect([...exam.unitIds].sort()).toEqual(['br-office', 'br-school']);
    const examId = exam._id;

    // ---- members take it: 马俊 (实验中学) passes, 刘洋 (机关) hands in a blank paper, 朱敏 is answering
    const call = async <T>(openid: string, action: string, payload: unknown) => dataOf(await env.t.call<T>(openid, 'exam', action, payload));
    const ma = await call<AttemptView>('demo-m-12', 'startExam', { examId });
    const maResult = await call<AttemptResult>('demo-m-12', 'submitAttempt', { attemptId: ma.attemptId, answers: correctAnswers(ma) });
    expect(maResult).toMatchObject({ score: 70, passed: true });
    const liu = await call<AttemptView>('demo-m-02', 'startExam', { examId });
    await expect(call<AttemptResult>('demo-m-02', 'submitAttempt', { attemptId: liu.attemptId, answers: [] })).resolves.toMatchObject({ score: 0, passed: false });
    const zhu = await call<AttemptView>('demo-m-13', 'startExam', { examId });

    // ---- 考试情况: per-branch numbers and the 缺考 list -----------------------------------------
    await page.reload();
    await shown(page, '#stats-head').waitFor();
    const cell = (unit: string, metric: string) => shown(page, `#stats-cell-${unit}-${metric}`).innerText();
    await expect(cell('br-school', 'audience')).resolves.toBe('10');
    await expect(cell('br-school', 'submitted')).resolves.toBe('1');
    // 朱敏 is still answering: not counted as absent, and the roster's 缺考 list agrees (8).
    await expect(cell('br-school', 'inProgress')).resolves.toBe('1');
    await expect(cell('br-school', 'absent')).resolves.toBe('8');
    await expect(cell('br-school', 'passed')).resolves.toBe('1');
    await expect(cell('br-school', 'average')).resolves.toBe('70');
    await expect(cell('br-office', 'submitted')).resolves.toBe('1');
    await expect(cell('br-office', 'failed')).resolves.toBe('1');
    await expect(cell('all', 'audience')).resolves.toBe('20');
    await expect(cell('all', 'submitted')).resolves.toBe('2');
    await expect(shown(page, '#stats-dist').innerText()).resolves.toMatch(/90-100%\s*1 人/);
    await shot(page, 'exam-stats');

    await shown(page, '#stats-unit-br-school').click();
    await expect(shown(page, '#roster-demo-member-12').innerText()).resolves.toMatch(/马俊[\s\S]*及格[\s\S]*70 分/);
    await expect(shown(page, '#roster-demo-member-13').innerText()).resolves.toContain('答题中');
    // The exam is open: who has not started is 未参加 (not 缺考), with no 补时 button; 补时 is for
    // 朱敏's running attempt. 高远 never bound WeChat: marked 未绑定.
    await expect(shown(page, '#roster-demo-member-14').innerText()).resolves.toMatch(/胡雪[\s\S]*未参加/);
    await expect(shown(page, '#roster-demo-member-14').innerText()).resolves.not.toContain('缺考');
    await expect(page.locator('#roster-extra-demo-member-14').count()).resolves.toBe(0);
    await shown(page, '#roster-extra-demo-member-13').waitFor();
    await expect(shown(page, '#roster-demo-member-17').innerText()).resolves.toMatch(/高远[\s\S]*未绑定/);
    await expect(shown(page, '#stats-filter-absent').innerText()).resolves.toContain('未参加');
    await shown(page, '#stats-filter-absent').click();
    await eventually(async () => {
      const absentList = await shown(page, '#stats-roster').innerText();
      expect(absentList).toContain('胡雪');
      expect(absentList).not.toContain('马俊');
      expect(absentList).not.toContain('朱敏');
    });
    // The copy text is a nudge to the four bound who have not started: the close in words, how, the title once.
    const absentText = await shown(page, '#stats-absent-text').innerText();
    expect(absentText).toContain(`同志（共4人）：请在${deadlineWords(exam.closesAt, env.t.cloud.clock.now())}参加考试「${TITLE}」。`);
    expect(absentText).toContain('“党员学习”小程序');
    expect(absentText).not.toContain('高远');
    expect(absentText.split('「').length - 1).toBe(1);
    await shot(page, 'exam-stats-absent');

    await expect(shown(page, '#stats-copy-absent').innerText()).resolves.toBe('复制未参加名单');
    await shown(page, '#stats-copy-absent').click();
    await page.getByText('未参加名单已复制，可粘贴到群里').waitFor();
    const copied = await page.evaluate(() => localStorage.getItem('taro_clipboard'));
    expect((JSON.parse(copied ?? '{}') as { data?: string }).data).toBe(absentText);

    // Nobody holds an exam reminder: said honestly, with the other ways at hand.
    await shown(page, '#stats-remind').click();
    await expect(shown(page, '#stats-remind-summary').innerText()).resolves.toBe('已提醒 0 人；4 人未开启提醒（可复制文字或转发到群里）；4 人未绑定（请发送邀请）');
    await shown(page, '#stats-nudge-share').waitFor();
    await page.evaluate(() => localStorage.removeItem('taro_clipboard'));
    await shown(page, '#stats-nudge-copy').click();
    await eventually(async () => {
      const again = await page.evaluate(() => localStorage.getItem('taro_clipboard'));
      expect((JSON.parse(again ?? '{}') as { data?: string }).data).toBe(absentText);
    });

    // ---- 导出成绩: the xlsx downloads and holds the results ------------------------------------
    const [download] = await Promise.all([page.waitForEvent('download'), shown(page, '#stats-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^浏览器测试：第一季度党史测试-成绩-\d+\.xlsx$/);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('成绩');
    expect(sheet).toBeDefined();
    const values = (r: number) => (sheet?.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['支部', '姓名', '状态', '成绩', '总分', '用时（分钟）', '交卷时间', '答题次数', '切屏标记', '补时（分钟）']);
    const all = Array.from({ length: sheet?.rowCount ?? 0 }, (_, i) => values(i + 1));
    const maRow = all.find((r) => r[1] === '马俊');
    expect(maRow?.slice(0, 5)).toEqual(['实验中学党支部', '马俊', '及格', 70, 70]);
    expect(all.find((r) => r[1] === '刘洋')?.slice(0, 4)).toEqual(['机关第一党支部', '刘洋', '不及格', 0]);
    expect(all.find((r) => r[1] === '胡雪')?.slice(0, 3)).toEqual(['实验中学党支部', '胡雪', '未参加']);
    expect(all).toHaveLength(21);

    // ---- 监考: 朱敏 is answering; give her ten more minutes ------------------------------------
    await shown(page, '#stats-monitor').click();
    await expect(shown(page, '#monitor-counts').innerText()).resolves.toMatch(/^1\s+答题中\s+2\s+已交卷/);
    const row = shown(page, `#monitor-${zhu.attemptId}`);
    await expect(row.innerText()).resolves.toMatch(/朱敏[\s\S]*已答 0\/40/);
    await shown(page, `#monitor-extra-${zhu.attemptId}`).click();
    await shown(page, '#extra-dialog-preset-0').click();
    await shot(page, 'exam-monitor-extra');
    await shown(page, '#extra-dialog-confirm').click();
    await page.getByText('已为朱敏补时 10 分钟').waitFor();
    const after = env.t.cloud.db.get('examAttempts', zhu.attemptId) as unknown as { deadline: number };
    expect(after.deadline).toBe(zhu.deadline + 10 * 60_000);

    // ---- after the close: the same members are 缺考 ----------------------------------------------
    env.t.cloud.clock.set(exam.closesAt + 60_000);
    try {
      await page.goBack();
      await page.reload();
      await shown(page, '#stats-unit-br-school').click();
      await expect(shown(page, '#roster-demo-member-14').innerText()).resolves.toMatch(/胡雪[\s\S]*缺考/);
      await expect(shown(page, '#stats-filter-absent').innerText()).resolves.toContain('缺考');
      await expect(shown(page, '#stats-copy-absent').innerText()).resolves.toBe('复制缺考名单');
      // 8 did not take it: the 4 never bound to WeChat are named apart, as they could not have.
      await expect(shown(page, '#stats-absent-text').innerText()).resolves.toMatch(new RegExp(`^「${TITLE}」缺考（4人）：[^；]+；未绑定微信（4人）：`));
    } finally {
      env.t.cloud.clock.reset();
    }

    await context.close();
  });

  it('a member reports an error in a question; an org admin outside the exam’s audience corrects it while it is open and answers the report', async () => {
    const call = async <T>(openid: string, action: string, payload: unknown) => dataOf(await env.t.call<T>(openid, 'exam', action, payload));
    // GIVEN a question with a wrong key, on a published fixed paper whose answers show after submitting
    const question = await call<{ id: string; version: number }>('demo-admin', 'saveQuestion', {
      question: { type: 'single', stem: '浏览器测试二：中国共产党成立于哪一年？', options: ['1919年', '1920年', '1921年'], answer: [1], tags: ['党史'], difficulty: 1 },
    });
    const now = Date.now();
    const draft = await call<{ id: string }>('demo-admin', 'saveExam', {
      exam: {
        title: '浏览器测试二：纠错',
        unitIds: ['br-school'],
        opensAt: now - 60_000,
        closesAt: now + 24 * 3600_000,
        durationMinutes: 30,
        paper: { mode: 'fixed', questionIds: [question.id] },
        passScore: 1,
        releaseAnswers: 'after_submit',
      },
    });
    await call('demo-admin', 'publishExam', { examId: draft.id });
    const attempt = await call<AttemptView>('demo-m-15', 'startExam', { examId: draft.id });
    await call('demo-m-15', 'submitAttempt', { attemptId: attempt.attemptId, answers: [{ qid: question.id, choice: [attempt.questions[0].options.indexOf('1921年')] }] });
    const { reportId } = await call<{ reportId: string }>('demo-m-15', 'reportQuestion', { attemptId: attempt.attemptId, qid: question.id, note: '正确答案应为1921年' });

    // WHEN an org admin opens 纠错反馈 — not the branch organiser: the exam is still open to his
    // branch, and nobody reads the key of a question on a window they may still take
    // (docs/SECURITY.md, rule 2; test/integration/exam-keys.test.ts)
    const { context, page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await openTab(page, '我的');
    await page.locator('#go-admin').click();
    await shown(page, '#admin-exams').click();
    await shown(page, '#exam-reports').getByText('1 条待处理').waitFor();
    await shown(page, '#exam-reports').click();
    const report = shown(page, `#report-${reportId}`);
    await expect(report.innerText()).resolves.toMatch(/待处理[\s\S]*中国共产党成立于哪一年[\s\S]*正确答案应为1921年[\s\S]*郭峰 · 实验中学党支部/);
    await shot(page, 'exam-reports');

    // … corrects the answer in the question editor …
    await shown(page, `#report-edit-${reportId}`).click();
    await shown(page, '#question-form').waitFor();
    await expect(shown(page, '#question-answer-1').getAttribute('aria-checked')).resolves.toBe('true');
    await shown(page, '#question-answer-2').click();
    await fill(page, 'question-explanation', '1921年7月，中国共产党第一次全国代表大会召开，宣告党的成立。');
    await expect(shown(page, '#question-form').innerText()).resolves.toContain('修改后将生成新版本，已发布的考试不受影响');
    await shot(page, 'exam-question');
    await shown(page, '#question-save').click();
    await page.getByText('已保存为第 2 版').waitFor();
    await eventually(async () => {
      expect(env.t.cloud.db.get('questions', question.id)).toMatchObject({ version: 2, answer: [2], explanation: expect.stringContaining('1921年7月') });
    });

    // … is told that the exam, which pinned the old key, still grades with it, and regrades it with
    // the key just saved (proposed on the regrade page): 郭峰's 1921年 now scores, and passes
    await expect(shown(page, `#question-stale-${draft.id}`).innerText()).resolves.toMatch(/浏览器测试二：纠错[\s\S]*1 份答卷/);
    await shown(page, `#question-regrade-${draft.id}`).click();
    await expect(shown(page, '#regrade-current').innerText()).resolves.toContain('B. 1920年');
    await expect(shown(page, '#regrade-answer-2').getAttribute('aria-checked')).resolves.toBe('true');
    await shown(page, '#regrade-preview').click();
    await expect(shown(page, '#regrade-summary').innerText()).resolves.toContain('1 份答卷中，1 份分数变化；及格人数 0 → 1');
    await fill(page, 'regrade-reason', '成立年份录错了，应为1921年');
    await shown(page, '#regrade-confirm').click();
    await expect(shown(page, '#stats-cell-all-passed').innerText()).resolves.toBe('1');
    expect(env.t.cloud.db.get('examAttempts', attempt.attemptId)).toMatchObject({ score: 2, passed: true });

    // … and, back on the report, marks it fixed with a reply
    await page.goto(`${env.t.cloud.url}/#/subpackages/exam-admin/reports`);
    await shown(page, `#report-reply-${reportId}`).waitFor();
    await fill(page, `report-reply-${reportId}`, '已更正答案，谢谢指出');
    await shown(page, `#report-fixed-${reportId}`).click();
    await page.getByText('已标为已修改').waitFor();

    // THEN the report is closed with the reply, and the question has no open report left
    expect(env.t.cloud.db.get('questionReports', reportId)).toMatchObject({ status: 'fixed', reply: '已更正答案，谢谢指出' });
    expect(env.t.cloud.db.get('questions', question.id)).toMatchObject({ openReports: 0 });
    await shown(page, '#reports-closed').click();
    await expect(shown(page, `#report-${reportId}`).innerText()).resolves.toMatch(/已修改[\s\S]*回复：已更正答案，谢谢指出/);
    await context.close();
  });

  it('imports a workbook that opens with 填写说明: the preview names the sheet it read, shows stems without their labels, and reads another sheet when asked', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['题型可填：单选题、多选题、判断题、填空题']);
    const bank = wb.addWorksheet('题目');
    bank.addRow(['题型', '题目', '选项A', '选项B', '正确答案']);
    bank.addRow(['', '【判断题】浏览器测试三：入党誓词由党章规定。', '错误', '正确', 'B']);
    const second = wb.addWorksheet('第二套');
    second.addRow(['题干', '答案']);
    second.addRow(['浏览器测试三：党的二十大报告共有（）个部分。', '二十二|22']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const { context, page } = await env.open();
    await page.locator('#login-admin').click();
    await page.getByText('张伟').first().waitFor();
    await openTab(page, '我的');
    await page.locator('#go-admin').click();
    await shown(page, '#admin-exams').click();
    await shown(page, '#exam-bank').click();
    await shown(page, '#bank-import').click();
    await page.locator('#qimport-file-input').waitFor({ state: 'attached' });
    await page.locator('#qimport-file-input').setInputFiles({ name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await shown(page, '#qimport-picked').waitFor();
    await shown(page, '#qimport-preview').click();

    // The instruction sheet is skipped; the judge row follows its 错误/正确 columns; the label is gone.
    await expect(shown(page, '#qimport-sheet').innerText()).resolves.toMatch(/读取的是「题目」表[\s\S]*改读「填写说明」[\s\S]*改读「第二套」/);
    const judge = await shown(page, '#qpreview-2').innerText();
    expect(judge).toMatch(/^浏览器测试三：入党誓词由党章规定。[\s\S]*正确\s+✓ 答案/);
    await shot(page, 'exam-import-sheets');

    // Another sheet on request: one fill blank with two accepted answers.
    await shown(page, '#qimport-sheet').getByText('改读「第二套」').click();
    await shown(page, '#qimport-sheet').getByText('读取的是「第二套」表').waitFor();
    await expect(shown(page, '#qpreview-2').innerText()).resolves.toMatch(/第 1 空[\s\S]*答案：二十二 或 22/);
    await context.close();
  });
});
