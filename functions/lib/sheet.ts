// Reading an uploaded spreadsheet (roster, question bank) into rows of text cells. xlsx through exceljs; csv as UTF-8,
// or GB18030 when it is not valid UTF-8 (Excel on Chinese Windows saves CSV that way).

import type ExcelJS from 'exceljs';
import { parseCsv } from '../../core/domain/csv';
import { invalid } from './errors';

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
  // Loaded on first use: only imports need it, and it is most of the bundle.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
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
    // A merged cell (a branch name spanning many rows, say) is read from its master cell.
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ row: r, cells });
  }
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged ? cell.master : cell;
  const v = source.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return source.text ?? '';
}
