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
  ws.addRow(['单选题', '导入测试：选项重复的题', '遵义会议', '古田会议', '遵义会议', '洛川会议', '', '', 'A', '']);
  ws.addRow(['判断题', '【判断题】', '', '', '', '', '', '', '对', '']);
  ws.addRow(['填空题', '导入测试：中华人民共和国成立于（）。', '', '', '', '', '', '', new Date(Date.UTC(1949, 9, 1)), '']);
  ws.getCell('I10').numFmt = 'yyyy/m/d';
  const other = wb.addWorksheet('第二套');
  other.addRow(['题干', '答案']);
  other.addRow(['导入测试：第二套的题（）。', '甲']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing real banks', () => {
  it('skips the instruction sheet, says which sheet it read and which others there are', async () => {
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'saas.xlsx', await saasWorkbook());
    const preview = await ok({ fileID, fileName: '题库.xlsx', commit: false });
    expect(preview).toMatchObject({ sheet: '题目', sheets: ['填写说明', '题目', '第二套'], total: 9, ready: 4, invalid: 5 });

    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ status: 'ready', stem: '导入测试：遵义会议召开于哪一年？' });
    expect(byRow.get(2)?.question).toMatchObject({ type: 'single', options: ['1934', '1935', '1936', '1937'], answer: [1] });
    expect(byRow.get(3)?.question).toMatchObject({ type: 'fill', blanks: [['1945年8月15日']] });
    expect(byRow.get(4)?.question).toMatchObject({ type: 'judge', options: ['正确', '错误'], answer: [1] });
    expect([5, 6, 7, 8, 9].map((n) => [byRow.get(n)?.status, byRow.get(n)?.column, byRow.get(n)?.reason])).toEqual([
      ['invalid', '正确答案', '题干有 2 处空，答案只有 1 个'],
      ['invalid', '正确答案', '答案 D 超出了选项范围（共 2 个选项）'],
      ['invalid', '题目', '题干为空'],
      // The second copy's own column, as the file heads it, and the option it repeats.
      ['invalid', '选项C', '选项 C 与选项 A 相同'],
      ['invalid', '题目', '题干为空（只有“【判断题】”）'],
    ]);
    // A date cell formatted yyyy/m/d: one answer, the date as typed, not 1949 / 10 / 1.
    expect(byRow.get(10)?.question).toMatchObject({ type: 'fill', blanks: [['1949年10月1日']] });

    const committed = await ok({ fileID, fileName: '题库.xlsx', commit: true });
    expect(committed).toMatchObject({ created: 4, invalid: 5 });
    const [fill] = t.cloud.db.find('questions', { stem: '导入测试：日本宣布无条件投降的日期是（）。' }) as Array<{ blanks: string[][] }>;
    expect(fill.blanks).toEqual([['1945年8月15日']]);
    // Nothing written for the rows refused, the rest imported.
    expect(t.cloud.db.find('questions', { stem: '导入测试：选项重复的题' })).toEqual([]);
    expect(t.cloud.db.find('questions', { stem: '【判断题】' })).toEqual([]);
    expect(t.cloud.db.find('questions', { stem: '导入测试：中华人民共和国成立于（）。' })).toHaveLength(1);
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

  describe('files that are not a spreadsheet it reads: a plain message, nothing written', () => {
    async function validXlsx(): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('题目');
      ws.addRow(['题干', '答案']);
      for (let i = 0; i < 50; i++) ws.addRow([`导入测试：不应写入的第 ${i + 1} 题（）。`, '甲']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    }
    const questionCount = () => t.cloud.db.find('questions', {}).length;

    it.each([
      // An old Excel workbook: the OLE header, not a zip.
      ['an old .xls workbook', '题库.xls', async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 1)]), '不支持旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入'],
      // The upload ticket takes .xlsx, .xls and .csv only; a file named otherwise that still reaches the import.
      ['a file with another extension', '题库.numbers', validXlsx, '只支持 .xlsx 或 .csv 文件'],
      // A workbook renamed .csv: binary, with NUL bytes.
      ['a binary file named .csv', '题库.csv', validXlsx, '文件不是文本格式的 CSV，请检查后重试'],
      // A zip cut short (a download that stopped half way).
      ['a corrupt .xlsx', '题库.xlsx', async () => (await validXlsx()).subarray(0, 600), '无法读取这个 Excel 文件，请确认文件未损坏'],
    ])('%s', async (_what, fileName, bytes, message) => {
      const upload = fileName.endsWith('.numbers') ? '题库.xlsx' : fileName;
      const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', upload, await bytes());
      const before = questionCount();
      for (const commit of [false, true]) {
        await expect(call({ fileID, fileName, commit })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message });
      }
      expect(questionCount()).toBe(before);
    });

    it('the upload itself refuses a file named other than .xlsx, .xls or .csv', async () => {
      const ticket = await t.call<{ cloudPath: string }>(ORGANISER, 'exam', 'uploadTicket', { purpose: 'sheet', name: '题库.txt' });
      expect(ticket).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '请选择 .xlsx 或 .csv 格式的文件' });
    });
  });

  it('refuses a file that is not a spreadsheet with a plain message', async () => {
    const fileID = await t.uploadAs(ORGANISER, 'exam', 'sheet', 'fake.xlsx', Buffer.from('这不是表格'));
    await expect(call({ fileID, fileName: '题库.xlsx', commit: false })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '文件不是有效的 Excel（.xlsx）文件' });
  });
});
