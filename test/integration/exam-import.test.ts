// Importing banks laid out as organisers lay them out (issue 15), against the local cloud: an
// exam-system export whose first sheet is 填写说明, a choice of sheet, dates Excel made, judge
// option columns, row problems that name their row and column, and what is not a spreadsheet.
import ExcelJS from 'exceljs';
import type { QuestionSheetReport } from '../../core/contracts/examImport';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const ORGANISER = 'demo-organiser';

const call = (payload: unknown) => t.call<QuestionSheetReport>(ORGANISER, 'exam', 'importQuestions', payload);
const ok = async (payload: unknown) => dataOf(await call(payload));

beforeAll(async () => {
  t = await startTestCloud();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** An exam-system export: instructions first, then 题型/题目/选项A…F/正确答案/解析, then a second bank. */
async function saasWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const help = wb.addWorksheet('填写说明');
  help.addRow(['1. 题型可填：单选题、多选题、判断题、填空题']);
  help.addRow(['2. 正确答案填选项字母']);
  const ws = wb.addWorksheet('题目');
  ws.addRow(['题型', '题目', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '正确答案', '解析']);
  ws.addRow(['单选题', '一、单选题 1. 导入测试：遵义会议召开于哪一年？', '1934', '1935', '1936', '1937', '', '', 'B', '']);
  ws.addRow(['填空题', '导入测试：日本宣布无条件投降的日期是（）。', '', '', '', '', '', '', new Date(Date.UTC(1945, 7, 15)), '']);
  ws.getCell('I3').numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow(['判断题', '导入测试：入党誓词由党章规定。', '错误', '正确', '', '', '', '', 'A', '']);
  ws.addRow(['填空题', '导入测试：中共一大在（）开幕，在（）闭幕。', '', '', '', '', '', '', '上海', '']);
  ws.addRow(['单选题', '导入测试：答案不在选项中', '甲', '乙', '', '', '', '', 'D', '']);
  ws.addRow(['单选题', '', '甲', '乙', '', '', '', '', 'A', '']);
  const other = wb.addWorksheet('第二套');
  other.addRow(['题干', '答案']);
  other.addRow(['导入测试：第二套的题（）。', '甲']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing real banks', () => {
  it('skips the instruction sheet, says which sheet it read and which others there are', async () => {
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'saas.xlsx', await saasWorkbook());
    const preview = await ok({ fileID, fileName: '题库.xlsx', commit: false });
    expect(preview).toMatchObject({ sheet: '题目', sheets: ['填写说明', '题目', '第二套'], total: 6, ready: 3, invalid: 3 });

    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ status: 'ready', stem: '导入测试：遵义会议召开于哪一年？' });
    expect(byRow.get(2)?.question).toMatchObject({ type: 'single', options: ['1934', '1935', '1936', '1937'], answer: [1] });
    expect(byRow.get(3)?.question).toMatchObject({ type: 'fill', blanks: [['1945年8月15日']] });
    expect(byRow.get(4)?.question).toMatchObject({ type: 'judge', options: ['正确', '错误'], answer: [1] });
    expect([5, 6, 7].map((n) => [byRow.get(n)?.status, byRow.get(n)?.column, byRow.get(n)?.reason])).toEqual([
      ['invalid', '正确答案', '题干有 2 处空，答案只有 1 个'],
      ['invalid', '正确答案', '答案 D 超出了选项范围（共 2 个选项）'],
      ['invalid', '题目', '题干为空'],
    ]);

    const committed = await ok({ fileID, fileName: '题库.xlsx', commit: true });
    expect(committed).toMatchObject({ created: 3, invalid: 3 });
    const [fill] = t.cloud.db.find('questions', { stem: '导入测试：日本宣布无条件投降的日期是（）。' }) as Array<{ blanks: string[][] }>;
    expect(fill.blanks).toEqual([['1945年8月15日']]);
  });

  it('reads the sheet the organiser chooses, and refuses one that is not there', async () => {
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'saas2.xlsx', await saasWorkbook());
    const chosen = await ok({ fileID, fileName: '题库.xlsx', commit: false, sheet: '第二套' });
    expect(chosen).toMatchObject({ sheet: '第二套', total: 1, ready: 1 });
    await expect(call({ fileID, fileName: '题库.xlsx', commit: false, sheet: '第三套' })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('「第三套」') });
  });

  it('names the sheet and the rows searched when no header is found', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题目');
    for (let i = 0; i < 12; i++) ws.addRow([`第 ${i + 1} 行`, '内容']);
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'noheader.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await call({ fileID, fileName: '题库.xlsx', commit: false });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '在「题目」表的前 10 行没有找到表头（需要「题干」和「答案」列）' });
  });

  it('refuses a file that is not a spreadsheet with a plain message', async () => {
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'fake.xlsx', Buffer.from('这不是表格'));
    await expect(call({ fileID, fileName: '题库.xlsx', commit: false })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '文件不是有效的 Excel（.xlsx）文件' });
  });
});
