// listOrganisers: the organisers appointed inside the caller's subtrees, with the units each one
// manages — the page where an org admin sees who looks after which part of the tree. Two reads
// beyond the caller: the organisation's organisers, and the caller's units for the names.

import type { OrgResponses } from '../../../core/contracts/org';
import { ROLE_LABELS } from '../../../core/domain/org/roles';
import { COLLECTIONS } from '../../lib/collections';
import { list } from '../../lib/db';
import { managedUnits, mayManagePath, requireOrganiser } from '../ports';
import type { MemberDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';

export async function listOrganisers(_input: Record<string, never>, ctx: ActionContext): Promise<OrgResponses['listOrganisers']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  const docs = await list<MemberDoc>(
    db.collection(COLLECTIONS.members).where({ orgId: me.orgId, role: _.in(['unit_organiser', 'org_admin']) }).limit(500),
  );
  const names = new Map((await managedUnits(db, me)).map((u) => [u._id, u.name]));
  const mine = docs.filter((m) => m.unitPath && mayManagePath(me, m.orgId, m.unitPath));
  mine.sort((a, b) => (a.role === b.role ? (a.sortKey ?? '').localeCompare(b.sortKey ?? '') : a.role === 'org_admin' ? -1 : 1));
  return {
    items: mine.map((m) => ({
      memberId: m._id,
      name: m.name,
      role: m.role,
      roleLabel: ROLE_LABELS[m.role],
      unitName: names.get(m.unitId) ?? '',
      bound: m.openid !== null,
      manages: m.role === 'org_admin' ? [] : m.manages.map((id) => ({ id, name: names.get(id) ?? '（范围外的组织）' })),
      isMe: m._id === me._id,
    })),
  };
}
