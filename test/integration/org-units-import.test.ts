// Unit-tree import through the real `org` function: a workbook in cloud storage → one report row
// per unit → the units written parents first, each whole, and a second import writing nothing.
import ExcelJS from 'exceljs';
import type { ManagedUnit, MemberRow, Page, UnitImportReport } from '../../core/contracts';
import type { Envelope } from '../../core/envelope';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(async () => {
  await t?.close();
});

const ADMIN = 'demo-admin';
const units = async () => dataOf(await t.call<{ units: ManagedUnit[] }>(ADMIN, 'org', 'listUnits')).units;
const importUnits = (openid: string, payload: Record<string, unknown>) => t.call<UnitImportReport>(openid, 'org', 'importUnits', payload);
const uploadCsv = (name: string, text: string, openid = ADMIN) => t.uploadAs(openid, 'org', 'sheet', name, Buffer.from(text));

/** The child of `parentId` called `name`, from a listUnits answer. */
function childOf(all: ManagedUnit[], parentId: string, name: string): ManagedUnit {
  const found = all.filter((u) => u.parentId === parentId && u.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

const COMMITTEES = ['市教育局党委', '市卫健委党委'];
const GENERAL = ['机关党总支', '直属单位党总支', '离退休党总支'];
const BRANCHES = ['第一党支部', '第二党支部', '第三党支部'];
const GROUPS = ['第一党小组', '第二党小组'];
/** 2 committees × 3 general branches × 3 branches × 2 groups: 2 + 6 + 18 + 36 = 62 units. */
const UNIT_COUNT = 62;

/**
 * What a province's office would send: an instruction sheet first, then the data sheet with a
 * title row, a blank row, a header with (必填) marks, and one column per level whose upper levels
 * are merged cells spanning their children's rows; the organisation itself is the first level.
 */
async function dirtyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const help = wb.addWorksheet('填写说明');
  help.addRow(['填写说明']);
  help.addRow(['1. 每一行写一个最下级的组织，从“一级”写起；上级相同的行可以合并单元格。']);
  help.addRow(['2. 类型可不填：名称以“党支部”结尾的按党支部导入。']);

  const ws = wb.addWorksheet('组织架构');
  ws.addRow(['示例市直机关党委 组织架构导入表', null, null, null, null, null]);
  ws.mergeCells('A1:F1');
  ws.addRow([]);
  ws.addRow(['一级（必填）', '二级', '三级', '四级', '五级', '备注']);
  const first = ws.rowCount + 1;
  for (const c of COMMITTEES) {
    for (const g of GENERAL) {
      for (const b of BRANCHES) {
        for (const p of GROUPS) {
          // Only the first row of each merged range carries the text, as Excel stores it.
          const top = ws.rowCount + 1 - first;
          ws.addRow([
            top === 0 ? '示例市直机关党委' : null,
            top % 18 === 0 ? c : null,
            top % 6 === 0 ? ` ${g} ` : null,
            top % 2 === 0 ? b : null,
            p,
            top === 0 ? '2024年整理' : null,
          ]);
        }
      }
    }
  }
  const last = ws.rowCount;
  ws.mergeCells(`A${first}:A${last}`);
  for (let r = first; r <= last; r += 18) ws.mergeCells(`B${r}:B${r + 17}`);
  for (let r = first; r <= last; r += 6) ws.mergeCells(`C${r}:C${r + 5}`);
  for (let r = first; r <= last; r += 2) ws.mergeCells(`D${r}:D${r + 1}`);
  // A row that only looks filled: a space left in the last column.
  ws.addRow([null, null, null, null, null, ' ']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('units import', () => {
  let fileID = '';

  it('previews a dirty per-level workbook without writing, at a cost that does not grow with the rows', async () => {
    fileID = await t.uploadAs(ADMIN, 'org', 'sheet', 'tree.xlsx', await dirtyWorkbook());
    const before = await units();

    const { result, stats } = await t.invoke(ADMIN, 'org', 'importUnits', { fileID, fileName: '组织架构.xlsx', commit: false });
    const preview = dataOf(result as Envelope<UnitImportReport>);
    expect(preview).toMatchObject({
      committed: false,
      sheetName: '组织架构',
      total: UNIT_COUNT,
      ready: UNIT_COUNT,
      created: 0,
      exists: 0,
      invalid: 0,
      blankRows: 1,
    });
    // Each unit is reported once, on the first row naming it (row 4 is the first data row).
    expect(preview.rows.slice(0, 5)).toEqual([
      { row: 4, name: '市教育局党委', unitName: '示例市直机关党委', status: 'ready', reason: null },
      { row: 4, name: '机关党总支', unitName: '市教育局党委', status: 'ready', reason: null },
      { row: 4, name: '第一党支部', unitName: '机关党总支', status: 'ready', reason: null },
      { row: 4, name: '第一党小组', unitName: '第一党支部', status: 'ready', reason: null },
      { row: 5, name: '第二党小组', unitName: '第一党支部', status: 'ready', reason: null },
    ]);
    expect(await units()).toEqual(before);
    expect(stats.writes).toBe(0);

    // identity + target unit + the admin's units: three reads whatever the file's length.
    const small = await uploadCsv('one.csv', '组织名称\n单独一个支部\n');
    const one = await t.invoke(ADMIN, 'org', 'importUnits', { fileID: small, fileName: 'one.csv', commit: false });
    expect(one.result).toMatchObject({ ok: true, data: { total: 1, ready: 1 } });
    expect([stats.reads, one.stats.reads]).toEqual([3, 3]);
  });

  it('commits: every unit at its place in the tree, with kinds from the names, siblings in file order', async () => {
    const before = await units();
    const done = dataOf(await importUnits(ADMIN, { fileID, fileName: '组织架构.xlsx', commit: true }));
    expect(done).toMatchObject({ committed: true, total: UNIT_COUNT, created: UNIT_COUNT, ready: 0, exists: 0, invalid: 0 });

    const all = await units();
    expect(all).toHaveLength(before.length + UNIT_COUNT);
    const committee = childOf(all, 'org-demo', '市卫健委党委');
    const general = childOf(all, committee.id, '直属单位党总支');
    const branch = childOf(all, general.id, '第三党支部');
    const group = childOf(all, branch.id, '第二党小组');
    expect(group).toMatchObject({ depth: 4, kind: 'group', kindLabel: '党小组', status: 'active', memberCount: 0 });
    expect(group.path).toEqual(['org-demo', committee.id, general.id, branch.id, group.id]);
    expect(group.inviteCode).toMatch(/^[A-Z0-9]{6}$/);
    expect([committee.kind, general.kind, branch.kind]).toEqual(['committee', 'general_branch', 'branch']);
    // Names were trimmed (" 直属单位党总支 " in the sheet).
    expect(all.filter((u) => u.name.startsWith(' ') || u.name.endsWith(' '))).toEqual([]);
    // Tree order lists the branches of one general branch as the file listed them.
    expect(all.filter((u) => u.parentId === general.id).map((u) => u.name)).toEqual(BRANCHES);
    // Every invite code is distinct.
    const codes = all.map((u) => u.inviteCode).filter((c) => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('the created units are manageable at once', async () => {
    const all = await units();
    const group = childOf(all, childOf(all, childOf(all, childOf(all, 'org-demo', '市教育局党委').id, '机关党总支').id, '第一党支部').id, '第一党小组');
    const page = dataOf(await t.call<Page<MemberRow>>(ADMIN, 'org', 'listMembers', { unitId: group.id, limit: 20 }));
    expect(page.items).toEqual([]);
    const child = dataOf(await t.call<{ unit: ManagedUnit }>(ADMIN, 'org', 'createUnit', { parentId: group.id, name: '临时小组', kind: 'other' })).unit;
    expect(child.path).toEqual([...group.path, child.id]);
  });

  it('importing the same file again reports every unit as existing and writes nothing', async () => {
    const before = await units();
    const { result, stats } = await t.invoke(ADMIN, 'org', 'importUnits', { fileID, fileName: '组织架构.xlsx', commit: true });
    expect(result).toMatchObject({ ok: true, data: { committed: true, total: UNIT_COUNT, exists: UNIT_COUNT, created: 0, ready: 0, invalid: 0 } });
    expect(stats.writes).toBe(0);
    expect(await units()).toEqual(before);
  });

  it('reads a GB18030 csv with a parent column: a parent named on a later row, an existing unit, an existing parent', async () => {
    const text = '组织名称,上级组织,类型\r\n档案党小组,后勤党支部,党小组\r\n后勤党支部,,党支部\r\n机关第一党支部,示例市直机关党委,\r\n';
    const gbk = Buffer.from(encodeGb18030(text));
    expect(new TextDecoder('gb18030').decode(gbk)).toBe(text);
    const csv = await t.uploadAs(ADMIN, 'org', 'sheet', 'gbk-units.csv', gbk);
    const r = dataOf(await importUnits(ADMIN, { fileID: csv, fileName: '组织.csv', commit: true }));
    expect(r).toMatchObject({ sheetName: null, created: 2, exists: 1, invalid: 0 });
    expect(r.rows).toEqual([
      { row: 2, name: '档案党小组', unitName: '后勤党支部', status: 'created', reason: null },
      { row: 3, name: '后勤党支部', unitName: '示例市直机关党委', status: 'created', reason: null },
      { row: 4, name: '机关第一党支部', unitName: '示例市直机关党委', status: 'exists', reason: null },
    ]);
    const all = await units();
    const branch = childOf(all, 'org-demo', '后勤党支部');
    expect(childOf(all, branch.id, '档案党小组')).toMatchObject({ kind: 'group', path: ['org-demo', branch.id, expect.any(String)] });
  });

  it('a cycle and a missing parent: each row says why, none of them is written, the good row is', async () => {
    const csv = await uploadCsv(
      'bad.csv',
      ['组织名称,上级组织', '甲党支部,乙党支部', '乙党支部,甲党支部', '丙党小组,甲党支部', '丁党支部,不存在的党委', '戊党支部,'].join('\n'),
    );
    const before = await units();
    const r = dataOf(await importUnits(ADMIN, { fileID: csv, fileName: 'bad.csv', commit: true }));
    expect(r).toMatchObject({ created: 1, invalid: 4 });
    expect(r.rows).toEqual([
      { row: 2, name: '甲党支部', unitName: '乙党支部', status: 'invalid', reason: '第2行“甲党支部”：上级关系绕成了一个圈（甲党支部 → 乙党支部 → 甲党支部），请检查“上级组织”列' },
      { row: 3, name: '乙党支部', unitName: '甲党支部', status: 'invalid', reason: '第3行“乙党支部”：上级关系绕成了一个圈（甲党支部 → 乙党支部 → 甲党支部），请检查“上级组织”列' },
      { row: 4, name: '丙党小组', unitName: '甲党支部', status: 'invalid', reason: '第4行“丙党小组”：上级组织“甲党支部”（第2行）未能导入' },
      { row: 5, name: '丁党支部', unitName: '不存在的党委', status: 'invalid', reason: '第5行“丁党支部”：找不到上级组织“不存在的党委”：本文件中没有，您管理的组织中也没有' },
      { row: 6, name: '戊党支部', unitName: '示例市直机关党委', status: 'created', reason: null },
    ]);
    const after = await units();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((u) => ['甲党支部', '乙党支部', '丙党小组', '丁党支部'].includes(u.name))).toEqual([]);
  });

  it('an organiser imports only under their own unit; the first level may name that unit', async () => {
    const csv = await uploadCsv('organiser.csv', '一级,二级\n实验中学党支部,第一党小组\n,第二党小组\n', 'demo-organiser');
    expect(await importUnits('demo-organiser', { fileID: csv, fileName: 'organiser.csv', parentId: 'br-office', commit: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await importUnits('demo-organiser', { fileID: csv, fileName: 'organiser.csv', commit: true })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
    expect(await importUnits('demo-member', { fileID: csv, fileName: 'organiser.csv', parentId: 'br-school', commit: true })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await units()).filter((u) => u.parentId === 'br-office' || u.parentId === 'br-school')).toEqual([]);

    const r = dataOf(await importUnits('demo-organiser', { fileID: csv, fileName: 'organiser.csv', parentId: 'br-school', commit: true }));
    expect(r.rows.map((x) => [x.name, x.unitName, x.status])).toEqual([
      ['第一党小组', '实验中学党支部', 'created'],
      ['第二党小组', '实验中学党支部', 'created'],
    ]);
    expect((await units()).filter((u) => u.parentId === 'br-school').map((u) => u.name)).toEqual(['第一党小组', '第二党小组']);
  });

  it('refuses to write more than 500 units in one call, and a file without a header, naming its sheets', async () => {
    const rows = Array.from({ length: 501 }, (_, i) => `批量单位${i + 1}`);
    const csv = await uploadCsv('many.csv', ['组织名称', ...rows].join('\n'));
    const before = await units();
    expect(dataOf(await importUnits(ADMIN, { fileID: csv, fileName: 'many.csv', commit: false }))).toMatchObject({ ready: 501 });
    expect(await importUnits(ADMIN, { fileID: csv, fileName: 'many.csv', commit: true })).toEqual({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: '一次最多新建500个组织，这个文件要新建501个，请分成几个文件导入（上级组织在前一个文件中）',
    });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['请按模板填写']);
    wb.addWorksheet('Sheet2').addRow(['编号', '部门']);
    const headerless = await t.uploadAs(ADMIN, 'org', 'sheet', 'headerless.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await importUnits(ADMIN, { fileID: headerless, fileName: 'h.xlsx', commit: true })).toEqual({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: '没有找到表头：工作表“填写说明”“Sheet2”的前10行中没有“组织名称”“上级组织”列，也没有“一级”“二级”……这样逐级填写的列',
    });
    expect(await units()).toHaveLength(before.length);
  });
});

/** GB18030 bytes for the few characters this test needs (Node can decode GB18030 but not encode it). */
function encodeGb18030(text: string): number[] {
  const table: Record<string, number[]> = {
    组: [0xd7, 0xe9], 织: [0xd6, 0xaf], 名: [0xc3, 0xfb], 称: [0xb3, 0xc6], 上: [0xc9, 0xcf], 级: [0xbc, 0xb6],
    类: [0xc0, 0xe0], 型: [0xd0, 0xcd], 档: [0xb5, 0xb5], 案: [0xb0, 0xb8], 党: [0xb5, 0xb3], 小: [0xd0, 0xa1],
    后: [0xba, 0xf3], 勤: [0xc7, 0xda], 支: [0xd6, 0xa7], 部: [0xb2, 0xbf], 机: [0xbb, 0xfa], 关: [0xb9, 0xd8],
    第: [0xb5, 0xda], 一: [0xd2, 0xbb], 示: [0xca, 0xbe], 例: [0xc0, 0xfd], 市: [0xca, 0xd0], 直: [0xd6, 0xb1],
    委: [0xce, 0xaf],
  };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  return out;
}
