// A roster entry as an import leaves it: unbound, a plain member. Tests that need entries
// the demo roster lacks (many of them, a locked one, an odd branch) write them directly.
import type { MemberDoc } from '../../functions/lib/model';

export interface EntrySpec {
  id: string;
  name: string;
  /** The branch; its path is [orgId, unitId] (a branch right under the organisation). */
  unitId: string;
  orgId?: string;
  phone?: string | null;
  sortKey?: string;
  now?: Date;
}

export function unboundEntry(spec: EntrySpec): MemberDoc {
  const orgId = spec.orgId ?? 'org-demo';
  const now = spec.now ?? new Date();
  return {
    _id: spec.id,
    orgId,
    unitId: spec.unitId,
    unitPath: [orgId, spec.unitId],
    name: spec.name,
    sortKey: spec.sortKey ?? `1:${spec.name}`,
    phone: spec.phone ?? null,
    category: 'full',
    role: 'member',
    manages: [],
    leader: false,
    openid: null,
    boundAt: null,
    source: 'import',
    createdAt: now,
    updatedAt: now,
  };
}
