// Writing xlsx files (templates and exports) with exceljs, loaded on first use: only these
// organiser actions need it, and it would be most of a function's bundle. It stays out of the
// bundle (scripts/build-functions.ts) and is required from the function's node_modules.

import type ExcelJS from 'exceljs';

/** A cell: text, a number, empty (null), or a number with its display format (a rate as 0.0%). */
export type CellValue = string | number | null | { value: number; numFmt: string };

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Header rows at the top, bold and kept in view (default 1). */
  headerRows?: number;
  /** Ranges merged into one cell, such as 'C1:H1' (a heading over several columns). */
  merges?: string[];
  /** Further rows in bold, 1-based (the headings of blocks further down). */
  boldRows?: number[];
}

export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const Excel = loadExcel();
  const workbook = new Excel.Workbook();
  for (const spec of sheets) {
    const headerRows = spec.headerRows ?? 1;
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: headerRows }] });
    // null leaves the cell empty (not an empty string), so a spreadsheet's blanks stay blank.
    spec.rows.forEach((cells, r) => {
      const row = ws.addRow(cells.map((c) => (c !== null && typeof c === 'object' ? c.value : c)));
      cells.forEach((c, i) => {
        if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = c.numFmt;
      });
      if (r < headerRows || spec.boldRows?.includes(r + 1)) row.font = { bold: true };
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
    spec.widths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let excel: typeof ExcelJS | undefined;

/** exceljs, required on its first use (by an import or an export) and kept for the instance's life. */
export function loadExcel(): typeof ExcelJS {
  return (excel ??= require('exceljs') as typeof ExcelJS);
}
