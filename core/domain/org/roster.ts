// Roster import rules: which columns a roster sheet may have, how each cell is read, and why a
// row is rejected. Pure: the cloud function reads the file and writes; this decides.

import { cleanCell, normaliseName } from '../text';
import type { MemberCategory, Role } from './roles';

export const ROSTER_MAX_ROWS = 3000;
export const ROSTER_MAX_BYTES = 2 * 1024 * 1024;

export const ROSTER_TEMPLATE_HEADER = ['姓名', '所在支部', '手机号', '党员类别', '角色'] as const;

type Field = 'name' | 'branch' | 'phone' | 'category' | 'role';

const HEADER_ALIASES: Record<Field, string[]> = {
  name: ['姓名', '名字', '党员姓名'],
  branch: ['所在支部', '支部', '党支部', '所属支部', '支部名称'],
  phone: ['手机号', '手机', '手机号码', '联系电话', '电话'],
  category: ['党员类别', '类别', '身份', '党员身份'],
  role: ['角色', '权限', '系统角色'],
};

export interface RosterUnit {
  id: string;
  name: string;
}

export interface RosterRowInput {
  /** 1-based row number as the organiser sees it in the spreadsheet. */
  row: number;
  cells: string[];
}

export interface ValidRosterRow {
  row: number;
  name: string;
  unitId: string;
  unitName: string;
  phone: string | null;
  category: MemberCategory;
  /** Always a plain member: see ROLE_WORDS. */
  role: Extract<Role, 'member'>;
  /** Told to the organiser beside the row (why a 角色 cell was not followed), or null. */
  note: string | null;
}

export type RosterRowCheck =
  | { row: number; ok: true; value: ValidRosterRow }
  | { row: number; ok: false; name: string; reason: string };

export interface RosterCheck {
  header: { ok: true } | { ok: false; reason: string };
  rows: RosterRowCheck[];
  /** Rows that were entirely blank (or blank halves of merged cells) and were skipped. */
  blankRows: number;
}

export interface RosterContext {
  /** Units the importer may write to, by exact name. */
  units: RosterUnit[];
  /** Used when the sheet has no branch column or a row leaves it blank. */
  defaultUnitId: string | null;
}

function findHeader(cells: string[]): Partial<Record<Field, number>> {
  const map: Partial<Record<Field, number>> = {};
  cells.forEach((raw, idx) => {
    const c = cleanCell(raw).replace(/\s+/g, '').replace(/[*＊]/g, '');
    (Object.keys(HEADER_ALIASES) as Field[]).forEach((f) => {
      if (map[f] === undefined && HEADER_ALIASES[f].includes(c)) map[f] = idx;
    });
  });
  return map;
}

const CATEGORY_WORDS: Record<string, MemberCategory> = {
  '': 'full',
  正式党员: 'full',
  正式: 'full',
  党员: 'full',
  预备党员: 'probationary',
  预备: 'probationary',
};

/**
 * The 角色 words a sheet may use. Every row is imported as a plain member whatever it says: an
 * unbound entry carrying a role would hand that role to whoever binds to it by typing the name,
 * so organisers are appointed only from bound members (setMemberRole). A row asking for more is
 * still imported, with a note saying so.
 */
const ROLE_WORDS: Record<string, 'member' | 'unit_organiser' | 'org_admin'> = {
  '': 'member',
  党员: 'member',
  成员: 'member',
  支部管理员: 'unit_organiser',
  管理员: 'unit_organiser',
  组织委员: 'unit_organiser',
  支部书记: 'unit_organiser',
  单位管理员: 'org_admin',
};

export const ROLE_NOTES = {
  unit_organiser: '已按党员导入：管理员须在其绑定微信后，由上级在名单中任命',
  org_admin: '已按党员导入：单位管理员不能通过导入名单设置',
} as const;

function checkName(name: string): string | null {
  if (!name) return '姓名为空';
  if ([...name].length > 20) return '姓名超过20个字';
  if (!/^[\p{Script=Han}A-Za-z·.]+$/u.test(name)) return '姓名只能包含汉字、字母或间隔号';
  return null;
}

/** Validate a whole sheet: the header (first non-blank row) and each data row. */
export function checkRoster(sheet: RosterRowInput[], ctx: RosterContext): RosterCheck {
  const nonBlank = sheet.filter((r) => r.cells.some((c) => cleanCell(c) !== ''));
  const blankRows = sheet.length - nonBlank.length;
  const [headerRow, ...dataRows] = nonBlank;
  if (!headerRow) return { header: { ok: false, reason: '文件中没有内容' }, rows: [], blankRows };
  const cols = findHeader(headerRow.cells);
  if (cols.name === undefined) {
    return { header: { ok: false, reason: '第一行应为表头，且包含“姓名”列（可下载模板对照）' }, rows: [], blankRows };
  }
  if (cols.branch === undefined && !ctx.defaultUnitId) {
    return { header: { ok: false, reason: '缺少“所在支部”列，请在表格中填写或先选择导入到哪个支部' }, rows: [], blankRows };
  }
  if (dataRows.length > ROSTER_MAX_ROWS) {
    return { header: { ok: false, reason: `一次最多导入${ROSTER_MAX_ROWS}行，请分批导入` }, rows: [], blankRows };
  }

  const unitsByName = new Map(ctx.units.map((u) => [normaliseName(u.name), u]));
  const defaultUnit = ctx.units.find((u) => u.id === ctx.defaultUnitId) ?? null;
  const seen = new Map<string, number>();
  const cell = (r: RosterRowInput, f: Field) => (cols[f] === undefined ? '' : cleanCell(r.cells[cols[f] as number]));

  const rows = dataRows.map((r): RosterRowCheck => {
    const name = normaliseName(cell(r, 'name'));
    const bad = (reason: string): RosterRowCheck => ({ row: r.row, ok: false, name, reason });

    const nameError = checkName(name);
    if (nameError) return bad(nameError);

    const branchText = cell(r, 'branch');
    const unit = branchText ? unitsByName.get(normaliseName(branchText)) : defaultUnit;
    if (!unit) {
      return bad(branchText ? `支部“${branchText}”不存在或不在您的管理范围内` : '所在支部为空');
    }

    const phoneText = cell(r, 'phone').replace(/[\s-]/g, '');
    if (phoneText && !/^1\d{10}$/.test(phoneText)) return bad('手机号应为11位数字');

    const category = CATEGORY_WORDS[cell(r, 'category').replace(/\s+/g, '')];
    if (!category) return bad('党员类别应为“正式党员”或“预备党员”');

    const role = ROLE_WORDS[cell(r, 'role').replace(/\s+/g, '')];
    if (!role) return bad('角色应为“党员”或“支部管理员”');
    const note = role === 'member' ? null : ROLE_NOTES[role];

    const key = rosterKey(unit.id, name, phoneText || null);
    const first = seen.get(key);
    if (first !== undefined) return bad(`与第${first}行重复`);
    seen.set(key, r.row);

    return {
      row: r.row,
      ok: true,
      value: { row: r.row, name, unitId: unit.id, unitName: unit.name, phone: phoneText || null, category, role: 'member', note },
    };
  });
  return { header: { ok: true }, rows, blankRows };
}

/**
 * The identity of a roster entry: the same person imported twice maps to the same key, so the
 * database (a deterministic _id) refuses the second copy instead of a count-then-insert.
 */
export function rosterKey(unitId: string, name: string, phone: string | null): string {
  return `${unitId}|${normaliseName(name)}|${phone ?? ''}`;
}

/** 138****1234: organisers see enough to tell two people apart, not the whole number. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
