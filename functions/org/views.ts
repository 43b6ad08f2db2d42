// Mapping stored documents to what a client may see. The one place that decides which fields
// leave the server for the org context (a phone number leaves only masked).

import { ROLE_LABELS } from '../../core/domain/org/roles';
import { UNIT_KIND_LABELS } from '../../core/domain/org/units';
import { maskPhone } from '../../core/domain/org/roster';
import type { ManagedUnit, MemberRow, MeMember } from '../../core/contracts/org';
import type { Caller } from './ports';
import type { MemberDoc, UnitDoc } from '../lib/model';

export function meMember(member: Caller, unit: UnitDoc | null, org: UnitDoc | null): MeMember {
  return {
    id: member._id,
    name: member.name,
    role: member.role,
    roleLabel: ROLE_LABELS[member.role],
    category: member.category,
    unit: { id: member.unitId, name: unit?.name ?? '' },
    org: { id: member.orgId, name: org?.name ?? '' },
  };
}

export function memberRow(m: MemberDoc): MemberRow {
  return {
    id: m._id,
    name: m.name,
    unitId: m.unitId,
    role: m.role,
    roleLabel: ROLE_LABELS[m.role],
    category: m.category,
    bound: m.openid !== null,
    phoneMasked: maskPhone(m.phone),
    leader: m.leader === true,
    manages: m.role === 'unit_organiser' ? m.manages : [],
  };
}

export function managedUnit(u: UnitDoc): ManagedUnit {
  return {
    id: u._id,
    name: u.name,
    kind: u.kind,
    kindLabel: UNIT_KIND_LABELS[u.kind] ?? UNIT_KIND_LABELS.other,
    parentId: u.parentId,
    path: u.path,
    depth: u.path.length - 1,
    order: u.order,
    createdAt: new Date(u.createdAt).getTime(),
    status: u.status,
    inviteCode: u.status === 'active' ? u.inviteCode : null,
    memberCount: u.memberCount,
    boundCount: u.boundCount,
    subtreeMembers: 0,
    subtreeBound: 0,
  };
}
