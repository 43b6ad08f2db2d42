// importRoster: an organiser imports members from an xlsx or csv file. A dry run (commit:false)
// returns the row-by-row report; commit:true writes the good rows. Each entry's _id derives from
// branch + name + phone, so importing the same person twice (or two imports racing) cannot
// create a second copy: the database refuses it. Bad rows are reported, never written. Every
// entry is a plain member (organisers are appointed once bound, setMemberRole). A row whose name
// the unit already has with another phone (or none) may be the same person: it is reported as a
// possible duplicate and written only if the organiser confirms it (allowDuplicates).

import type { ImportReport, ImportRowReport } from '../../../core/contracts/org';
import { checkRoster, maskPhone, ROSTER_MAX_BYTES, rosterKey, type ValidRosterRow } from '../../../core/domain/org/roster';
import { COLLECTIONS } from '../../lib/collections';
import { existingIds, insert, insertBatch, list, updateById, type Database } from '../../lib/db';
import { invalid, notFound } from '../../lib/errors';
import { downloadOwnUpload } from '../../lib/uploads';
import { managedUnits, requireManagedUnit, requireOrganiser } from '../ports';
import type { MemberDoc, RosterImportDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { readSheet } from '../../lib/sheet';
import { loadSortKey } from '../sortKey';

interface Input {
  fileID: string;
  fileName: string;
  unitId?: string | null;
  commit: boolean;
  allowDuplicates?: number[];
}

const BATCH = 100;
/** Names per same-name query: `_.in` lists are kept short, as elsewhere. */
const NAMES_PER_QUERY = 100;
/** Entries one same-name query may return: the SDK's ceiling for one get(). */
const SAME_NAME_LIMIT = 1000;

export async function importRoster(input: Input, ctx: ActionContext): Promise<ImportReport> {
  const { db, storage, ids, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  if (input.unitId) {
    const unit = await requireManagedUnit(db, me, input.unitId);
    if (unit.status !== 'active') throw invalid('字段 unitId：该组织已撤销，不能再导入党员');
  }
  // Any active unit of the importer's subtrees may take members, not only leaves.
  const branches = (await managedUnits(db, me)).filter((u) => u.status === 'active');
  const paths = new Map(branches.map((u) => [u._id, u.path]));

  // Only a sheet the caller uploaded through their own ticket: not another's file, not an export.
  const bytes = await downloadOwnUpload(storage, { openid: ctx.openid, context: 'org', purpose: 'sheet' }, input.fileID, () => notFound('找不到上传的文件，请重新选择文件'));
  if (bytes.length === 0) throw invalid('文件是空的');
  if (bytes.length > ROSTER_MAX_BYTES) throw invalid('文件超过 2MB，请分成几个文件导入');

  const sheet = await readSheet(bytes, input.fileName);
  const check = checkRoster(sheet, {
    units: branches.map((u) => ({ id: u._id, name: u.name })),
    defaultUnitId: input.unitId ?? null,
  });
  if (!check.header.ok) throw invalid(check.header.reason);

  const valid = check.rows.flatMap((r) => (r.ok ? [r.value] : []));
  const idByRow = new Map(valid.map((v) => [v.row, ids.derive('m', rosterKey(v.unitId, v.name, v.phone))]));
  const idOf = (v: ValidRosterRow) => idByRow.get(v.row) as string;
  const existing = await existingIds(ctx.deps.db, COLLECTIONS.members, valid.map(idOf));

  // A new row whose name its unit already lists under another _id (another phone, or no phone on
  // one side) may be a person already there: reported, and written only once the organiser has
  // confirmed it is someone else (allowDuplicates).
  const sameName = await sameNameEntries(db, valid.filter((v) => !existing.has(idOf(v))));
  const allowed = new Set(input.allowDuplicates ?? []);
  const status = new Map<number, ImportRowReport['status']>();
  const notes = new Map<number, string[]>();
  for (const v of valid) {
    if (existing.has(idOf(v))) {
      status.set(v.row, 'exists');
      continue;
    }
    const others = (sameName.get(`${v.unitId}|${v.name}`) ?? []).filter((m) => m._id !== idOf(v));
    const said: string[] = [];
    if (others.length > 0 && !allowed.has(v.row)) {
      status.set(v.row, 'duplicate');
      said.push(`可能重复：支部里已有同名党员（${phonesOf(others)}）`);
    } else {
      status.set(v.row, input.commit ? 'created' : 'ready');
      if (others.length > 0) said.push('已确认与支部里的同名党员不是同一人');
    }
    if (v.note) said.push(v.note);
    notes.set(v.row, said);
  }

  if (input.commit) {
    const sortKeyOf = await loadSortKey();
    const now = new Date(clock.now());
    const fresh = valid.filter((v) => status.get(v.row) === 'created');
    const createdPerUnit = new Map<string, number>();
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      const docs = batch.map((v) => memberDoc(idOf(v), v, me.orgId, paths.get(v.unitId) ?? [me.orgId, v.unitId], sortKeyOf(v.name), now));
      const outcome = await insertBatch(ctx.deps.db, COLLECTIONS.members, docs as unknown as Array<Record<string, unknown>>);
      batch.forEach((v, k) => {
        if (outcome[k]) createdPerUnit.set(v.unitId, (createdPerUnit.get(v.unitId) ?? 0) + 1);
        else {
          // A concurrent import wrote this person first: nothing of ours to say about it.
          status.set(v.row, 'exists');
          notes.delete(v.row);
        }
      });
    }
    const _ = db.command;
    for (const [unitId, n] of createdPerUnit) await updateById(db, COLLECTIONS.units, unitId, { memberCount: _.inc(n) });
  }

  const rows: ImportRowReport[] = check.rows.map((r) =>
    r.ok
      ? { row: r.row, name: r.value.name, unitName: r.value.unitName, status: status.get(r.row) ?? 'ready', reason: notes.get(r.row)?.join('；') || null }
      : { row: r.row, name: r.name, unitName: null, status: 'invalid', reason: r.reason },
  );
  const tally = (s: ImportRowReport['status']) => rows.filter((r) => r.status === s).length;
  const report: ImportReport = {
    committed: input.commit,
    fileName: input.fileName,
    total: rows.length,
    ready: tally('ready'),
    created: tally('created'),
    exists: tally('exists'),
    duplicate: tally('duplicate'),
    invalid: tally('invalid'),
    blankRows: check.blankRows,
    rows,
  };
  if (input.commit) {
    const log: Omit<RosterImportDoc, '_id'> = {
      orgId: me.orgId,
      unitId: input.unitId ?? null,
      by: me._id,
      fileName: input.fileName,
      total: report.total,
      created: report.created,
      exists: report.exists,
      invalid: report.invalid,
      createdAt: new Date(clock.now()),
    };
    await insert(db, COLLECTIONS.rosterImports, log);
  }
  return report;
}

function memberDoc(id: string, v: ValidRosterRow, orgId: string, unitPath: string[], sortKey: string, now: Date): MemberDoc {
  return {
    _id: id,
    orgId,
    unitId: v.unitId,
    unitPath,
    name: v.name,
    sortKey,
    phone: v.phone,
    category: v.category,
    role: v.role,
    manages: [],
    leader: false,
    openid: null,
    boundAt: null,
    source: 'import',
    createdAt: now,
    updatedAt: now,
  };
}

type SameName = Pick<MemberDoc, '_id' | 'phone'>;

/**
 * The entries already listed under the names of these rows, by `unitId|name`: one query per unit
 * of the file and per hundred names (never one per row), on the (unitId, name) index.
 */
async function sameNameEntries(db: Database, rows: ValidRosterRow[]): Promise<Map<string, SameName[]>> {
  const namesByUnit = new Map<string, Set<string>>();
  for (const v of rows) namesByUnit.set(v.unitId, (namesByUnit.get(v.unitId) ?? new Set()).add(v.name));
  const _ = db.command;
  const found = new Map<string, SameName[]>();
  for (const [unitId, nameSet] of namesByUnit) {
    const names = [...nameSet];
    for (let i = 0; i < names.length; i += NAMES_PER_QUERY) {
      const docs = await list<SameName & { name: string }>(
        db
          .collection(COLLECTIONS.members)
          .where({ unitId, name: _.in(names.slice(i, i + NAMES_PER_QUERY)) })
          .field({ _id: true, name: true, phone: true })
          .limit(SAME_NAME_LIMIT),
      );
      for (const d of docs) {
        const key = `${unitId}|${d.name}`;
        found.set(key, [...(found.get(key) ?? []), { _id: d._id, phone: d.phone }]);
      }
    }
  }
  return found;
}

/** 手机号 138****1234、未登记手机号: enough for the organiser to recognise the person already listed. */
function phonesOf(entries: SameName[]): string {
  return entries
    .slice(0, 3)
    .map((m) => (m.phone ? `手机号 ${maskPhone(m.phone)}` : '未登记手机号'))
    .join('、');
}
