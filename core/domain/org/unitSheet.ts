// Unit-tree import rules: which sheet and which row of it hold the header, how the two layouts (a
// parent column, or one column per level) become units under a target unit, and why a row is
// refused. Pure: the cloud function reads the file and the importer's units, and writes; this
// decides what would be written, in an order that writes every parent before its children.

import { cleanCell } from '../text';
import { MAX_DEPTH, UNIT_NAME_MAX, unitNameKey, type UnitKind } from './units';

/** A province sets up a few hundred units; more rows than this is the wrong file. */
export const UNIT_SHEET_MAX_ROWS = 2000;
/** Units one commit writes: each is a transaction, and a call has about a minute. */
export const UNIT_IMPORT_MAX_WRITES = 500;
/** The header may sit below a title or a note; it is looked for in this many non-blank rows. */
export const HEADER_SEARCH_ROWS = 10;

export interface UnitSheetRow {
  /** 1-based row number as the organiser sees it in the spreadsheet. */
  row: number;
  cells: string[];
}

/** One sheet of the workbook; a csv file is one sheet without a name. */
export interface UnitSheet {
  name: string | null;
  rows: UnitSheetRow[];
}

export type UnitSheetLayout = 'parent' | 'levels';

/** A unit the importer manages (closed ones too, so a closed parent is named as such). */
export interface KnownUnit {
  id: string;
  name: string;
  parentId: string | null;
  /** Length of the unit's path: 1 for the organisation itself. */
  depth: number;
  active: boolean;
}

export interface UnitSheetContext {
  /** Where rows without a parent (or the first level) go; must be in `units`' scope. */
  target: KnownUnit;
  /** The organisation's name: a first level naming it is skipped, as is one naming the target. */
  rootName: string | null;
  /** Every unit the importer manages, the target included. */
  units: KnownUnit[];
}

/** Where a unit to write goes: under an existing unit, or under another row of the file. */
export type UnitParent = { kind: 'unit'; id: string } | { kind: 'row'; index: number };

interface RowBase {
  /** Position in `rows`; a `UnitParent` of kind 'row' points here. */
  index: number;
  row: number;
  name: string;
  /** The parent as the file names it (or the target's name); null when it could not be told. */
  parentName: string | null;
}

export type UnitRowCheck =
  | (RowBase & { status: 'ready'; kind: UnitKind; order: number | null; parent: UnitParent; depth: number })
  | (RowBase & { status: 'exists'; unitId: string })
  | (RowBase & { status: 'invalid'; reason: string });

export interface UnitSheetCheck {
  header: { ok: true; sheet: string | null; layout: UnitSheetLayout } | { ok: false; reason: string };
  /**
   * One entry per unit the file names, in file order. In the per-level layout a row may name
   * units that have no row of their own (a 党委 written only as the first level of its branches):
   * each is reported once, on the first row that names it.
   */
  rows: UnitRowCheck[];
  /** Rows after the header that were entirely blank, skipped. */
  blankRows: number;
}

type Column = 'name' | 'parent' | 'kind' | 'order';

const HEADER_ALIASES: Record<Column, string[]> = {
  name: ['组织名称', '单位名称', '名称', '党组织名称', '组织全称'],
  parent: ['上级组织', '上级单位', '上级', '上级党组织', '上级组织名称', '上级单位名称', '所属上级'],
  kind: ['类型', '组织类型', '单位类型', '党组织类型'],
  order: ['排序', '顺序', '排序号'],
};

/** The words a 类型 cell may hold. */
const KIND_WORDS: Record<string, UnitKind> = {
  党委: 'committee',
  党总支: 'general_branch',
  党总支部: 'general_branch',
  总支: 'general_branch',
  党支部: 'branch',
  支部: 'branch',
  工作部门: 'department',
  部门: 'department',
  党小组: 'group',
  小组: 'group',
  其他: 'other',
  其它: 'other',
  其他组织: 'other',
};

export const KIND_WORDS_HINT = '党委、党总支、党支部、工作部门、党小组或其他';

/** The kind a 类型 cell names; null for a word it does not know. */
export function unitKindFromWord(word: string): UnitKind | null {
  return KIND_WORDS[cleanCell(word).replace(/\s+/g, '')] ?? null;
}

/**
 * The kind of a unit whose 类型 is blank, read from the end of its name and nothing else:
 * …党委 a committee, …总支 / …总支部 a general branch, …支部 a branch, …党小组 a group, anything
 * else 其他组织. An organiser changes a wrong guess with 编辑 afterwards.
 */
export function defaultUnitKind(name: string): UnitKind {
  const n = unitNameKey(name);
  if (n.endsWith('党委')) return 'committee';
  if (n.endsWith('总支') || n.endsWith('总支部')) return 'general_branch';
  if (n.endsWith('支部')) return 'branch';
  if (n.endsWith('党小组')) return 'group';
  return 'other';
}

const CN_DIGITS = '一二三四五六七八九';

/** 一 … 九十九 or 1 … 99 to a number; null otherwise. */
function levelNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m) return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? CN_DIGITS.indexOf(tens) + 1 : null;
  return (tens ? CN_DIGITS.indexOf(tens) + 1 : 1) * 10 + (units ? CN_DIGITS.indexOf(units) + 1 : 0);
}

/** 一级, 二级组织, 第3级, 第三级单位 → the level (1 is the top); null for any other header. */
export function levelOfHeader(cell: string): number | null {
  const m = /^第?(.+?)级(?:党组织|组织|单位)?(?:名称)?$/.exec(headerText(cell));
  return m ? levelNumber(m[1]) : null;
}

/** A header cell without spaces, the 必填 stars and a trailing (必填) or (选填). */
function headerText(cell: string): string {
  return cleanCell(cell)
    .replace(/\s+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/\((?:必填|选填|可选|可不填)\)$/, '');
}

interface Header {
  layout: UnitSheetLayout;
  cols: Partial<Record<Column, number>>;
  /** Per-level layout: the column of level 1, 2, … (a run from 1 without gaps). */
  levels: number[];
}

function readHeader(cells: string[]): Header | null {
  const cols: Partial<Record<Column, number>> = {};
  const levelCols = new Map<number, number>();
  cells.forEach((raw, idx) => {
    const c = headerText(raw);
    if (!c) return;
    (Object.keys(HEADER_ALIASES) as Column[]).forEach((f) => {
      if (cols[f] === undefined && HEADER_ALIASES[f].includes(c)) cols[f] = idx;
    });
    const level = levelOfHeader(c);
    if (level !== null && !levelCols.has(level)) levelCols.set(level, idx);
  });
  const levels: number[] = [];
  for (let l = 1; levelCols.has(l); l++) levels.push(levelCols.get(l) as number);
  if (levels.length > 0) return { layout: 'levels', cols, levels };
  if (cols.name !== undefined) return { layout: 'parent', cols, levels };
  return null;
}

/** What a row says about one unit before its parent is looked up. */
interface Entry {
  row: number;
  name: string;
  /** Null only for a row refused before its parent could be told. */
  parent: { kind: 'target' } | { kind: 'text'; text: string } | { kind: 'entry'; index: number } | null;
  kindText: string;
  orderText: string;
  /** The row the 类型 and 排序 were read from (per-level: a later row may name an earlier unit). */
  detailRow: number;
  /** Per-level: named as the last level of some row, not only as a parent of others. */
  explicit: boolean;
  error: string | null;
  /** May be named as a parent (a refused repeat of another row may not). */
  candidate: boolean;
}

/** "第5行“第一支部”：…": every reason names the row and the unit, as the organiser will look them up. */
function say(row: number, name: string, text: string): string {
  return name ? `第${row}行“${name}”：${text}` : `第${row}行：${text}`;
}

function checkName(name: string): string | null {
  if (!name) return '组织名称为空';
  if ([...name].length > UNIT_NAME_MAX) return `组织名称超过${UNIT_NAME_MAX}个字`;
  if (/[<>]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 32)) return '组织名称不能包含尖括号或控制字符';
  return null;
}

/** Validate the workbook: find the sheet and header, read each row, and place each unit. */
export function checkUnitSheet(sheets: UnitSheet[], ctx: UnitSheetContext): UnitSheetCheck {
  const nonEmpty = sheets.filter((s) => s.rows.some((r) => r.cells.some((c) => cleanCell(c) !== '')));
  if (nonEmpty.length === 0) return refuse('文件中没有内容');

  for (const sheet of nonEmpty) {
    const nonBlank = sheet.rows.filter((r) => r.cells.some((c) => cleanCell(c) !== ''));
    const at = nonBlank.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => readHeader(r.cells) !== null);
    if (at < 0) continue;
    const headerRow = nonBlank[at];
    const header = readHeader(headerRow.cells) as Header;
    const after = sheet.rows.filter((r) => r.row > headerRow.row);
    const dataRows = after.filter((r) => r.cells.some((c) => cleanCell(c) !== ''));
    if (dataRows.length > UNIT_SHEET_MAX_ROWS) {
      return refuse(`${where(sheet.name)}超过${UNIT_SHEET_MAX_ROWS}行，请分成几个文件导入`);
    }
    const entries = header.layout === 'parent' ? parentEntries(dataRows, header) : levelEntries(dataRows, header, ctx);
    return {
      header: { ok: true, sheet: sheet.name, layout: header.layout },
      rows: place(entries, ctx),
      blankRows: after.length - dataRows.length,
    };
  }
  const named = nonEmpty.filter((s) => s.name !== null).map((s) => `“${s.name}”`);
  const scope = named.length > 0 ? `工作表${named.join('')}` : '文件';
  return refuse(
    `没有找到表头：${scope}的前${HEADER_SEARCH_ROWS}行中没有“组织名称”“上级组织”列，也没有“一级”“二级”……这样逐级填写的列`,
  );
}

function refuse(reason: string): UnitSheetCheck {
  return { header: { ok: false, reason }, rows: [], blankRows: 0 };
}

function where(sheetName: string | null): string {
  return sheetName === null ? '文件' : `工作表“${sheetName}”`;
}

/** Layout 1: one unit per row, its parent named in a column (blank: directly under the target). */
function parentEntries(rows: UnitSheetRow[], header: Header): Entry[] {
  const cell = (r: UnitSheetRow, c: Column) => (header.cols[c] === undefined ? '' : cleanCell(r.cells[header.cols[c] as number]));
  const seen = new Map<string, number>();
  return rows.map((r): Entry => {
    const name = cell(r, 'name');
    const parentText = cell(r, 'parent');
    const entry: Entry = {
      row: r.row,
      name,
      parent: parentText ? { kind: 'text', text: parentText } : { kind: 'target' },
      kindText: cell(r, 'kind'),
      orderText: cell(r, 'order'),
      detailRow: r.row,
      explicit: true,
      error: null,
      candidate: true,
    };
    if (!name) return entry;
    const key = `${unitNameKey(parentText)}\u0000${unitNameKey(name)}`;
    const first = seen.get(key);
    if (first !== undefined) return { ...entry, error: `与第${first}行重复`, candidate: false };
    seen.set(key, r.row);
    return entry;
  });
}

/**
 * Layout 2: the path from the top, one column per level. A blank cell repeats the level above it
 * from the previous row (Excel's merged cells, or a tree typed with its parents written once), as
 * long as the row has not branched off at an earlier level; the row names the unit in its last
 * filled cell and, implicitly, every unit above it.
 */
function levelEntries(rows: UnitSheetRow[], header: Header, ctx: UnitSheetContext): Entry[] {
  const cell = (r: UnitSheetRow, c: Column) => (header.cols[c] === undefined ? '' : cleanCell(r.cells[header.cols[c] as number]));
  const skipped = new Set([ctx.target.name, ctx.rootName ?? ''].filter(Boolean).map(unitNameKey));
  const entries: Entry[] = [];
  const byPath = new Map<string, number>();
  let prev: string[] = [];
  for (const r of rows) {
    const raw = header.levels.map((c) => cleanCell(r.cells[c]));
    const kindText = cell(r, 'kind');
    const orderText = cell(r, 'order');
    const base = { row: r.row, kindText, orderText, detailRow: r.row, explicit: true, candidate: false };
    let last = raw.length - 1;
    while (last >= 0 && !raw[last]) last--;
    if (last < 0) {
      entries.push({ ...base, name: '', parent: null, error: '组织名称为空' });
      continue;
    }
    const path: string[] = [];
    let branched = false;
    let gap = -1;
    for (let k = 0; k <= last && gap < 0; k++) {
      if (raw[k]) {
        if (prev[k] === undefined || unitNameKey(prev[k]) !== unitNameKey(raw[k])) branched = true;
        path.push(raw[k]);
      } else if (!branched && prev[k] !== undefined) {
        path.push(prev[k]);
      } else {
        gap = k;
      }
    }
    if (gap >= 0) {
      entries.push({ ...base, name: raw[last], parent: null, error: `第${gap + 1}级为空，无法确定上级组织` });
      continue;
    }
    prev = path;
    // The first level may be the organisation (or the target) itself: its units go under the target.
    const own = skipped.has(unitNameKey(path[0])) ? path.slice(1) : path;
    let parent: Entry['parent'] = { kind: 'target' };
    own.forEach((name, j) => {
      const key = own
        .slice(0, j + 1)
        .map(unitNameKey)
        .join('\u0000');
      const leaf = j === own.length - 1;
      let index = byPath.get(key);
      if (index === undefined) {
        index = entries.length;
        entries.push({ ...base, name, parent, kindText: leaf ? kindText : '', orderText: leaf ? orderText : '', explicit: leaf, error: null, candidate: true });
        byPath.set(key, index);
      } else if (leaf) {
        const first = entries[index];
        if (first.explicit) {
          entries.push({ ...base, name, parent, error: `与第${first.row}行重复` });
        } else {
          // Named first as a parent of earlier rows, now by its own row: its 类型 and 排序 are here.
          Object.assign(first, { explicit: true, kindText, orderText, detailRow: r.row });
        }
      }
      parent = { kind: 'entry', index };
    });
  }
  return entries;
}

type Node = { kind: 'unit'; unit: KnownUnit } | { kind: 'row'; index: number };
type Placed = { ok: true; node: Node; depth: number; parent: Node; kind: UnitKind; order: number | null } | { ok: false; reason: string };

/**
 * Look up every entry's parent (an existing unit, or another row before or after it), then refuse
 * what cannot be written: cycles, unknown or ambiguous parents, repeats, depth, and every row below
 * a refused one. A row already present under its parent is `exists`, so a second import of the
 * same file writes nothing.
 */
function place(entries: Entry[], ctx: UnitSheetContext): UnitRowCheck[] {
  const byName = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (!e.candidate || !e.name) return;
    const key = unitNameKey(e.name);
    byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const unitsByName = new Map<string, KnownUnit[]>();
  const childOf = new Map<string, KnownUnit>();
  for (const u of ctx.units) {
    const key = unitNameKey(u.name);
    unitsByName.set(key, [...(unitsByName.get(key) ?? []), u]);
    if (u.active && u.parentId !== null) childOf.set(`${u.parentId}\u0000${key}`, u);
  }

  const memo: Array<Placed | 'visiting' | undefined> = [];
  const stack: number[] = [];
  const cycle = new Map<number, string>();

  const resolve = (i: number): Placed => {
    const done = memo[i];
    if (done !== undefined && done !== 'visiting') return done;
    const e = entries[i];
    const early = e.error !== null ? { row: e.row, text: e.error } : detailError(e);
    if (early !== null) return (memo[i] = { ok: false, reason: say(early.row, e.name, early.text) });
    memo[i] = 'visiting';
    stack.push(i);
    const parent = parentOf(i);
    stack.pop();
    const inCycle = cycle.get(i);
    const out: Placed = inCycle !== undefined ? { ok: false, reason: inCycle } : parent.ok ? settle(i, parent.node, parent.depth) : parent;
    memo[i] = out;
    return out;
  };

  const cascade = (e: Entry, p: Entry) => ({ ok: false as const, reason: say(e.row, e.name, `上级组织“${p.name}”（第${p.row}行）未能导入`) });
  const ambiguous = (e: Entry, text: string) => ({
    ok: false as const,
    reason: say(e.row, e.name, `上级组织“${text}”有不止一个同名组织，无法确定是哪一个，请改用“一级”“二级”……逐级填写的格式`),
  });

  const parentOf = (i: number): { ok: true; node: Node; depth: number } | { ok: false; reason: string } => {
    const e = entries[i];
    const p = e.parent;
    if (p === null || p.kind === 'target') return { ok: true, node: { kind: 'unit', unit: ctx.target }, depth: ctx.target.depth };
    // The parent row, placed first; a parent still being placed means the rows go round in a circle.
    const viaRow = (f: number): Placed => {
      if (memo[f] === 'visiting') markCycle(stack.slice(stack.indexOf(f)));
      const cyc = cycle.get(i);
      if (cyc !== undefined) return { ok: false, reason: cyc };
      const r = resolve(f);
      return cycle.get(i) !== undefined ? { ok: false, reason: cycle.get(i) as string } : r.ok ? r : cascade(e, entries[f]);
    };
    if (p.kind === 'entry') return viaRow(p.index);
    const key = unitNameKey(p.text);
    const rows = byName.get(key) ?? [];
    const known = unitsByName.get(key) ?? [];
    const open = known.filter((u) => u.active);
    if (rows.length > 1 && sameUnit(rows) === null) return ambiguous(e, p.text);
    if (rows.length > 0) {
      const r = viaRow(rows[0]);
      if (!r.ok) return r;
      // The row names an existing unit (imported before): the same one, not a second of that name.
      const node = r.node;
      const same = node.kind === 'unit' && open.some((u) => u.id === node.unit.id);
      if (open.length > 0 && !same) return ambiguous(e, p.text);
      return { ok: true, node: r.node, depth: r.depth };
    }
    if (open.length === 1) return { ok: true, node: { kind: 'unit', unit: open[0] }, depth: open[0].depth };
    if (open.length > 1) return ambiguous(e, p.text);
    if (known.length > 0) return { ok: false, reason: say(e.row, e.name, `上级组织“${p.text}”已撤销`) };
    return { ok: false, reason: say(e.row, e.name, `找不到上级组织“${p.text}”：本文件中没有，您管理的组织中也没有`) };
  };

  // Rows of one name are one unit when they land on the same parent (written two ways, say a
  // blank parent and the target's name): the later ones are refused as repeats below.
  const sameUnit = (rows: number[]): number | null => {
    if (rows.some((f) => memo[f] === 'visiting')) return null;
    const placedRows = rows.map(resolve);
    const keys = new Set(placedRows.map((r) => (r.ok ? nodeKey(r.parent) : null)));
    return keys.size === 1 && !keys.has(null) ? rows[0] : null;
  };

  const markCycle = (members: number[]) => {
    const names = [...members, members[0]].map((m) => entries[m].name).join(' → ');
    for (const m of members) {
      const e = entries[m];
      cycle.set(m, say(e.row, e.name, members.length === 1 ? '上级组织不能是它自己' : `上级关系绕成了一个圈（${names}），请检查“上级组织”列`));
    }
  };

  const settle = (i: number, parent: Node, parentDepth: number): Placed => {
    const e = entries[i];
    const kind = e.kindText ? (unitKindFromWord(e.kindText) as UnitKind) : defaultUnitKind(e.name);
    const order = e.orderText ? Number(e.orderText) : null;
    if (parent.kind === 'unit') {
      const present = childOf.get(`${parent.unit.id}\u0000${unitNameKey(e.name)}`);
      if (present) return { ok: true, node: { kind: 'unit', unit: present }, depth: present.depth, parent, kind, order };
    }
    if (parentDepth + 1 > MAX_DEPTH) return { ok: false, reason: say(e.row, e.name, `超过${MAX_DEPTH}级：组织层级最多${MAX_DEPTH}级`) };
    return { ok: true, node: { kind: 'row', index: i }, depth: parentDepth + 1, parent, kind, order };
  };

  const placed = entries.map((_, i) => resolve(i));

  // Two rows that land on the same parent with the same name (written differently, say a blank
  // parent and the target's name): the later one is a repeat.
  const firstAt = new Map<string, number>();
  placed.forEach((p, i) => {
    if (!p.ok) return;
    const key = `${nodeKey(p.parent)}\u0000${unitNameKey(entries[i].name)}`;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, entries[i].row);
    else placed[i] = { ok: false, reason: say(entries[i].row, entries[i].name, `与第${first}行重复`) };
  });

  return entries.map((e, index): UnitRowCheck => {
    const base: RowBase = { index, row: e.row, name: e.name, parentName: parentLabel(e, entries, ctx) };
    const p = placed[index];
    if (!p.ok) return { ...base, status: 'invalid', reason: p.reason };
    if (p.node.kind === 'unit') return { ...base, status: 'exists', unitId: p.node.unit.id };
    const parent: UnitParent = p.parent.kind === 'unit' ? { kind: 'unit', id: p.parent.unit.id } : { kind: 'row', index: p.parent.index };
    return { ...base, status: 'ready', kind: p.kind, order: p.order, parent, depth: p.depth };
  });
}

/** Name, 类型 and 排序 of one entry, before its parent is looked up, with the row each was read from. */
function detailError(e: Entry): { row: number; text: string } | null {
  const nameError = checkName(e.name);
  if (nameError) return { row: e.row, text: nameError };
  if (e.kindText && unitKindFromWord(e.kindText) === null) return { row: e.detailRow, text: `类型“${e.kindText}”无法识别，请填写${KIND_WORDS_HINT}` };
  if (e.orderText && !/^\d{1,4}$/.test(e.orderText)) return { row: e.detailRow, text: '排序应为0到9999之间的整数' };
  return null;
}

function nodeKey(n: Node): string {
  return n.kind === 'unit' ? `u:${n.unit.id}` : `r:${n.index}`;
}

function parentLabel(e: Entry, entries: Entry[], ctx: UnitSheetContext): string | null {
  const p = e.parent;
  if (p === null) return null;
  if (p.kind === 'target') return ctx.target.name;
  if (p.kind === 'text') return p.text;
  return entries[p.index].name;
}
