// Reading cells as the organiser typed them (issue 15): dates Excel made of typed text, numbers,
// rich text, formula results and links; merged cells; every sheet; CSV in UTF-8 or GB18030.
import ExcelJS from 'exceljs';
import { DEFAULT_POINTS, gradeQuestion } from '../../core/domain/exam';
import { findQuestionHeader, parseQuestionRow } from '../../core/domain/exam/questions';
import { readSheets } from '../../functions/lib/sheet';

/** GB18030 bytes of a text, without an encoder dependency: built from the platform's decoder. */
function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 form for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading question sheets', () => {
  it('renders a date Excel made of typed text as the text typed, never as Date.toString()', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('题目');
      ws.addRow(['题干', '答案']);
      ws.addRow(['日本宣布无条件投降的日期是（）。', new Date(Date.UTC(1945, 7, 15))]);
      ws.getCell('B2').numFmt = 'yyyy"年"m"月"d"日"';
      ws.addRow(['中华人民共和国成立于（）。', new Date(Date.UTC(1949, 9, 1))]);
      ws.addRow(['中共一大召开于（）。', new Date(Date.UTC(1921, 6, 23))]);
      ws.getCell('B4').numFmt = 'yyyy-mm-dd';
    });
    const [sheet] = await readSheets(bytes, 'bank.xlsx');
    // Whatever the separators of the date format, the Chinese form: the grader reads it as a date.
    expect(sheet.rows.map((r) => r.cells[1])).toEqual(['答案', '1945年8月15日', '1949年10月1日', '1921年7月23日']);
  });

  it('reads a date cell formatted yyyy/m/d as 1945年8月15日, so the grader takes the date and never 8 alone', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('题目');
      ws.addRow(['题型', '题干', '答案']);
      ws.addRow(['填空', '日本宣布无条件投降的日期是（）。', new Date(Date.UTC(1945, 7, 15))]);
      ws.getCell('C2').numFmt = 'yyyy/m/d';
      ws.addRow(['填空', '中共一大召开于（）。', new Date(Date.UTC(1921, 6, 23))]);
      ws.getCell('C3').numFmt = 'm/d/yyyy';
      ws.addRow(['填空', '某日是（）。', new Date(Date.UTC(1949, 9, 1))]);
      ws.getCell('C4').numFmt = 'yyyy.mm.dd';
    });
    const [sheet] = await readSheets(bytes, 'bank.xlsx');
    expect(sheet.rows.slice(1).map((r) => r.cells[2])).toEqual(['1945年8月15日', '1921年7月23日', '1949年10月1日']);

    const header = findQuestionHeader(sheet.rows.map((r) => r.cells));
    if (!header) throw new Error('header not found');
    const parsed = parseQuestionRow(sheet.rows[1].cells, header.columns);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.question.blanks).toEqual([['1945年8月15日']]);
    const earned = (typed: string) => gradeQuestion(parsed.question, { qid: 'q', order: [] }, { text: [typed] }, { points: DEFAULT_POINTS, multiplePartial: false }).earned;
    expect(earned('8')).toBe(0);
    expect(earned('1945/8/15')).toBe(2);
    expect(earned('1945年8月15日')).toBe(2);
  });

  it('reads a percent cell as typed: 50% stays 50%, not 0.5', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('题目');
      ws.addRow(['题干', '答案']);
      ws.addRow(['占比为（）。', 0.5]);
      ws.getCell('B2').numFmt = '0%';
      ws.addRow(['占比为（）。', 0.125]);
      ws.getCell('B3').numFmt = '0.0%';
      ws.addRow(['占比为（）。', 0.07]);
      ws.getCell('B4').numFmt = '0%';
      ws.addRow(['人数为（）。', 0.5]);
    });
    const [sheet] = await readSheets(bytes, 'bank.xlsx');
    expect(sheet.rows.slice(1).map((r) => r.cells[1])).toEqual(['50%', '12.5%', '7%', '0.5']);
  });

  it('reads numbers, rich text, formula results and links as their text', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('题目');
      ws.addRow(['题干', '答案', '解析', '标签']);
      ws.addRow([
        '党的二十大报告共有（）个部分。',
        22,
        { richText: [{ text: '见' }, { text: '报告', font: { bold: true } }] },
        { text: '党史', hyperlink: 'https://example.org/' },
      ]);
      ws.addRow(['一加一等于（）。', { formula: '1+1', result: 2 }, { formula: '"解"&"析"', result: '解析' }, '']);
    });
    const [sheet] = await readSheets(bytes, 'bank.xlsx');
    expect(sheet.rows[1].cells).toEqual(['党的二十大报告共有（）个部分。', '22', '见报告', '党史']);
    expect(sheet.rows[2].cells.slice(0, 3)).toEqual(['一加一等于（）。', '2', '解析']);
  });

  it('applies a merged 题型 or 标签 cell to every row it spans', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('题目');
      ws.addRow(['题型', '题干', '答案', '标签']);
      ws.addRow(['判断', '说法一。', '对', '党章党规']);
      ws.addRow(['', '说法二。', '错', '']);
      ws.addRow(['', '说法三。', '对', '']);
      ws.mergeCells('A2:A4');
      ws.mergeCells('D2:D4');
    });
    const [sheet] = await readSheets(bytes, 'bank.xlsx');
    expect(sheet.rows.slice(1).map((r) => [r.cells[0], r.cells[3]])).toEqual([
      ['判断', '党章党规'],
      ['判断', '党章党规'],
      ['判断', '党章党规'],
    ]);
  });

  it('reads every sheet with its name, an instruction sheet first', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('填写说明').addRow(['请按模板填写，每行一道题。']);
      wb.addWorksheet('题目').addRow(['题干', '答案']);
    });
    expect((await readSheets(bytes, 'bank.xlsx')).map((s) => s.name)).toEqual(['填写说明', '题目']);
  });

  it.each([
    ['GB18030', (s: string) => gb18030(s)],
    ['UTF-8 with a BOM', (s: string) => Buffer.from(`\uFEFF${s}`, 'utf8')],
    ['UTF-8 without a BOM', (s: string) => Buffer.from(s, 'utf8')],
  ])('reads a CSV saved as %s', async (_name, encode) => {
    const text = '题型,题干,答案,标签\r\n填空,党的二十大报告共有（）个部分。,二十二|22,"党史，二十大"\r\n';
    const [sheet] = await readSheets(encode(text), '题库.csv');
    expect(sheet.rows[1].cells).toEqual(['填空', '党的二十大报告共有（）个部分。', '二十二|22', '党史，二十大']);
  });
});
