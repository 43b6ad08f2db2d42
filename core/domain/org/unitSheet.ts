// Unit-tree import rules: which sheet and which row of it hold the header, how the two layouts (a
// parent column, or one column per level) become units under a target unit, and why a row is
// refused. Pure: the cloud function reads the file and the importer's units, and writes; this
// decides what would be written, in an order that writes every parent before its children
// (placing each row in the tree: unitPlacement.ts).

import { cleanCell } from '../text';
import { unitNameKey, type UnitKind } from './units';
import { place, type Entry } from './unitPlacement';

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

export interface RowBase {
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
