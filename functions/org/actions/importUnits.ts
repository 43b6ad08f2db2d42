// importUnits: an organiser sets up the tree below one of their units from an xlsx or csv file,
// with a parent column or one column per level (core/domain/org/unitSheet.ts decides what each row
// means). A dry run (commit:false) returns the report, one row per unit; commit:true writes the
// ready ones, parents first, each whole with its name guard and invite code (insertUnit). A unit
// already under its parent is `exists` and not written again, so importing the same file twice,
// or again after an interrupted import, writes each unit once. Reads do not grow with the file:
// the importer's units are one read; only a unit that loses a name race costs one more.

import type { ImportRowReport, UnitImportReport } from '../../../core/contracts/org';
import { ROSTER_MAX_BYTES } from '../../../core/domain/org/roster';
import { checkUnitSheet, UNIT_IMPORT_MAX_WRITES, type KnownUnit, type UnitRowCheck } from '../../../core/domain/org/unitSheet';
import { COLLECTIONS } from '../../lib/collections';
import { getById } from '../../lib/db';
import { invalid, notFound, precondition } from '../../lib/errors';
import { downloadOwnUpload } from '../../lib/uploads';
import { managedUnits, requireManagedUnit, requireOrganiser } from '../ports';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { readSheets } from '../../lib/sheet';
import { insertUnit } from '../tree';

interface Input {
  fileID: string;
  fileName: string;
  parentId?: string | null;
  commit: boolean;
}

/** Siblings written at once: each unit is a transaction of its own, and a province's levels are wide. */
const PARALLEL = 8;

type Outcome = { status: ImportRowReport['status']; reason: string | null };

export async function importUnits(input: Input, ctx: ActionContext): Promise<UnitImportReport> {
  const { db, storage } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const targetId = input.parentId ?? (me.role === 'org_admin' ? me.orgId : null);
  if (!targetId) throw invalid('字段 parentId：请选择把这些组织建在哪个组织之下');
  const target = await requireManagedUnit(db, me, targetId);
  if (target.status !== 'active') throw precondition(`“${target.name}”已撤销，不能在其下新建组织`);

  // Only a sheet the caller uploaded through their own ticket: not another's file, not an export.
  const bytes = await downloadOwnUpload(storage, { openid: ctx.openid, context: 'org', purpose: 'sheet' }, input.fileID, () => notFound('找不到上传的文件，请重新选择文件'));
  if (bytes.length === 0) throw invalid('文件是空的');
  if (bytes.length > ROSTER_MAX_BYTES) throw invalid('文件超过 2MB，请分成几个文件导入');
  const sheets = await readSheets(bytes, input.fileName);

  const units = await managedUnits(db, me);
  const byId = new Map(units.map((u) => [u._id, u]));
  // A unit organiser's scope does not hold the organisation itself; its name is still skipped
  // when a per-level file starts with it.
  const root = byId.get(me.orgId) ?? (await getById<UnitDoc>(db, COLLECTIONS.units, me.orgId));
  const check = checkUnitSheet(sheets, { target: known(target), rootName: root?.name ?? null, units: units.map(known) });
  if (!check.header.ok) throw invalid(check.header.reason);

  const ready = check.rows.flatMap((r) => (r.status === 'ready' ? [r] : []));
  const outcomes = new Map<number, Outcome>();
  if (input.commit) {
    if (ready.length > UNIT_IMPORT_MAX_WRITES) {
      throw invalid(`一次最多新建${UNIT_IMPORT_MAX_WRITES}个组织，这个文件要新建${ready.length}个，请分成几个文件导入（上级组织在前一个文件中）`);
    }
    await writeUnits(ctx, ready, byId, outcomes);
  }

  const rows = check.rows.map((r): ImportRowReport => {
    const base = { row: r.row, name: r.name, unitName: r.parentName };
    const written = outcomes.get(r.index);
    if (written) return { ...base, ...written };
    if (r.status === 'invalid') return { ...base, status: 'invalid', reason: r.reason };
    return { ...base, status: r.status, reason: null };
  });
  const tally = (s: ImportRowReport['status']) => rows.filter((r) => r.status === s).length;
  return {
    committed: input.commit,
    fileName: input.fileName,
    sheetName: check.header.sheet,
    total: rows.length,
    ready: tally('ready'),
    created: tally('created'),
    exists: tally('exists'),
    // Roster rows may be possible duplicates of a person; a unit either exists under its parent or not.
    duplicate: 0,
    invalid: tally('invalid'),
    blankRows: check.blankRows,
    rows,
  };
}

/**
 * Writes level by level, so every parent (an existing unit, or a row written one level up) is
 * stored before its children; siblings go PARALLEL at a time. A unit is written whole or not at
 * all; if the call stops half-way, importing the file again writes the rest.
 */
async function writeUnits(
  ctx: ActionContext,
  ready: Array<Extract<UnitRowCheck, { status: 'ready' }>>,
  existing: Map<string, UnitDoc>,
  outcomes: Map<number, Outcome>,
): Promise<void> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  // The unit each written row now is (created, or found under its parent at commit time).
  const stored = new Map<number, UnitDoc>();
  const depths = [...new Set(ready.map((r) => r.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = ready.filter((r) => r.depth === depth);
    for (let i = 0; i < level.length; i += PARALLEL) {
      await Promise.all(
        level.slice(i, i + PARALLEL).map(async (r) => {
          const parent = r.parent.kind === 'unit' ? existing.get(r.parent.id) : stored.get(r.parent.index);
          if (!parent) {
            outcomes.set(r.index, { status: 'invalid', reason: `第${r.row}行“${r.name}”：上级组织“${r.parentName ?? ''}”刚刚被修改，请重新导入` });
            return;
          }
          // One millisecond apart in file order: siblings of the same 排序 are listed as the file lists them.
          const at = new Date(now + r.index);
          const result = await insertUnit(ctx.deps, parent, { name: r.name, kind: r.kind, order: r.order ?? 0, createdAt: at });
          if (result.created) {
            stored.set(r.index, result.unit);
            outcomes.set(r.index, { status: 'created', reason: null });
            return;
          }
          // Another organiser (or a parallel import) created it since the file was read.
          outcomes.set(r.index, { status: 'exists', reason: null });
          const found = result.unitId ? await getById<UnitDoc>(db, COLLECTIONS.units, result.unitId) : null;
          if (found) stored.set(r.index, found);
        }),
      );
    }
  }
}

function known(u: UnitDoc): KnownUnit {
  return { id: u._id, name: u.name, parentId: u.parentId, depth: u.path.length, active: u.status === 'active' };
}
