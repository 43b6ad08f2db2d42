// Placing the units of an import in the tree (the second half of core/domain/org/unitSheet.ts):
// each row's parent found among existing units or other rows, and what cannot be written refused.
// Pure, like the reading of the sheet.

import { defaultUnitKind, KIND_WORDS_HINT, MAX_DEPTH, UNIT_NAME_MAX, unitKindFromWord, unitNameKey, type UnitKind } from './units';
import type { KnownUnit, RowBase, UnitParent, UnitRowCheck, UnitSheetContext } from './unitSheet';

/** What a row says about one unit before its parent is looked up. */
export interface Entry {
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
export function say(row: number, name: string, text: string): string {
  return name ? `第${row}行“${name}”：${text}` : `第${row}行：${text}`;
}

type Node = { kind: 'unit'; unit: KnownUnit } | { kind: 'row'; index: number };
type Placed = { ok: true; node: Node; depth: number; parent: Node; kind: UnitKind; order: number | null } | { ok: false; reason: string };

/**
 * Look up every entry's parent (an existing unit, or another row before or after it), then refuse
 * what cannot be written: cycles, unknown or ambiguous parents, repeats, depth, and every row below
 * a refused one. A row already present under its parent is `exists`, so a second import of the
 * same file writes nothing.
 */
export function place(entries: Entry[], ctx: UnitSheetContext): UnitRowCheck[] {
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

function checkName(name: string): string | null {
  if (!name) return '组织名称为空';
  if ([...name].length > UNIT_NAME_MAX) return `组织名称超过${UNIT_NAME_MAX}个字`;
  if (/[<>]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 32)) return '组织名称不能包含尖括号或控制字符';
  return null;
}
