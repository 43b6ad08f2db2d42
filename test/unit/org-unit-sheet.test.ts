import {
  checkUnitSheet,
  levelOfHeader,
  type KnownUnit,
  type UnitRowCheck,
  type UnitSheet,
  type UnitSheetContext,
} from '../../core/domain/org/unitSheet';
import { defaultUnitKind, MAX_DEPTH, unitKindFromWord } from '../../core/domain/org/units';

const root: KnownUnit = { id: 'org', name: '示例省委', parentId: null, depth: 1, active: true };
const committee: KnownUnit = { id: 'c1', name: '机关党委', parentId: 'org', depth: 2, active: true };
const office: KnownUnit = { id: 'b1', name: '第一党支部', parentId: 'c1', depth: 3, active: true };
const school: KnownUnit = { id: 'c2', name: '教育党委', parentId: 'org', depth: 2, active: true };
const schoolFirst: KnownUnit = { id: 'b2', name: '第一党支部', parentId: 'c2', depth: 3, active: true };
const closed: KnownUnit = { id: 'x1', name: '已撤销支部', parentId: 'org', depth: 2, active: false };
const units = [root, committee, office, school, schoolFirst, closed];
const atRoot: UnitSheetContext = { target: root, rootName: root.name, units };

/** A sheet from rows of cells, numbered from 1 as in Excel. */
const sheet = (rows: string[][], name: string | null = '组织'): UnitSheet => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const check = (rows: string[][], ctx = atRoot) => checkUnitSheet([sheet(rows)], ctx);
/** The report as the organiser would read it: row, unit, parent, status, reason. */
const brief = (rows: UnitRowCheck[]) =>
  rows.map((r) => [r.row, r.name, r.parentName, r.status, r.status === 'invalid' ? r.reason : r.status === 'exists' ? r.unitId : r.depth]);

describe('unit sheet: finding the header', () => {
  it('skips an instruction sheet and a title row, and says which sheet it read', () => {
    const r = checkUnitSheet(
      [
        sheet([['填写说明'], ['1. 每行一个组织'], ['2. 上级组织可以写在后面的行']], '填写说明'),
        sheet([['XX省委组织架构导入表'], [], ['组织名称*', '上级组织（必填）'], ['新党委', '']], '组织架构'),
      ],
      atRoot,
    );
    expect(r.header).toEqual({ ok: true, sheet: '组织架构', layout: 'parent' });
    expect(brief(r.rows)).toEqual([[4, '新党委', '示例省委', 'ready', 2]]);
  });

  it('refuses a workbook without a recognisable header, naming the sheets it looked at', () => {
    const r = checkUnitSheet([sheet([['说明']], '填写说明'), sheet([['编号', '备注'], ['1', '2']], 'Sheet2')], atRoot);
    expect(r.header).toEqual({
      ok: false,
      reason: '没有找到表头：工作表“填写说明”“Sheet2”的前10行中没有“组织名称”“上级组织”列，也没有“一级”“二级”……这样逐级填写的列',
    });
    expect(checkUnitSheet([sheet([], null)], atRoot).header).toEqual({ ok: false, reason: '文件中没有内容' });
  });

  it('looks for the header only in the first 10 non-blank rows', () => {
    const rows = [...Array.from({ length: 10 }, (_, i) => [`标题${i}`]), ['组织名称', '上级组织'], ['新党委', '']];
    expect(check(rows).header.ok).toBe(false);
    expect(check(rows.slice(1)).header.ok).toBe(true);
  });

  it('reads level headers written in several ways', () => {
    expect(['一级', '二级组织', '第3级', '第四级单位', '十级', '十一级', '第12级'].map(levelOfHeader)).toEqual([1, 2, 3, 4, 10, 11, 12]);
    expect(['级别', '组织级别', '一二级', '名称'].map(levelOfHeader)).toEqual([null, null, null, null]);
  });
});

describe('unit sheet: a parent column', () => {
  const header = ['组织名称', '上级组织', '类型', '排序'];

  it('places rows under the target, an existing unit, or a row before or after them; parents are written first', () => {
    const r = check([
      header,
      ['一支部', '新党委', '', '2'],
      ['新党委', '', '党委', ''],
      ['二支部', '新党委', '党支部', '1'],
      ['机关第二党支部', '机关党委', '', ''],
    ]);
    expect(brief(r.rows)).toEqual([
      [2, '一支部', '新党委', 'ready', 3],
      [3, '新党委', '示例省委', 'ready', 2],
      [4, '二支部', '新党委', 'ready', 3],
      [5, '机关第二党支部', '机关党委', 'ready', 3],
    ]);
    const [first, parent, , last] = r.rows;
    expect(first).toMatchObject({ status: 'ready', parent: { kind: 'row', index: 1 }, kind: 'branch', order: 2 });
    expect(parent).toMatchObject({ status: 'ready', parent: { kind: 'unit', id: 'org' }, kind: 'committee', order: null });
    expect(last).toMatchObject({ status: 'ready', parent: { kind: 'unit', id: 'c1' } });
  });

  it('reports a unit already present under its parent as exists, so importing the same file twice writes nothing', () => {
    const r = check([header, ['机关党委', ''], ['第一党支部', '机关党委'], ['第二党支部', '机关党委']]);
    expect(brief(r.rows)).toEqual([
      [2, '机关党委', '示例省委', 'exists', 'c1'],
      [3, '第一党支部', '机关党委', 'exists', 'b1'],
      [4, '第二党支部', '机关党委', 'ready', 3],
    ]);
    // The parent of row 4 is the existing unit the file's row 2 turned out to be.
    expect(r.rows[2]).toMatchObject({ parent: { kind: 'unit', id: 'c1' } });
  });

  it('refuses a parent found nowhere, a closed parent, and an ambiguous one with a pointer to the per-level form', () => {
    const r = check([header, ['甲支部', '不存在的党委'], ['乙支部', '已撤销支部'], ['丙小组', '第一党支部']]);
    expect(brief(r.rows)).toEqual([
      [2, '甲支部', '不存在的党委', 'invalid', '第2行“甲支部”：找不到上级组织“不存在的党委”：本文件中没有，您管理的组织中也没有'],
      [3, '乙支部', '已撤销支部', 'invalid', '第3行“乙支部”：上级组织“已撤销支部”已撤销'],
      [4, '丙小组', '第一党支部', 'invalid', '第4行“丙小组”：上级组织“第一党支部”有不止一个同名组织，无法确定是哪一个，请改用“一级”“二级”……逐级填写的格式'],
    ]);
  });

  it('refuses a parent named by two rows of the file, or by a new row and an existing unit', () => {
    const r = check([header, ['综合党支部', ''], ['综合党支部', '教育党委'], ['党小组甲', '综合党支部'], ['机关党委', '教育党委'], ['党小组乙', '机关党委']]);
    expect(r.rows.map((x) => x.status)).toEqual(['ready', 'ready', 'invalid', 'ready', 'invalid']);
    expect(r.rows[2]).toMatchObject({ reason: expect.stringContaining('上级组织“综合党支部”有不止一个同名组织') });
    // The file's new 机关党委 (under 教育党委) and the existing one under the root.
    expect(r.rows[4]).toMatchObject({ reason: expect.stringContaining('上级组织“机关党委”有不止一个同名组织') });
  });

  it('refuses every row of a cycle, and the rows below it, naming the parent that failed', () => {
    const r = check([header, ['甲', '乙'], ['乙', '丙'], ['丙', '甲'], ['丁', '丙'], ['戊', '戊'], ['己', '']]);
    expect(brief(r.rows)).toEqual([
      [2, '甲', '乙', 'invalid', '第2行“甲”：上级关系绕成了一个圈（甲 → 乙 → 丙 → 甲），请检查“上级组织”列'],
      [3, '乙', '丙', 'invalid', '第3行“乙”：上级关系绕成了一个圈（甲 → 乙 → 丙 → 甲），请检查“上级组织”列'],
      [4, '丙', '甲', 'invalid', '第4行“丙”：上级关系绕成了一个圈（甲 → 乙 → 丙 → 甲），请检查“上级组织”列'],
      [5, '丁', '丙', 'invalid', '第5行“丁”：上级组织“丙”（第4行）未能导入'],
      [6, '戊', '戊', 'invalid', '第6行“戊”：上级组织不能是它自己'],
      [7, '己', '示例省委', 'ready', 2],
    ]);
  });

  it('refuses a second row of the same name under the same parent, also when the parent is written two ways', () => {
    const r = check([header, ['新党委', ''], ['新 党委', ''], ['新党委', '示例省委'], ['一支部', '新党委'], ['一支部', '机关党委']]);
    expect(brief(r.rows)).toEqual([
      [2, '新党委', '示例省委', 'ready', 2],
      [3, '新 党委', '示例省委', 'invalid', '第3行“新 党委”：与第2行重复'],
      [4, '新党委', '示例省委', 'invalid', '第4行“新党委”：与第2行重复'],
      // Rows 2 and 4 are one unit: row 5's parent is not ambiguous.
      [5, '一支部', '新党委', 'ready', 3],
      [6, '一支部', '机关党委', 'ready', 3],
    ]);
  });

  it('refuses an empty or overlong name, an unknown kind and a bad order; children of a refused row are refused too', () => {
    const long = '很'.repeat(41);
    const r = check([header, ['', '机关党委'], [long, ''], ['坏类型', '', '党委会'], ['坏排序', '', '', '第一'], ['子支部', '坏类型']]);
    expect(brief(r.rows)).toEqual([
      [2, '', '机关党委', 'invalid', '第2行：组织名称为空'],
      [3, long, '示例省委', 'invalid', `第3行“${long}”：组织名称超过40个字`],
      [4, '坏类型', '示例省委', 'invalid', '第4行“坏类型”：类型“党委会”无法识别，请填写党委、党总支、党支部、工作部门、党小组或其他'],
      [5, '坏排序', '示例省委', 'invalid', '第5行“坏排序”：排序应为0到9999之间的整数'],
      [6, '子支部', '坏类型', 'invalid', '第6行“子支部”：上级组织“坏类型”（第4行）未能导入'],
    ]);
  });

  it('refuses a row that would lie deeper than the tree allows, and everything below it', () => {
    const rows = [header, ...Array.from({ length: MAX_DEPTH }, (_, i) => [`第${i + 1}层`, i === 0 ? '' : `第${i}层`])];
    const r = check(rows);
    expect(r.rows.slice(0, MAX_DEPTH - 1).every((x) => x.status === 'ready')).toBe(true);
    expect(r.rows[MAX_DEPTH - 2]).toMatchObject({ depth: MAX_DEPTH });
    expect(brief(r.rows.slice(MAX_DEPTH - 1))).toEqual([[MAX_DEPTH + 1, `第${MAX_DEPTH}层`, `第${MAX_DEPTH - 1}层`, 'invalid', `第${MAX_DEPTH + 1}行“第${MAX_DEPTH}层”：超过10级：组织层级最多10级`]]);
  });

  it('counts blank rows and reads an organiser’s target, not the root', () => {
    const underCommittee: UnitSheetContext = { target: committee, rootName: null, units: [committee, office] };
    const r = check([['名称', '上级'], ['第二党支部', ''], [], ['', ''], ['第一党支部', '']], underCommittee);
    expect(r.blankRows).toBe(2);
    expect(brief(r.rows)).toEqual([
      [2, '第二党支部', '机关党委', 'ready', 3],
      [5, '第一党支部', '机关党委', 'exists', 'b1'],
    ]);
  });
});

describe('unit sheet: one column per level', () => {
  it('reads paths with merged-cell blanks, creating the units above a leaf once, on the first row naming them', () => {
    const r = check([
      ['单位组织架构表'],
      ['一级', '二级', '三级', '类型'],
      ['示例省委', '市委', '市直机关党委', ''],
      ['', '', '教育工委', '党委'],
      ['', '', '', ''],
      ['', '县委', '', '工作部门'],
      ['', '', '县直党总支', ''],
    ]);
    expect(r.header).toEqual({ ok: true, sheet: '组织', layout: 'levels' });
    expect(r.blankRows).toBe(1);
    expect(brief(r.rows)).toEqual([
      [3, '市委', '示例省委', 'ready', 2],
      [3, '市直机关党委', '市委', 'ready', 3],
      [4, '教育工委', '市委', 'ready', 3],
      [6, '县委', '示例省委', 'ready', 2],
      [7, '县直党总支', '县委', 'ready', 3],
    ]);
    expect(r.rows.map((x) => (x.status === 'ready' ? x.kind : null))).toEqual(['other', 'committee', 'committee', 'department', 'general_branch']);
    expect(r.rows[1]).toMatchObject({ parent: { kind: 'row', index: 0 } });
    expect(r.rows[3]).toMatchObject({ parent: { kind: 'unit', id: 'org' } });
  });

  it('puts a first level that is not the organisation directly under the target, and finds existing units on the way', () => {
    const r = check([
      ['第1级', '第2级', '第3级'],
      ['机关党委', '第一党支部', '第一党小组'],
      ['', '第三党支部', ''],
    ]);
    expect(brief(r.rows)).toEqual([
      [2, '机关党委', '示例省委', 'exists', 'c1'],
      [2, '第一党支部', '机关党委', 'exists', 'b1'],
      [2, '第一党小组', '第一党支部', 'ready', 4],
      [3, '第三党支部', '机关党委', 'ready', 3],
    ]);
    expect(r.rows[2]).toMatchObject({ parent: { kind: 'unit', id: 'b1' }, kind: 'group' });
  });

  it('takes the kind of a unit named first above others from its own later row', () => {
    const r = check([
      ['一级', '二级', '类型'],
      ['新工委', '一支部', ''],
      ['新工委', '', '党委'],
    ]);
    expect(brief(r.rows)).toEqual([
      [2, '新工委', '示例省委', 'ready', 2],
      [2, '一支部', '新工委', 'ready', 3],
    ]);
    expect(r.rows[0]).toMatchObject({ kind: 'committee' });
  });

  it('refuses a blank level the row cannot inherit, a repeated row, and units below a refused one', () => {
    const r = check([
      ['一级', '二级', '三级'],
      ['甲党委', '', ''],
      ['乙党委', '', '孤儿支部'],
      ['甲党委', '', ''],
      ['', '很'.repeat(41), ''],
      ['', '', '孙支部'],
    ]);
    expect(brief(r.rows)).toEqual([
      [2, '甲党委', '示例省委', 'ready', 2],
      [3, '孤儿支部', null, 'invalid', '第3行“孤儿支部”：第2级为空，无法确定上级组织'],
      [4, '甲党委', '示例省委', 'invalid', '第4行“甲党委”：与第2行重复'],
      [5, '很'.repeat(41), '甲党委', 'invalid', `第5行“${'很'.repeat(41)}”：组织名称超过40个字`],
      [6, '孙支部', '很'.repeat(41), 'invalid', `第6行“孙支部”：上级组织“${'很'.repeat(41)}”（第5行）未能导入`],
    ]);
  });

  it('refuses units beyond the deepest level', () => {
    const header = Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `第${i + 1}级`);
    const path = Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `层${i + 1}`);
    const r = check([header, path]);
    expect(r.rows).toHaveLength(MAX_DEPTH + 1);
    // The root is level 1 of the tree: units 1 … 9 of the path fit, the tenth and below do not.
    expect(r.rows.filter((x) => x.status === 'ready')).toHaveLength(MAX_DEPTH - 1);
    expect(r.rows[MAX_DEPTH - 1]).toMatchObject({ status: 'invalid', reason: `第2行“层${MAX_DEPTH}”：超过10级：组织层级最多10级` });
    expect(r.rows[MAX_DEPTH]).toMatchObject({ status: 'invalid', reason: `第2行“层${MAX_DEPTH + 1}”：上级组织“层${MAX_DEPTH}”（第2行）未能导入` });
  });
});

describe('unit sheet: kinds', () => {
  it('reads the kind words, and guesses from the end of the name when 类型 is blank', () => {
    expect(['党委', '党总支', '党支部', '工作部门', '党小组', '其他', ' 支部 ', '总支'].map(unitKindFromWord)).toEqual([
      'committee',
      'general_branch',
      'branch',
      'department',
      'group',
      'other',
      'branch',
      'general_branch',
    ]);
    expect(unitKindFromWord('党委会')).toBeNull();
    expect(['市直机关党委', '机关党总支', '机关总支部', '第一党支部', '第一党小组', '组织部'].map(defaultUnitKind)).toEqual([
      'committee',
      'general_branch',
      'general_branch',
      'branch',
      'group',
      'other',
    ]);
  });
});
