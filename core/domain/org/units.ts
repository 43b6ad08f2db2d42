// The organisation tree: kinds of unit, paths, subtrees and the rules for changing the tree.
// Pure rules, no I/O. A unit's `path` lists its ancestors from the root and ends with itself, so
// "X is inside the subtree of S" is "S is on X's path": one comparison, no walk, and a unit
// created later under S is inside S's subtree from the moment it exists.

import { cleanCell } from '../text';

/** The root of every tree is the organisation itself. */
export const ROOT_KIND = 'org';

/**
 * Kinds of unit below the root. Extensible: a new kind is a new entry here (and a label); stored
 * units keep their kind. Every kind may hold members of its own (a 党委's officers), not only leaves.
 */
export const UNIT_KINDS = ['committee', 'general_branch', 'branch', 'department', 'group', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export type AnyUnitKind = UnitKind | typeof ROOT_KIND;

export const UNIT_KIND_LABELS: Record<AnyUnitKind, string> = {
  org: '单位',
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  department: '工作部门',
  group: '党小组',
  other: '其他组织',
};

/** A tree deep enough for 省 → 市 → 县 → 单位 → 党委 → 党总支 → 党支部 → 党小组, with room. */
export const MAX_DEPTH = 10;
export const UNIT_NAME_MAX = 40;

export interface TreeNode {
  id: string;
  parentId: string | null;
  path: string[];
}

/** True when the unit lies in the subtree of any of `scopeIds` (a unit is in its own subtree). */
export function inSubtree(unitPath: readonly string[], scopeIds: readonly string[]): boolean {
  return scopeIds.some((s) => unitPath.includes(s));
}

/**
 * True when an audience (unit ids, or 'ALL' for the whole organisation) reaches a member of the
 * unit with `unitPath`: the audience names the member's unit or any unit above it.
 */
export function audienceReaches(audience: readonly string[], unitPath: readonly string[], all = 'ALL'): boolean {
  return audience.includes(all) || audience.some((id) => unitPath.includes(id));
}

/** Sibling names compare after trimming and folding width and case, so 第一支部 and 第一支部  clash. */
export function unitNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export type MoveRefusal = 'root' | 'into_itself' | 'too_deep' | 'other_org' | 'closed_parent';

export const MOVE_REFUSAL_MESSAGES: Record<MoveRefusal, string> = {
  root: '单位本身（最上级）不能移动',
  into_itself: '不能把组织移到它自己或它的下级组织之下',
  too_deep: `组织层级最多 ${MAX_DEPTH} 级`,
  other_org: '只能在本单位之内移动',
  closed_parent: '目标上级组织已撤销',
};

/**
 * Can `unit` (with `subtreeHeight` levels below it) move under `parent`? Null when it can.
 * Moving under a descendant would make a cycle; the whole subtree moves with the unit.
 */
export function checkMove(
  unit: TreeNode & { orgId: string },
  parent: TreeNode & { orgId: string; closed: boolean },
  subtreeHeight: number,
): MoveRefusal | null {
  if (unit.parentId === null) return 'root';
  if (parent.orgId !== unit.orgId) return 'other_org';
  if (parent.path.includes(unit.id)) return 'into_itself';
  if (parent.closed) return 'closed_parent';
  if (parent.path.length + subtreeHeight + 1 > MAX_DEPTH) return 'too_deep';
  return null;
}

/** Levels below the deepest descendant: 0 for a unit without children. */
export function subtreeHeight(unitPath: readonly string[], descendants: ReadonlyArray<{ path: readonly string[] }>): number {
  return descendants.reduce((h, d) => Math.max(h, d.path.length - unitPath.length), 0);
}

/**
 * Units in tree order (depth-first, siblings by `order`, then in the order they were created, so
 * 第一支部 made before 第二支部 stays first): the order an organiser reads a tree in, and the one
 * lists use. Units whose parent is missing from `units` start new roots.
 */
export function treeOrder<U extends { id: string; parentId: string | null; order: number; name: string; createdAt: number }>(units: readonly U[]): U[] {
  const byParent = new Map<string | null, U[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(key) ?? [];
    list.push(u);
    byParent.set(key, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || a.name.localeCompare(b.name, 'zh-CN'));
  const out: U[] = [];
  const visit = (parent: string | null) => {
    for (const u of byParent.get(parent) ?? []) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}

/**
 * A unit an organiser can pick as an audience or as the place of a member: any open unit below
 * the organisation (the organisation itself is "全体", not a unit to pick).
 */
export function isPickableUnit(u: { parentId: string | null; status: 'active' | 'closed' }): boolean {
  return u.parentId !== null && u.status === 'active';
}

/** The binding page a unit's mini-program code opens. */
export const BIND_PAGE = 'pages/bind/index';

/** The `scene` of a unit's mini-program code (at most 32 characters, as wxacode allows). */
export function inviteScene(inviteCode: string): string {
  return `c=${inviteCode}`;
}

/**
 * The invite code a binding page was opened with: `?code=ABC123` from a link, or the `scene` of a
 * scanned mini-program code (URL-encoded by WeChat). Null when there is none or it is malformed.
 */
export function inviteCodeFromParams(params: { code?: string; scene?: string }): string | null {
  let raw = params.code ?? '';
  if (!raw && params.scene) {
    let scene = params.scene;
    try {
      scene = decodeURIComponent(scene);
    } catch {
      return null;
    }
    raw = /(?:^|&)c=([^&]*)/.exec(scene)?.[1] ?? '';
  }
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9]{6}$/.test(code) ? code : null;
}

/**
 * Does an activity's audience reach any of these units (an organiser's subtrees)? True when it is
 * for everyone, names one of them, or names a unit above one of them — the activity then concerns
 * some of the organiser's members.
 */
export function audienceTouches(audience: readonly string[], units: ReadonlyArray<{ path: readonly string[] }>, all = 'ALL'): boolean {
  return audience.includes(all) || units.some((u) => audienceReaches(audience, u.path, all));
}

// ---------------------------------------------------------------------------------------------
// Kinds in words, as organisers write them in a sheet's 类型 column or in a unit's name.

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
