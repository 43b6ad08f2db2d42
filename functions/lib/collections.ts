// The database as code: every collection the functions use, declared once with its permission and
// the indexes its query shapes need (DATABASE below). Everything else is derived from it:
// `COLLECTIONS` (the names the code uses), `INDEXES` (what the local cloud and the index-coverage
// rule read), `databasePlan()` (what `npm run deploy` creates on CloudBase) and the tables of
// docs/DATA-MODEL.md (`npm run docs:data-model`; a unit test fails when they drift).
// `npm start` and the deploy create the collections; the local cloud, like CloudBase, refuses to
// read or write a collection that was never created.

/**
 * CloudBase's collection permissions (the console's 数据权限, the API's `AclTag`):
 * - ADMINONLY: 仅管理端可读写 — no client reads or writes; only the server (cloud functions,
 *   the console, the manager API) does;
 * - ADMINWRITE: 所有用户可读，仅管理端可写;
 * - PRIVATE: 仅创建者可读写 (a client reads and writes the documents it created);
 * - READONLY: 所有用户可读，仅创建者可读写.
 * Cloud functions run with admin rights and pass any of them; the permission only decides what the
 * mini-program (or a web client) may do with the database directly.
 */
export const PERMISSIONS = {
  ADMINONLY: '仅管理端可读写',
  ADMINWRITE: '所有用户可读，仅管理端可写',
  PRIVATE: '仅创建者可读写',
  READONLY: '所有用户可读，仅创建者可读写',
} as const;
export type Permission = keyof typeof PERMISSIONS;

/**
 * One declared index: its fields in order (ascending; the order is the index's, so a query is
 * served by a prefix of it). `unique`: no two documents share a key (a missing field counts as
 * null, as in MongoDB, unless `sparse`); `name` defaults to the stable name `indexName(fields)`
 * gives. `why`: what query it serves, shown in docs/DATA-MODEL.md. A plain field list is a
 * non-unique index on those fields.
 */
export interface IndexSpec {
  fields: string[];
  unique?: boolean;
  /** The local cloud honours it; CloudBase's index API has no such option, so the deploy refuses it. */
  sparse?: boolean;
  name?: string;
  why?: string;
}
export type IndexDeclaration = string[] | IndexSpec;

/** One collection: who may reach it from a client (see PERMISSIONS) and its indexes. */
export interface CollectionDeclaration {
  permission: Permission;
  indexes: IndexDeclaration[];
}

/** The fields of each declared index, whichever form it is declared in (what the coverage rule reads). */
export function indexFields(indexes: Readonly<Record<string, readonly IndexDeclaration[]>>): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const [collection, declared] of Object.entries(indexes)) {
    out[collection] = declared.map((d) => (Array.isArray(d) ? [...d] : [...d.fields]));
  }
  return out;
}

/** The longest index name generated (CloudBase states no limit we could find; 64 keeps clear of MongoDB's). */
export const INDEX_NAME_MAX = 64;

/** FNV-1a, 32 bits, as 8 hex digits: a short stable tag (no crypto module: this file is bundled everywhere). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The stable name of an index on `fields`: MongoDB's default (`orgId_1_status_1`) with the dots of
 * a nested field as `_` (`source_type_1`), so a name is letters, digits and `_` only. A name longer
 * than INDEX_NAME_MAX keeps its start and ends in a hash of the whole field list.
 */
export function indexName(fields: readonly string[]): string {
  const full = fields.map((f) => `${f.replace(/\./g, '_')}_1`).join('_');
  if (full.length <= INDEX_NAME_MAX) return full;
  return `${full.slice(0, INDEX_NAME_MAX - 9)}_${fnv1a(fields.join('\u0000'))}`;
}

/**
 * The declaration. Every collection is ADMINONLY: the mini-program and the web app reach the
 * database only through cloud functions, which check the caller's identity, role and subtree on
 * each call; no page reads a collection directly (nothing under src/ calls `cloud.database()`), so
 * no collection needs a client permission, and answer keys, attempts, rosters, identities, phones,
 * ledgers and reports must never have one.
 *
 * Indexes: each entry is one compound index, a field list or an `IndexSpec`. The test cloud and
 * `npm start` give them to the local cloud (which enforces the unique ones), and every integration
 * test checks each query shape it served has one. None is unique: every uniqueness rule of the
 * project is an `_id` (identities/<openid>, inviteCodes/<code>, the unitNames guard, derived ids),
 * which holds in CloudBase without any index.
 */
export const DATABASE = {
  // kind: the admin:grant command finds organisation roots; path: a subtree (multikey on the
  // array of ancestors); parentId: a unit's children.
  units: {
    permission: 'ADMINONLY',
    indexes: [
      ['orgId', 'kind'],
      { fields: ['kind'], why: 'admin:grant finds the organisation roots' },
      { fields: ['orgId', 'path'], why: 'a subtree (multikey on the ancestors)' },
      { fields: ['orgId', 'parentId'], why: "a unit's children" },
    ],
  },
  unitNames: { permission: 'ADMINONLY', indexes: [] },
  // unitPath: every member of a subtree (multikey), for a moved unit's path rewrite and subtree rosters.
  // sortKey: the roster page (pinyin order), all or bound/unbound only; name: same-name lookups
  // (binding, the import's duplicate check) and the by-name lists of other contexts.
  // orgId, role: the organisers page.
  members: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId', 'name'], why: 'same-name lookups: binding, the import’s duplicate check' },
      ['unitId', 'openid', 'name'],
      ['orgId'],
      { fields: ['unitPath'], why: "a subtree's members (multikey)" },
      // The console's gap lists: a subtree's members in roster order (functions/org/memberPorts.ts).
      { fields: ['unitPath', 'sortKey'], why: "a subtree's roster in order, a page at a time (the console's gap lists)" },
      ['unitId'],
      { fields: ['unitId', 'sortKey'], why: 'the roster in pinyin order' },
      { fields: ['unitId', 'openid', 'sortKey'], why: 'the roster in pinyin order, bound or unbound only' },
      { fields: ['orgId', 'role'], why: 'the organisers page' },
    ],
  },
  // unitId: the identities of one unit's members, for a moved unit's path rewrite.
  // webUid: a web caller's identity (the router's one read per web call, functions/lib/router.ts).
  // Not a unique index: most identities have no web key, and CloudBase's indexes cannot leave them
  // out (no sparse option); one identity per uid is held by webKeys/<uid> instead (org.redeemWebCode).
  identities: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId'], why: "a moved unit's path rewrite" },
      { fields: ['webUid'], why: "a web caller's identity: the router's one read per web call" },
    ],
  },
  inviteCodes: { permission: 'ADMINONLY', indexes: [] },
  bindRequests: { permission: 'ADMINONLY', indexes: [{ fields: ['unitId', 'status', 'createdAt'], why: "a unit's requests by status, newest first" }] },
  rosterImports: { permission: 'ADMINONLY', indexes: [{ fields: ['unitId', 'createdAt'], why: "a unit's import history, newest first (no page lists it yet)" }] },
  meta: { permission: 'ADMINONLY', indexes: [] },
  // Web sign-in codes, `_id` = a hash of the code (two redeems of one code race on one document);
  // webKeys/<uid>: which identity a web uid is on, so no uid is ever on two (read and written by _id only).
  webCodes: { permission: 'ADMINONLY', indexes: [] },
  webKeys: { permission: 'ADMINONLY', indexes: [] },
  // The daily check-in reminder walks one organisation's members who still hold a credit.
  reminderCredits: { permission: 'ADMINONLY', indexes: [{ fields: ['orgId', 'checkin'], why: "the daily check-in reminder's walk" }] },
  // Read and written by _id only (functions/lib/rateLimit.ts); expiresAt: a later cleanup deletes
  // the windows that have ended.
  rateLimits: { permission: 'ADMINONLY', indexes: [{ fields: ['expiresAt'], why: 'the sweep of ended windows (the limits read and write by _id)' }] },
  // The bank's list (status, optional type and tag filters, newest first) and the import's
  // duplicate check by content key.
  questions: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'status', 'createdAt'], why: "the bank's list, newest first" },
      { fields: ['orgId', 'status', 'type', 'createdAt'], why: "the bank's list of one type" },
      { fields: ['orgId', 'status', 'tags', 'createdAt'], why: "the bank's list of one tag (multikey)" },
      { fields: ['orgId', 'status', 'type', 'tags', 'createdAt'], why: "the bank's list of one type and tag" },
      { fields: ['orgId', 'key'], why: "the import's duplicate check" },
      // A re-import finds the questions it names by identity or by the file's own ID; the first
      // import of an older bank finds the questions without an identity (all read by orgId + ident).
      { fields: ['orgId', 'ident'], why: 're-imports: by identity' },
      { fields: ['orgId', 'ref'], why: "re-imports: by the file's own ID" },
      // Practice pools (exam/ports.ts practiceQuestions): equalities first, then the two fields
      // compared (examOnly ≠ true, pinnedUntil ≤ now or absent).
      { fields: ['orgId', 'status', 'examOnly', 'pinnedUntil'], why: 'practice pools' },
    ],
  },
  // A question's changes, newest first.
  questionHistory: { permission: 'ADMINONLY', indexes: [{ fields: ['questionId', 'at'], why: "a question's changes, newest first" }] },
  // A unit organiser's queue: the reports on the exams their subtrees own.
  questionReports: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'status', 'createdAt'], why: "org admins' queue" },
      { fields: ['orgId', 'status', 'examId', 'createdAt'], why: "a unit organiser's queue" },
    ],
  },
  questionImports: { permission: 'ADMINONLY', indexes: [] },
  // Members list exams by audience (their branch or 'ALL') and window; organisers by creation.
  exams: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'status', 'audience', 'closesAt'], why: "members' lists" },
      { fields: ['orgId', 'createdAt'], why: "organisers' lists" },
      { fields: ['orgId', 'audience', 'createdAt'], why: "organisers' lists of some units" },
      // Roll-ups: the organisation's exams by the end of their window.
      { fields: ['orgId', 'status', 'closesAt'], why: 'roll-ups' },
      // An exam's make-ups (a regrade corrects their shared pinned questions).
      { fields: ['orgId', 'parentId'], why: "an exam's make-ups" },
    ],
  },
  examPools: { permission: 'ADMINONLY', indexes: [] },
  // The exams that pinned a bank question (after its key changes, which of them grade with the old one).
  examQuestions: { permission: 'ADMINONLY', indexes: [{ fields: ['qid', 'orgId'], why: 'the exams that pinned a question' }] },
  // A member's taken exams; a branch's takers of one exam (roster, export).
  examTakers: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['memberId', 'lastSubmittedAt'], why: "a member's taken exams" },
      { fields: ['examId', 'unitId', 'name'], why: "a branch's takers of one exam (roster, export)" },
      { fields: ['examId', 'name'], why: "an exam's takers (roster, export)" },
    ],
  },
  // The open attempts of one exam (monitor) and of all exams past their deadline (sweep); one
  // member's attempts of one exam.
  examAttempts: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['examId', 'status', 'deadline'], why: 'the monitor' },
      { fields: ['status', 'deadline'], why: 'the sweep of attempts past their deadline' },
      { fields: ['examId', 'memberId', 'number'], why: "one member's attempts of one exam" },
    ],
  },
  examStats: { permission: 'ADMINONLY', indexes: [{ fields: ['examId', 'unitId'], why: "an exam's counters, branch by branch" }] },
  // Regrades after a wrong key (audit): an exam's, newest first (shown on 考试情况).
  examRegrades: { permission: 'ADMINONLY', indexes: [{ fields: ['examId', 'at'], why: "an exam's regrades, newest first" }] },
  // By _id (member and day, member, member and month, branch and day); the branch feed of shared
  // check-ins, newest first; an organisation's day, counted per branch by the daily-counter repair
  // in pages of unit ids (an organisation may pass 1,000 branches).
  checkins: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId', 'share', 'at'], why: 'the branch feed of shared check-ins' },
      { fields: ['orgId', 'day', 'unitId'], why: 'the daily-counter repair, paged by unit' },
    ],
  },
  checkinSummaries: { permission: 'ADMINONLY', indexes: [] },
  checkinMonths: { permission: 'ADMINONLY', indexes: [] },
  // Roll-ups: a subtree's units' counters over a period of days; the roll-up job's day of one organisation.
  checkinDaily: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId', 'day'], why: "a subtree's counters over a period" },
      { fields: ['orgId', 'day', 'unitId'], why: "the roll-up job's and the repair's day, paged by unit" },
    ],
  },
  // A unit's (and its root's) closed-day roll-ups over a period; the job's day of one organisation.
  checkinRollups: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId', 'day'], why: "a unit's closed days over a period" },
      { fields: ['orgId', 'day', 'unitId'], why: "the roll-up job's day, paged by unit" },
    ],
  },
  checkinRollupRuns: { permission: 'ADMINONLY', indexes: [] },
  checkinSettings: { permission: 'ADMINONLY', indexes: [] },
  // A member's challenges (their branch or the whole organisation, not long ended); an organiser's list.
  checkinChallenges: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'audience', 'endDay'], why: "members' challenges" },
      { fields: ['orgId', 'createdAt'], why: "organisers' list" },
    ],
  },
  checkinReminders: { permission: 'ADMINONLY', indexes: [] },
  checkinReminderRuns: { permission: 'ADMINONLY', indexes: [] },
  // Members: their branch's (or the whole organisation's) published events by sign-up close or by
  // end; organisers: the organisation's by creation; the reminder job: published events by start.
  events: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'status', 'audience', 'signupClosesAt'], why: "members' list by sign-up close" },
      { fields: ['orgId', 'status', 'audience', 'endsAt'], why: "members' list by end" },
      { fields: ['orgId', 'createdAt'], why: "organisers' list" },
      { fields: ['status', 'startsAt'], why: 'the reminder job' },
      // Roll-ups: the organisation's events starting in a period.
      { fields: ['orgId', 'status', 'startsAt'], why: 'roll-ups' },
    ],
  },
  // One event's registrations by status (roster, the first on the waitlist) and a member's events.
  eventRegistrations: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['eventId', 'status', 'waitAt'], why: 'by status; the first on the waitlist' },
      { fields: ['eventId', 'unitId', 'name'], why: "a branch's roster" },
      { fields: ['eventId', 'name'], why: 'the roster' },
      { fields: ['memberId', 'signedUpAt'], why: "a member's events" },
    ],
  },
  eventReminders: { permission: 'ADMINONLY', indexes: [] },
  // The feed (every kind or one, optionally a title search) on its one sort key; organisers' lists
  // by status; a member's submissions; the stories of featured members.
  posts: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'status', 'publishAt', 'sortKey', 'title'], why: 'the feed' },
      { fields: ['orgId', 'status', 'kind', 'publishAt', 'sortKey', 'title'], why: 'the feed of one kind' },
      { fields: ['orgId', 'status', 'updatedAt'], why: "organisers' lists" },
      { fields: ['authorId', 'source.type', 'createdAt'], why: '我的投稿' },
      { fields: ['orgId', 'status', 'kind', 'modelMemberId'], why: 'the stories of featured members' },
    ],
  },
  postLikes: { permission: 'ADMINONLY', indexes: [] },
  // A post's comments, newest first; the organisers' queue of reported or held ones.
  postComments: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['postId', 'status', 'at'], why: "a post's comments, newest first" },
      { fields: ['orgId', 'flagged', 'at'], why: "the organisers' queue" },
    ],
  },
  featuredMembers: { permission: 'ADMINONLY', indexes: [{ fields: ['orgId', 'featuredAt'], why: '先进典型' }] },
  // A member's history, newest first (one member's entries, never a scan).
  pointsLedger: { permission: 'ADMINONLY', indexes: [{ fields: ['memberId', 'at'], why: "one member's history, newest first" }] },
  // The timer's repair of the units' day counters: an organisation's member-days of one day,
  // grouped by unit in pages of unit ids (an organisation may pass 1,000 units).
  pointsDays: { permission: 'ADMINONLY', indexes: [{ fields: ['orgId', 'day', 'unitId'], why: "the timer's repair of the units' day counters, paged by unit" }] },
  pointsTotals: { permission: 'ADMINONLY', indexes: [] },
  // A subtree's day counters over missing days; the roll-up job's day of one organisation.
  pointsUnitDays: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId', 'day'], why: "a subtree's days not rolled up" },
      { fields: ['orgId', 'day', 'unitId'], why: 'the timer, paged by unit' },
    ],
  },
  // A unit's (and its root's) closed-day roll-ups over a period; the job's day of one organisation.
  pointsRollups: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId', 'day'], why: "a unit's closed days over a period" },
      { fields: ['orgId', 'day', 'unitId'], why: "the roll-up job's day, paged by unit" },
    ],
  },
  pointsRollupRuns: { permission: 'ADMINONLY', indexes: [] },
  pointsRules: { permission: 'ADMINONLY', indexes: [] },
  // Pools and members are read by _id only (docs/QUIZ.md); rounds too, but for the quiz timer's
  // look for scored rounds still owing their points (functions/quiz/repair.ts).
  quizPools: { permission: 'ADMINONLY', indexes: [] },
  quizMembers: { permission: 'ADMINONLY', indexes: [] },
  quizRounds: { permission: 'ADMINONLY', indexes: [{ fields: ['orgId', 'pointsAwarded', 'finishedAt'], why: "the timer's points repair" }] },
  // The roll-up job's day of one organisation.
  quizUnitDays: { permission: 'ADMINONLY', indexes: [{ fields: ['orgId', 'day', 'unitId'], why: 'the timer, paged by unit' }] },
  // A unit's subtree totals of a day; the job's day of one organisation.
  quizRollups: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['unitId', 'day'], why: "a unit's subtree totals of a day" },
      { fields: ['orgId', 'day', 'unitId'], why: "the roll-up job's day, paged by unit" },
    ],
  },
  // Organisers' list of a day's flags: the whole organisation, or their subtrees (unitPath, multikey).
  quizFlags: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'day', 'lastAt'], why: "org admins' list of a day's flags" },
      { fields: ['orgId', 'day', 'unitPath', 'lastAt'], why: "organisers' list of their subtrees (multikey)" },
    ],
  },
  // Knowledge contests (docs/QUIZ.md, 知识竞赛). Members: the published contests of their path by
  // close; organisers: those whose audience lies in their subtrees (audiencePath, multikey), newest
  // first; the timer: an organisation's published contests closing after a moment.
  contests: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'status', 'audience', 'closesAt'], why: "members' list" },
      { fields: ['orgId', 'audiencePath', 'createdAt'], why: "organisers' list (multikey)" },
      { fields: ['orgId', 'status', 'closesAt'], why: 'the timer' },
    ],
  },
  // Pools and rounds are read by _id only, but for the timer's look for counting rounds owing their points.
  contestPools: { permission: 'ADMINONLY', indexes: [] },
  contestRounds: { permission: 'ADMINONLY', indexes: [{ fields: ['orgId', 'pointsAwarded', 'finishedAt'], why: "the timer's points repair" }] },
  // The boards' top 100 and a member's rank (how many are ahead), on the totals.
  contestScores: { permission: 'ADMINONLY', indexes: [{ fields: ['contestId', 'total'], why: "总榜 and a member's rank" }] },
  contestDayScores: { permission: 'ADMINONLY', indexes: [{ fields: ['contestId', 'day', 'total'], why: "今日榜 and a member's rank" }] },
  // The timer's leaf counters of a contest's days; a unit's children's roll-ups of a day.
  contestUnits: { permission: 'ADMINONLY', indexes: [{ fields: ['contestId', 'day', 'unitId'], why: 'the timer, paged by unit' }] },
  contestRollups: { permission: 'ADMINONLY', indexes: [{ fields: ['contestId', 'day', 'unitId'], why: 'a unit and its children on the boards' }] },
  // Organisers' list of a contest's flags in their subtrees.
  contestFlags: { permission: 'ADMINONLY', indexes: [{ fields: ['contestId', 'unitPath', 'lastAt'], why: "organisers' list (multikey)" }] },
  quizSettings: { permission: 'ADMINONLY', indexes: [] },
  // The campaign context (docs/CAMPAIGNS.md). Each helper building a query adds its index here.
  // listCampaigns: those set up on an organiser's scope units or above them (unitId in their paths)
  // and those inside their subtrees (unitPath, multikey), newest first, all or of one status.
  campaigns: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['orgId', 'unitId', 'createdAt'], why: "an organiser's campaigns from above their scopes" },
      { fields: ['orgId', 'unitPath', 'createdAt'], why: "an organiser's campaigns inside their scopes (multikey)" },
      { fields: ['orgId', 'status', 'unitId', 'createdAt'], why: 'the same, of one status' },
      { fields: ['orgId', 'status', 'unitPath', 'createdAt'], why: "the same, of one status; the timer's open ones" },
    ],
  },
  // One ask's reports (reportStatus, reminders); the counts of a campaign's reports of some units
  // (getCampaign's summary: one aggregate); everything else by the deterministic _id.
  campaignReports: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['campaignId', 'askKey'], why: "one ask's reports: status, reminders" },
      { fields: ['campaignId', 'unitId'], why: "getCampaign's summary aggregate" },
    ],
  },
  // Read by _id only (`<campaignId>:<unitId>`, the evaluation reads a subtree's by their ids).
  campaignAssessments: { permission: 'ADMINONLY', indexes: [] },
  // Read and written by _id only (`<campaignId>:<askKey>:<unitId>:<day>`).
  campaignReminders: { permission: 'ADMINONLY', indexes: [] },
  // Task lists: an organiser's lists of the units of a subtree (by unit id, the tree as it is now),
  // newest first; a list's items in the order they were added. taskUnits is read by _id only.
  taskLists: { permission: 'ADMINONLY', indexes: [{ fields: ['orgId', 'unitId', 'createdAt'], why: "the lists of a subtree's units, newest first" }] },
  // 我负责的实事: a member's own items not done or done lately (doneAt null or recent), by deadline.
  taskItems: {
    permission: 'ADMINONLY',
    indexes: [
      { fields: ['listId', 'createdAt'], why: "a list's items" },
      { fields: ['ownerMemberId', 'doneAt', 'deadlineDay'], why: '我负责的实事' },
    ],
  },
  taskUnits: { permission: 'ADMINONLY', indexes: [] },
} satisfies Record<string, CollectionDeclaration>;

export type CollectionName = keyof typeof DATABASE;

/** Every collection's name, as the code writes it (`COLLECTIONS.members`). */
export const COLLECTIONS = Object.fromEntries(Object.keys(DATABASE).map((name) => [name, name])) as { readonly [K in CollectionName]: K };

/** The spec of a declared index, its name filled in. */
function specOf(decl: IndexDeclaration): IndexSpec & { name: string } {
  const spec: IndexSpec = Array.isArray(decl) ? { fields: decl } : decl;
  return { ...spec, fields: [...spec.fields], name: spec.name ?? indexName(spec.fields) };
}

/**
 * Declared indexes per collection, as the local cloud takes them (`startLocalCloud({ indexes })`):
 * each with its stable name, so the local cloud and CloudBase name an index alike.
 */
export const INDEXES: Record<CollectionName, IndexDeclaration[]> = /* @__PURE__ */ Object.fromEntries(
  Object.entries(DATABASE).map(([collection, d]: [string, CollectionDeclaration]) => [
    collection,
    d.indexes.map((decl) => {
      const { fields, unique, sparse, name } = specOf(decl);
      return { fields, name, ...(unique ? { unique } : {}), ...(sparse ? { sparse } : {}) };
    }),
  ]),
) as Record<CollectionName, IndexDeclaration[]>;

/** One collection as the deploy creates it on CloudBase. */
export interface CollectionPlan {
  name: string;
  permission: Permission;
  indexes: Array<{ name: string; fields: string[]; unique: boolean }>;
}

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const INDEX_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Problems with a declaration of the database, in words; empty when it is valid. */
export function databaseProblems(declaration: Readonly<Record<string, CollectionDeclaration>>): string[] {
  const out: string[] = [];
  for (const [collection, d] of Object.entries(declaration)) {
    if (!COLLECTION_NAME.test(collection)) out.push(`${collection}: bad collection name`);
    const permission = (d as Partial<CollectionDeclaration> | undefined)?.permission;
    if (permission === undefined) out.push(`${collection}: no permission declared`);
    else if (!Object.prototype.hasOwnProperty.call(PERMISSIONS, permission)) out.push(`${collection}: unknown permission ${String(permission)}`);
    const names = new Set<string>();
    const keys = new Set<string>();
    for (const decl of d?.indexes ?? []) {
      const spec = specOf(decl);
      const shown = spec.fields.join(', ');
      const key = spec.fields.join('\u0000');
      if (spec.fields.length > 0 && keys.has(key)) {
        out.push(`${collection}: index ${shown} declared twice`);
        continue;
      }
      keys.add(key);
      if (spec.fields.length === 0) out.push(`${collection}: an index without fields`);
      for (const f of spec.fields) if (!FIELD.test(f)) out.push(`${collection}: bad index field "${f}"`);
      if (new Set(spec.fields).size !== spec.fields.length) out.push(`${collection}: index ${shown} names a field twice`);
      if (spec.fields.length === 1 && spec.fields[0] === '_id') out.push(`${collection}: _id is indexed already`);
      if (spec.sparse) out.push(`${collection}: index ${shown} is sparse, which CloudBase cannot create`);
      const name = spec.name;
      if (!INDEX_NAME.test(name) || name.length > INDEX_NAME_MAX) out.push(`${collection}: bad index name "${name}"`);
      if (names.has(name)) out.push(`${collection}: index name ${name} used twice`);
      names.add(name);
    }
  }
  return out;
}

/** The plan of a declaration; throws, naming every problem, when it is not valid. */
export function planOf(declaration: Readonly<Record<string, CollectionDeclaration>>): CollectionPlan[] {
  const problems = databaseProblems(declaration);
  if (problems.length) throw new Error(`the database declaration (functions/lib/collections.ts) is not valid:\n${problems.join('\n')}`);
  return Object.entries(declaration).map(([name, d]) => ({
    name,
    permission: d.permission,
    indexes: d.indexes.map((decl) => {
      const spec = specOf(decl);
      return { name: spec.name, fields: spec.fields, unique: spec.unique === true };
    }),
  }));
}

/**
 * What the deploy creates on CloudBase: every collection with its permission (`AclTag`) and its
 * indexes (ascending, in the declared order, each with its stable name). Throws on a broken
 * declaration, so a deploy stops before it changes anything.
 */
export function databasePlan(): CollectionPlan[] {
  return planOf(DATABASE);
}
