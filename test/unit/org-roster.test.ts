import { checkRoster, maskPhone, ROLE_NOTES, rosterKey, type RosterContext, type RosterRowInput } from '../../core/domain/org/roster';
import { cleanCell, normaliseName } from '../../core/domain/text';

const units = [
  { id: 'b1', name: '机关第一党支部' },
  { id: 'b2', name: '实验中学党支部' },
];
const admin: RosterContext = { units, defaultUnitId: null };
const sheet = (...rows: string[][]): RosterRowInput[] => rows.map((cells, i) => ({ row: i + 1, cells }));
const header = ['姓名', '所在支部', '手机号', '党员类别', '角色'];

describe('roster import rules', () => {
  it('accepts a well-formed row and reads the category and role words', () => {
    const r = checkRoster(sheet(header, ['王芳', '机关第一党支部', '13800001234', '预备党员', '支部管理员']), admin);
    expect(r.header.ok).toBe(true);
    // 支部管理员 is read, not followed: the entry is a plain member and the row says why.
    expect(r.rows).toEqual([
      {
        row: 2,
        ok: true,
        value: {
          row: 2,
          name: '王芳',
          unitId: 'b1',
          unitName: '机关第一党支部',
          phone: '13800001234',
          category: 'probationary',
          role: 'member',
          note: '已按党员导入：管理员须在其绑定微信后，由上级在名单中任命',
        },
      },
    ]);
  });

  it('rejects each bad row with the reason, keeping the good ones', () => {
    const r = checkRoster(
      sheet(
        header,
        ['', '机关第一党支部', '', '', ''],
        ['李强2', '机关第一党支部', '', '', ''],
        ['赵敏', '不存在的支部', '', '', ''],
        ['钱进', '机关第一党支部', '12345', '', ''],
        ['孙丽', '机关第一党支部', '', '积极分子', ''],
        ['周明', '机关第一党支部', '', '', '书记员'],
        ['吴婷', '机关第一党支部', '', '', '单位管理员'],
        ['郑好', '实验中学党支部', '', '', ''],
      ),
      admin,
    );
    const reasons = r.rows.map((x) => (x.ok ? 'ok' : x.reason));
    expect(reasons).toEqual([
      '姓名为空',
      '姓名只能包含汉字、字母或间隔号',
      '支部“不存在的支部”不存在或不在您的管理范围内',
      '手机号应为11位数字',
      '党员类别应为“正式党员”或“预备党员”',
      '角色应为“党员”或“支部管理员”',
      // 单位管理员 is no longer refused: imported as a plain member, with a note (next test).
      'ok',
      'ok',
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('imports every row as a plain member: an organiser or admin role word leaves a note instead', () => {
    const r = checkRoster(
      sheet(
        header,
        ['王芳', '机关第一党支部', '', '', '支部管理员'],
        ['李强', '机关第一党支部', '', '', '支部书记'],
        ['吴婷', '机关第一党支部', '', '', '单位管理员'],
        ['郑好', '机关第一党支部', '', '', '党员'],
        ['钱进', '机关第一党支部', '', '', ''],
      ),
      admin,
    );
    const values = r.rows.map((x) => (x.ok ? [x.value.name, x.value.role, x.value.note] : x.reason));
    expect(values).toEqual([
      ['王芳', 'member', ROLE_NOTES.unit_organiser],
      ['李强', 'member', ROLE_NOTES.unit_organiser],
      ['吴婷', 'member', '已按党员导入：单位管理员不能通过导入名单设置'],
      ['郑好', 'member', null],
      ['钱进', 'member', null],
    ]);
    expect(ROLE_NOTES.unit_organiser).toMatch(/^已按党员导入：/);
  });

  it('reports a person listed twice in one file, naming the first row', () => {
    const r = checkRoster(sheet(header, ['王芳', '机关第一党支部', '', '', ''], ['王 芳', '机关第一党支部', '', '', '']), admin);
    expect(r.rows[1]).toMatchObject({ ok: false, row: 3, reason: '与第2行重复' });
  });

  it('skips blank rows, tolerates full-width text and header aliases, and uses the default branch', () => {
    const r = checkRoster(
      sheet([], ['名字', '手机'], ['', ''], ['\uFEFF陈　静', '１３８ ０００ ０１２３４'.replace(/ /g, '')]),
      { ...admin, defaultUnitId: 'b2' },
    );
    expect(r.blankRows).toBe(2);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ ok: true, value: { name: '陈静', unitId: 'b2', phone: '13800001234' } });
  });

  it('refuses a sheet without a name column or without any way to know the branch', () => {
    expect(checkRoster(sheet(['编号', '部门'], ['1', 'x']), admin).header).toEqual({
      ok: false,
      reason: '第一行应为表头，且包含“姓名”列（可下载模板对照）',
    });
    expect(checkRoster(sheet(['姓名'], ['王芳']), admin).header.ok).toBe(false);
    expect(checkRoster([], admin).header).toEqual({ ok: false, reason: '文件中没有内容' });
  });

  it('identifies a person by branch, name and phone, and masks phones for display', () => {
    expect(rosterKey('b1', ' 王 芳 ', null)).toBe(rosterKey('b1', '王芳', null));
    expect(rosterKey('b1', '王芳', '13800001234')).not.toBe(rosterKey('b1', '王芳', null));
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(maskPhone(null)).toBeNull();
  });

  it('normalises cells the way spreadsheets mangle them', () => {
    expect(cleanCell('  Ａ１  ｂ\u200B ')).toBe('A1 b');
    expect(cleanCell(13800001234)).toBe('13800001234');
    expect(cleanCell(null)).toBe('');
    expect(normaliseName('阿依古丽•买买提')).toBe('阿依古丽·买买提');
  });
});
