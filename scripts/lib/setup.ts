// Database setup shared by `npm start`, `npm run seed`, `npm run admin:grant` and the tests:
// create the declared collections, seed the demo organisation, grant an org admin. Everything
// goes through wx-server-sdk's database, so it works against the local cloud and, with real
// credentials, against a CloudBase environment.

import { COLLECTIONS } from '../../functions/lib/collections';
import { getById, isDuplicateKeyError, list, type Database, type TransactionLike } from '../../functions/lib/db';
import type { MemberDoc, UnitDoc, UnitNameDoc } from '../../functions/lib/model';
import { identityFields, identityOf } from '../../functions/org/ports';
import { ids } from '../../functions/lib/deps';
import { loadSortKey } from '../../functions/org/sortKey';
import { unitNameKey } from '../../core/domain/org/units';
import { DEMO_BRANCHES, DEMO_MEMBERS, DEMO_ORG } from './demo-data';

/**
 * Creates every declared collection that does not exist yet. Their indexes are not created here:
 * wx-server-sdk has no call for it. The local cloud takes them from `startLocalCloud({ indexes:
 * INDEXES })` (npm start, the test cloud); on CloudBase they are created in the console.
 */
export async function ensureCollections(db: Database): Promise<string[]> {
  const created: string[] = [];
  for (const name of Object.values(COLLECTIONS)) {
    try {
      await db.createCollection(name);
      created.push(name);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      const msg = err instanceof Error ? err.message : String((err as { errMsg?: string }).errMsg ?? err);
      // CloudBase answers DATABASE_COLLECTION_ALREADY_EXIST ("Table exist."); anything else is real.
      if (!/ALREADY_EXIST|Table exist/i.test(`${code} ${msg}`)) throw err;
    }
  }
  return created;
}

async function insertIfMissing(db: Database, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** The guard that keeps sibling names unique (functions/org/units.ts writes the same _id). */
export function unitNameGuardId(parentId: string, name: string): string {
  return ids.derive('un', `${parentId}|${unitNameKey(name)}`);
}

/** The organisation's root unit. */
export function rootUnit(id: string, name: string, now: Date): UnitDoc {
  return {
    _id: id,
    kind: 'org',
    name,
    parentId: null,
    path: [id],
    order: 0,
    orgId: id,
    inviteCode: null,
    memberCount: 0,
    boundCount: 0,
    status: 'active',
    closedAt: null,
    createdAt: now,
  };
}

/** Seeds the demo organisation once; running it again changes nothing. */
export async function seedDemo(db: Database, now = new Date()): Promise<{ seeded: boolean }> {
  const marker = await getById(db, COLLECTIONS.meta, 'demo-seed-v1');
  if (marker) return { seeded: false };

  const counts = new Map<string, { members: number; bound: number }>();
  for (const m of DEMO_MEMBERS) {
    const c = counts.get(m.branch) ?? { members: 0, bound: 0 };
    c.members++;
    if (m.openid) c.bound++;
    counts.set(m.branch, c);
  }
  const root = rootUnit(DEMO_ORG.id, DEMO_ORG.name, now);
  await insertIfMissing(db, COLLECTIONS.units, { ...root });
  for (const [order, b] of DEMO_BRANCHES.entries()) {
    const unit: UnitDoc = {
      _id: b.id,
      kind: 'branch',
      name: b.name,
      parentId: DEMO_ORG.id,
      path: [DEMO_ORG.id, b.id],
      order,
      orgId: DEMO_ORG.id,
      inviteCode: b.inviteCode,
      memberCount: counts.get(b.id)?.members ?? 0,
      boundCount: counts.get(b.id)?.bound ?? 0,
      status: 'active',
      closedAt: null,
      createdAt: now,
    };
    await insertIfMissing(db, COLLECTIONS.units, { ...unit });
    const guard: UnitNameDoc = { _id: unitNameGuardId(DEMO_ORG.id, b.name), unitId: b.id, orgId: DEMO_ORG.id };
    await insertIfMissing(db, COLLECTIONS.unitNames, { ...guard });
    await insertIfMissing(db, COLLECTIONS.inviteCodes, { _id: b.inviteCode, unitId: b.id, orgId: DEMO_ORG.id });
  }
  const sortKeyOf = await loadSortKey();
  for (const m of DEMO_MEMBERS) {
    const doc: MemberDoc = {
      _id: m.id,
      orgId: DEMO_ORG.id,
      unitId: m.branch,
      unitPath: [DEMO_ORG.id, m.branch],
      name: m.name,
      sortKey: sortKeyOf(m.name, m.leader),
      phone: m.phone,
      category: m.category,
      role: m.role,
      manages: m.role === 'unit_organiser' ? [m.branch] : [],
      leader: m.leader,
      openid: m.openid,
      boundAt: m.openid ? now : null,
      source: 'seed',
      createdAt: now,
      updatedAt: now,
    };
    await insertIfMissing(db, COLLECTIONS.members, { ...doc });
    if (m.openid) await insertIfMissing(db, COLLECTIONS.identities, { ...identityOf(doc, m.openid, now) });
  }
  await insertIfMissing(db, COLLECTIONS.meta, { _id: 'demo-seed-v1', at: now });
  return { seeded: true };
}

export interface GrantOptions {
  openid: string;
  /** Name of the organisation to create when none exists yet. */
  orgName?: string;
  /** Which organisation, when several exist. */
  orgId?: string;
  /** The admin's name, when the openid has no roster entry yet. */
  name?: string;
}

/**
 * Makes an openid an org admin: promotes its roster entry, or creates an entry attached to the
 * organisation root (creating the organisation first on a fresh install).
 */
export async function grantAdmin(db: Database, opts: GrantOptions, now = new Date()): Promise<{ memberId: string; orgId: string; created: boolean }> {
  const identity = await getById<{ _id: string; memberId: string; orgId: string }>(db, COLLECTIONS.identities, opts.openid);
  if (identity) {
    // The roster entry and the identity that carries its role change together.
    await db.runTransaction(async (t: TransactionLike) => {
      const member = (await t.collection(COLLECTIONS.members).doc(identity.memberId).get()).data as MemberDoc;
      const promoted: MemberDoc = { ...member, role: 'org_admin', manages: [], updatedAt: now };
      await t.collection(COLLECTIONS.members).doc(member._id).update({ data: { role: 'org_admin', manages: [], updatedAt: now } });
      await t.collection(COLLECTIONS.identities).doc(opts.openid).update({ data: identityFields(promoted, now) });
    });
    return { memberId: identity.memberId, orgId: identity.orgId, created: false };
  }
  let orgId = opts.orgId;
  if (!orgId) {
    const roots = await list<UnitDoc>(db.collection(COLLECTIONS.units).where({ kind: 'org' }).limit(20));
    if (roots.length > 1) {
      throw new Error(`有多个单位，请用 --org-id 指定：${roots.map((r) => `${r._id}（${r.name}）`).join('，')}`);
    }
    if (roots.length === 1) orgId = roots[0]._id;
  }
  if (!orgId) {
    if (!opts.orgName) throw new Error('还没有任何单位，请用 --org-name 指定要创建的单位名称');
    orgId = ids.derive('org', opts.orgName);
    await insertIfMissing(db, COLLECTIONS.units, { ...rootUnit(orgId, opts.orgName, now) });
  } else if (!(await getById<UnitDoc>(db, COLLECTIONS.units, orgId))) {
    throw new Error(`找不到单位 ${orgId}`);
  }
  const memberId = ids.derive('m', `grant|${orgId}|${opts.openid}`);
  const name = opts.name ?? '管理员';
  const member: MemberDoc = {
    _id: memberId,
    orgId,
    unitId: orgId,
    unitPath: [orgId],
    name,
    sortKey: (await loadSortKey())(name),
    phone: null,
    category: 'full',
    role: 'org_admin',
    manages: [],
    leader: false,
    openid: opts.openid,
    boundAt: now,
    source: 'grant',
    createdAt: now,
    updatedAt: now,
  };
  // The root's counters include the admin, so every figure summed up the tree counts them.
  if (await insertIfMissing(db, COLLECTIONS.members, { ...member })) {
    await db.collection(COLLECTIONS.units).doc(orgId).update({ data: { memberCount: db.command.inc(1), boundCount: db.command.inc(1) } });
  }
  await insertIfMissing(db, COLLECTIONS.identities, { ...identityOf(member, opts.openid, now) });
  return { memberId, orgId, created: true };
}

/**
 * Brings data written before the organisation tree (two levels, no paths) up to it: every unit
 * gets its path (root → itself), status, order and sibling-name guard; every roster entry its
 * unit's path, leader flag and listing key. Identities rebuild themselves on their next use.
 * Idempotent: only documents without a path are touched. Run by `npm start` and `npm run seed` on
 * the local cloud; a deployed environment from before the tree needs the same once (not scripted yet).
 */
export async function migrateToTree(db: Database, now = new Date()): Promise<{ units: number; members: number }> {
  const _ = db.command;
  // Organisation by organisation (the queries the declared indexes serve), units without a path.
  const paths = new Map<string, string[]>();
  let units = 0;
  for (const root of await list<UnitDoc>(db.collection(COLLECTIONS.units).where({ kind: 'org' }).limit(1000))) {
    for (const u of await list<UnitDoc & { path?: string[] }>(db.collection(COLLECTIONS.units).where({ orgId: root._id }).limit(1000))) {
      if (Array.isArray(u.path)) {
        paths.set(u._id, u.path);
        continue;
      }
      const path = u.parentId ? [u.parentId, u._id] : [u._id];
      await db.collection(COLLECTIONS.units).doc(u._id).update({ data: { path, status: 'active', order: 0, closedAt: null, updatedAt: now } });
      if (u.parentId) await insertIfMissing(db, COLLECTIONS.unitNames, { _id: unitNameGuardId(u.parentId, u.name), unitId: u._id, orgId: u.orgId });
      paths.set(u._id, path);
      units += 1;
    }
  }
  const sortKeyOf = await loadSortKey();
  let members = 0;
  for (;;) {
    const batch = await list<MemberDoc & { unitPath?: string[] }>(db.collection(COLLECTIONS.members).where({ unitPath: _.exists(false) }).limit(100));
    if (batch.length === 0) break;
    for (const m of batch) {
      const leader = m.leader === true;
      await db.collection(COLLECTIONS.members).doc(m._id).update({
        data: { unitPath: paths.get(m.unitId) ?? [m.orgId, m.unitId], leader, sortKey: sortKeyOf(m.name, leader), updatedAt: now },
      });
      members += 1;
    }
  }
  return { units, members };
}

/** Collections renamed since round 1: old name → new name. The old one is left as it was. */
export const RENAMED_COLLECTIONS: Record<string, string> = {
  // Check-in campaigns became "challenges" so that "campaign" names the 专项行动 to come.
  checkinCampaigns: COLLECTIONS.checkinChallenges,
};

/**
 * Copies the documents of each renamed collection into its new name, keeping their ids; a document
 * already there is left alone, so it is idempotent and safe to run on every start. A missing old
 * collection means there is nothing to move. Run by `npm start` and `npm run seed` on the local
 * cloud; a deployed environment from round 1 needs the same once (not scripted yet).
 */
export async function migrateRenamedCollections(db: Database): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const [from, to] of Object.entries(RENAMED_COLLECTIONS)) {
    moved[from] = 0;
    let after = '';
    for (;;) {
      let batch: Array<{ _id: string } & Record<string, unknown>>;
      try {
        batch = await list(db.collection(from).where({ _id: db.command.gt(after) }).orderBy('_id', 'asc').limit(100));
      } catch {
        break; // no such collection
      }
      if (batch.length === 0) break;
      for (const doc of batch) if (await insertIfMissing(db, to, { ...doc })) moved[from] += 1;
      after = batch[batch.length - 1]._id;
    }
  }
  return moved;
}
