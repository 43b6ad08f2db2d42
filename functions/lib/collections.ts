// Every collection the functions use, in one map, with the indexes each query shape needs.
// `npm start` (and the deploy guide) create these collections; the local cloud, like CloudBase,
// refuses to read or write a collection that was never created.

export const COLLECTIONS = {
  units: 'units',
  members: 'members',
  identities: 'identities',
  inviteCodes: 'inviteCodes',
  bindRequests: 'bindRequests',
  rosterImports: 'rosterImports',
  meta: 'meta',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/**
 * Declared indexes, per collection: each entry is the ordered list of fields of one compound
 * index. A later test compares the query shapes the local cloud records with these; in
 * production they are created in the CloudBase console (see docs/DATA-MODEL.md).
 */
export const INDEXES: Record<CollectionName, string[][]> = {
  // kind: the admin:grant command finds organisation roots.
  units: [['orgId', 'kind'], ['kind']],
  members: [['unitId', 'name'], ['unitId', 'openid', 'name'], ['orgId']],
  identities: [],
  inviteCodes: [],
  bindRequests: [['unitId', 'status', 'createdAt']],
  rosterImports: [['unitId', 'createdAt']],
  meta: [],
};
