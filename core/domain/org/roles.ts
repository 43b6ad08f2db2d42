// Roles of the organisation and what each may do. Pure rules, no I/O.

export const ROLES = ['member', 'unit_organiser', 'org_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  unit_organiser: '组织管理员',
  org_admin: '单位管理员',
};

export function isOrganiser(role: Role): boolean {
  return role === 'unit_organiser' || role === 'org_admin';
}

export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<MemberCategory, string> = {
  full: '正式党员',
  probationary: '预备党员',
};
