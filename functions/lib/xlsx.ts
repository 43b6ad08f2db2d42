// Writing xlsx files (templates and exports) with exceljs, loaded on first use: it is most of a
// function's bundle and only these organiser actions need it.

export interface SheetSpec {
  name: string;
  rows: Array<Array<string | number | null>>;
  /** Column widths in characters. */
  widths?: number[];
}

export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // null leaves the cell empty (not an empty string), so a spreadsheet's blanks stay blank.
    for (const row of spec.rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    spec.widths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
