import { parseCsv, toCsv } from '../../core/domain/csv';

describe('CSV as Excel and WPS save it', () => {
  it('drops a UTF-8 BOM and reads CRLF rows', () => {
    expect(parseCsv('\uFEFF姓名,支部\r\n王芳,一支部\r\n')).toEqual([
      ['姓名', '支部'],
      ['王芳', '一支部'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\ny"\n')).toEqual([['a', 'b,c', 'say "hi"', 'x\ny']]);
  });

  it('keeps empty cells and a last line without a newline', () => {
    expect(parseCsv('a,,c\n,,\nlast')).toEqual([['a', '', 'c'], ['', '', ''], ['last']]);
  });

  it('writes what it reads', () => {
    const rows = [['姓名', '备注'], ['王芳', '含,逗号'], ['李"强"', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
