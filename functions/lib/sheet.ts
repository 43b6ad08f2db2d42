// Reading an uploaded spreadsheet (roster, question bank) into rows of text cells. xlsx through exceljs; csv as UTF-8,
// or GB18030 when it is not valid UTF-8 (Excel on Chinese Windows saves CSV that way).

import type ExcelJS from 'exceljs';
import { parseCsv } from '../../core/domain/csv';
import { invalid } from './errors';
import { loadExcel } from './xlsx';

/** One spreadsheet row: its 1-based number as the organiser sees it, and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export function fileKind(fileName: string): 'xlsx' | 'csv' | 'xls' | 'other' {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'csv' || ext === 'xls' ? ext : 'other';
}

export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** One sheet of a workbook; a csv file is one sheet without a name. */
export interface NamedSheet {
  name: string | null;
  rows: SheetRow[];
}

/** The first visible sheet that has content (a roster, a question bank). */
export async function readSheet(bytes: Buffer, fileName: string): Promise<SheetRow[]> {
  return (await readSheets(bytes, fileName))[0]?.rows ?? [];
}

/**
 * Every visible sheet that has content, in the workbook's order: an import whose data sheet may
 * follow an instruction sheet (填写说明) looks through them for its header.
 */
export async function readSheets(bytes: Buffer, fileName: string): Promise<NamedSheet[]> {
  const kind = fileKind(fileName);
  if (kind === 'xls') throw invalid('不支持旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再导入');
  if (kind === 'other') throw invalid('只支持 .xlsx 或 .csv 文件');
  if (kind === 'csv') {
    if (bytes.includes(0)) throw invalid('文件不是文本格式的 CSV，请检查后重试');
    return [{ name: null, rows: parseCsv(decodeText(bytes)).map((cells, i) => ({ row: i + 1, cells })) }];
  }
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw invalid('文件不是有效的 Excel（.xlsx）文件');
  // Required on first use, from the function's node_modules: only imports need it.
  const workbook = new (loadExcel().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取这个 Excel 文件，请确认文件未损坏');
  }
  return workbook.worksheets.filter((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0).map((ws) => ({ name: ws.name, rows: rowsOf(ws) }));
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ row: r, cells });
  }
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  // A merged cell (a type or tag spanning many rows) is read from its master cell.
  const source = cell.isMerged ? cell.master : cell;
  return valueText(source.value, source.numFmt);
}

/** A cell's value as the text the organiser typed or sees, whatever exceljs made of it. */
export function valueText(v: ExcelJS.CellValue | undefined, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v, numFmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v, numFmt);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : valueText(v.text as ExcelJS.CellValue, numFmt);
  if ('formula' in v || 'sharedFormula' in v) return valueText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt);
  return '';
}

/** The format's own symbols: quoted text, escaped characters and [colour]/[locale] parts removed. */
function formatSymbols(numFmt: string | undefined): string {
  return (numFmt ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
}

/**
 * A number as typed: a cell typed 50% is stored as 0.5 with a percent format, and reads back 50%.
 * The value is scaled at 12 significant digits, so 0.07 gives 7%, not 7.000000000000001%.
 */
function numberText(n: number, numFmt: string | undefined): string {
  if (!formatSymbols(numFmt).includes('%')) return String(n);
  return `${Number((n * 100).toPrecision(12))}%`;
}

/**
 * A date Excel made of typed text (1945年8月15日, 1945/8/15, 1945-8-15), written back in the Chinese
 * form whatever the format's separators, never Date.toString(): 1945/8/15 would otherwise be read as
 * three alternatives of a fill answer, and the grader reads 1945年8月15日 as a date in any form.
 * A format without a day gives 1945年8月, one without a year 8月15日, a time alone 8:30.
 * exceljs reads date serials as UTC midnight, so the UTC fields are the calendar date.
 */
export function dateText(d: Date, numFmt: string | undefined): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const fmt = formatSymbols(numFmt);
  const hasYear = /y|年/.test(fmt);
  const hasDay = /d|日/.test(fmt);
  if (hasYear && !hasDay) return `${y}年${m}月`;
  if (!hasYear && hasDay) return `${m}月${day}日`;
  if (!hasYear && !hasDay && /h/.test(fmt)) return `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${y}年${m}月${day}日`;
}
