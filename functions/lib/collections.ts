// Every collection the functions use, in one map, with the indexes each query shape needs.
// `npm start` (and the deploy guide) create these collections; the local cloud, like CloudBase,
// refuses to read or write a collection that was never created.

export const COLLECTIONS = {
  units: 'units',
  unitNames: 'unitNames',
  members: 'members',
  identities: 'identities',
  inviteCodes: 'inviteCodes',
  bindRequests: 'bindRequests',
  rosterImports: 'rosterImports',
  meta: 'meta',
  reminderCredits: 'reminderCredits',
  rateLimits: 'rateLimits',
  questions: 'questions',
  questionReports: 'questionReports',
  questionImports: 'questionImports',
  questionHistory: 'questionHistory',
  exams: 'exams',
  examPools: 'examPools',
  examQuestions: 'examQuestions',
  examTakers: 'examTakers',
  examAttempts: 'examAttempts',
  examStats: 'examStats',
  examRegrades: 'examRegrades',
  checkins: 'checkins',
  checkinSummaries: 'checkinSummaries',
  checkinMonths: 'checkinMonths',
  checkinDaily: 'checkinDaily',
  checkinSettings: 'checkinSettings',
  checkinChallenges: 'checkinChallenges',
  checkinReminders: 'checkinReminders',
  checkinReminderRuns: 'checkinReminderRuns',
  checkinRollups: 'checkinRollups',
  checkinRollupRuns: 'checkinRollupRuns',
  events: 'events',
  eventRegistrations: 'eventRegistrations',
  eventReminders: 'eventReminders',
  posts: 'posts',
  postLikes: 'postLikes',
  postComments: 'postComments',
  featuredMembers: 'featuredMembers',
  pointsLedger: 'pointsLedger',
  pointsDays: 'pointsDays',
  pointsTotals: 'pointsTotals',
  pointsUnitDays: 'pointsUnitDays',
  pointsRollups: 'pointsRollups',
  pointsRollupRuns: 'pointsRollupRuns',
  pointsRules: 'pointsRules',
  quizPools: 'quizPools',
  quizMembers: 'quizMembers',
  quizRounds: 'quizRounds',
  quizUnitDays: 'quizUnitDays',
  quizRollups: 'quizRollups',
  quizFlags: 'quizFlags',
  contests: 'contests',
  contestPools: 'contestPools',
  contestRounds: 'contestRounds',
  contestScores: 'contestScores',
  contestDayScores: 'contestDayScores',
  contestUnits: 'contestUnits',
  contestRollups: 'contestRollups',
  contestFlags: 'contestFlags',
  quizSettings: 'quizSettings',
  campaigns: 'campaigns',
  campaignReports: 'campaignReports',
  campaignAssessments: 'campaignAssessments',
  campaignReminders: 'campaignReminders',
  taskLists: 'taskLists',
  taskItems: 'taskItems',
  taskUnits: 'taskUnits',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/**
 * One declared index: its fields in order (ascending). `unique`: no two documents share a key (a
 * missing field counts as null, as in MongoDB, unless `sparse`); `name` defaults to MongoDB's
 * `a_1_b_1`. A plain field list is a non-unique index on those fields.
 */
export interface IndexSpec {
  fields: string[];
  unique?: boolean;
  sparse?: boolean;
  name?: string;
}
export type IndexDeclaration = string[] | IndexSpec;

/** The fields of each declared index, whichever form it is declared in (what the coverage rule reads). */
export function indexFields(indexes: Readonly<Record<string, readonly IndexDeclaration[]>>): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const [collection, declared] of Object.entries(indexes)) {
    out[collection] = declared.map((d) => (Array.isArray(d) ? [...d] : [...d.fields]));
  }
  return out;
}

/**
 * Declared indexes, per collection: each entry is one compound index, a field list or an
 * `IndexSpec`. The test cloud and `npm start` give them to the local cloud (which enforces the
 * unique ones), and every integration test checks each query shape it served has one; in
 * production they are created in the CloudBase console (see docs/DATA-MODEL.md). None is unique:
 * every uniqueness rule of the project is an `_id` (identities/<openid>, inviteCodes/<code>, the
 * unitNames guard, derived ids), which holds in CloudBase without any console setup.
 */
export const INDEXES: Record<CollectionName, IndexDeclaration[]> = {
  // kind: the admin:grant command finds organisation roots; path: a subtree (multikey on the
  // array of ancestors); parentId: a unit's children.
  units: [['orgId', 'kind'], ['kind'], ['orgId', 'path'], ['orgId', 'parentId']],
  unitNames: [],
  // unitPath: every member of a subtree (multikey), for a moved unit's path rewrite and subtree rosters.
  // sortKey: the roster page (pinyin order), all or bound/unbound only; name: same-name lookups
  // (binding, the import's duplicate check) and the by-name lists of other contexts.
  // orgId, role: the organisers page.
  members: [
    ['unitId', 'name'],
    ['unitId', 'openid', 'name'],
    ['orgId'],
    ['unitPath'],
    // The console's gap lists: a subtree's members in roster order (functions/org/memberPorts.ts).
    ['unitPath', 'sortKey'],
    ['unitId'],
    ['unitId', 'sortKey'],
    ['unitId', 'openid', 'sortKey'],
    ['orgId', 'role'],
  ],
  // unitId: the identities of one unit's members, for a moved unit's path rewrite.
  identities: [['unitId']],
  inviteCodes: [],
  bindRequests: [['unitId', 'status', 'createdAt']],
  rosterImports: [['unitId', 'createdAt']],
  meta: [],
  // The daily check-in reminder walks one organisation's members who still hold a credit.
  reminderCredits: [['orgId', 'checkin']],
  // Read and written by _id only (functions/lib/rateLimit.ts); expiresAt: a later cleanup deletes
  // the windows that have ended.
  rateLimits: [['expiresAt']],
  // The bank's list (status, optional type and tag filters, newest first) and the import's
  // duplicate check by content key.
  questions: [
    ['orgId', 'status', 'createdAt'],
    ['orgId', 'status', 'type', 'createdAt'],
    ['orgId', 'status', 'tags', 'createdAt'],
    ['orgId', 'status', 'type', 'tags', 'createdAt'],
    ['orgId', 'key'],
    // A re-import finds the questions it names by identity or by the file's own ID; the first
    // import of an older bank finds the questions without an identity (all read by orgId + ident).
    ['orgId', 'ident'],
    ['orgId', 'ref'],
    // Practice pools (exam/ports.ts practiceQuestions): equalities first, then the two fields
    // compared (examOnly ≠ true, pinnedUntil ≤ now or absent).
    ['orgId', 'status', 'examOnly', 'pinnedUntil'],
  ],
  // A question's changes, newest first.
  questionHistory: [['questionId', 'at']],
  // A unit organiser's queue: the reports on the exams their subtrees own.
  questionReports: [['orgId', 'status', 'createdAt'], ['orgId', 'status', 'examId', 'createdAt']],
  questionImports: [],
  // Members list exams by audience (their branch or 'ALL') and window; organisers by creation.
  exams: [
    ['orgId', 'status', 'audience', 'closesAt'],
    ['orgId', 'createdAt'],
    ['orgId', 'audience', 'createdAt'],
    // Roll-ups: the organisation's exams by the end of their window.
    ['orgId', 'status', 'closesAt'],
    // An exam's make-ups (a regrade corrects their shared pinned questions).
    ['orgId', 'parentId'],
  ],
  examPools: [],
  examQuestions: [],
  // A member's taken exams; a branch's takers of one exam (roster, export).
  examTakers: [
    ['memberId', 'lastSubmittedAt'],
    ['examId', 'unitId', 'name'],
    ['examId', 'name'],
  ],
  // The open attempts of one exam (monitor) and of all exams past their deadline (sweep); one
  // member's attempts of one exam.
  examAttempts: [
    ['examId', 'status', 'deadline'],
    ['status', 'deadline'],
    ['examId', 'memberId', 'number'],
  ],
  examStats: [['examId', 'unitId']],
  // Regrades after a wrong key (audit), read by _id.
  examRegrades: [],
  // By _id (member and day, member, member and month, branch and day); the branch feed of shared
  // check-ins, newest first; an organisation's day, counted per branch by the daily-counter repair.
  checkins: [
    ['unitId', 'share', 'at'],
    ['orgId', 'day'],
  ],
  checkinSummaries: [],
  checkinMonths: [],
  // Roll-ups: a subtree's units' counters over a period of days; the roll-up job's day of one organisation.
  checkinDaily: [
    ['unitId', 'day'],
    ['orgId', 'day'],
  ],
  // A unit's (and its root's) closed-day roll-ups over a period; the job's day of one organisation.
  checkinRollups: [
    ['unitId', 'day'],
    ['orgId', 'day'],
  ],
  checkinRollupRuns: [],
  checkinSettings: [],
  // A member's challenges (their branch or the whole organisation, not long ended); an organiser's list.
  checkinChallenges: [
    ['orgId', 'audience', 'endDay'],
    ['orgId', 'createdAt'],
  ],
  checkinReminders: [],
  checkinReminderRuns: [],
  // Members: their branch's (or the whole organisation's) published events by sign-up close or by
  // end; organisers: the organisation's by creation; the reminder job: published events by start.
  events: [
    ['orgId', 'status', 'audience', 'signupClosesAt'],
    ['orgId', 'status', 'audience', 'endsAt'],
    ['orgId', 'createdAt'],
    ['status', 'startsAt'],
    // Roll-ups: the organisation's events starting in a period.
    ['orgId', 'status', 'startsAt'],
  ],
  // One event's registrations by status (roster, the first on the waitlist) and a member's events.
  eventRegistrations: [
    ['eventId', 'status', 'waitAt'],
    ['eventId', 'unitId', 'name'],
    ['eventId', 'name'],
    ['memberId', 'signedUpAt'],
  ],
  eventReminders: [],
  // The feed (every kind or one, optionally a title search) on its one sort key; organisers' lists
  // by status; a member's submissions; the stories of featured members.
  posts: [
    ['orgId', 'status', 'publishAt', 'sortKey', 'title'],
    ['orgId', 'status', 'kind', 'publishAt', 'sortKey', 'title'],
    ['orgId', 'status', 'updatedAt'],
    ['authorId', 'source.type', 'createdAt'],
    ['orgId', 'status', 'kind', 'modelMemberId'],
  ],
  postLikes: [],
  // A post's comments, newest first; the organisers' queue of reported or held ones.
  postComments: [
    ['postId', 'status', 'at'],
    ['orgId', 'flagged', 'at'],
  ],
  featuredMembers: [['orgId', 'featuredAt']],
  // A member's history, newest first (one member's entries, never a scan).
  pointsLedger: [['memberId', 'at']],
  // The timer's repair of the units' day counters: an organisation's member-days of one day.
  pointsDays: [['orgId', 'day']],
  pointsTotals: [],
  // A subtree's day counters over missing days; the roll-up job's day of one organisation.
  pointsUnitDays: [
    ['unitId', 'day'],
    ['orgId', 'day'],
  ],
  // A unit's (and its root's) closed-day roll-ups over a period; the job's day of one organisation.
  pointsRollups: [
    ['unitId', 'day'],
    ['orgId', 'day'],
  ],
  pointsRollupRuns: [],
  pointsRules: [],
  // Pools and members are read by _id only (docs/QUIZ.md); rounds too, but for the quiz timer's
  // look for scored rounds still owing their points (functions/quiz/repair.ts).
  quizPools: [],
  quizMembers: [],
  quizRounds: [['orgId', 'pointsAwarded', 'finishedAt']],
  // The roll-up job's day of one organisation.
  quizUnitDays: [['orgId', 'day']],
  // A unit's subtree totals of a day; the job's day of one organisation.
  quizRollups: [
    ['unitId', 'day'],
    ['orgId', 'day'],
  ],
  // Organisers' list of a day's flags: the whole organisation, or their subtrees (unitPath, multikey).
  quizFlags: [
    ['orgId', 'day', 'lastAt'],
    ['orgId', 'day', 'unitPath', 'lastAt'],
  ],
  // Knowledge contests (docs/QUIZ.md, 知识竞赛). Members: the published contests of their path by
  // close; organisers: those whose audience lies in their subtrees (audiencePath, multikey), newest
  // first; the timer: an organisation's published contests closing after a moment.
  contests: [
    ['orgId', 'status', 'audience', 'closesAt'],
    ['orgId', 'audiencePath', 'createdAt'],
    ['orgId', 'status', 'closesAt'],
  ],
  // Pools and rounds are read by _id only, but for the timer's look for counting rounds owing their points.
  contestPools: [],
  contestRounds: [['orgId', 'pointsAwarded', 'finishedAt']],
  // The boards' top 100 and a member's rank (how many are ahead), on the totals.
  contestScores: [['contestId', 'total']],
  contestDayScores: [['contestId', 'day', 'total']],
  // The timer's leaf counters of a contest's days; a unit's children's roll-ups of a day.
  contestUnits: [['contestId', 'day']],
  contestRollups: [['contestId', 'day', 'unitId']],
  // Organisers' list of a contest's flags in their subtrees.
  contestFlags: [['contestId', 'unitPath', 'lastAt']],
  quizSettings: [],
  // The campaign context (docs/CAMPAIGNS.md). Each helper building a query adds its index here.
  // listCampaigns: those set up on an organiser's scope units or above them (unitId in their paths)
  // and those inside their subtrees (unitPath, multikey), newest first, all or of one status.
  campaigns: [['orgId', 'unitId', 'createdAt'], ['orgId', 'unitPath', 'createdAt'], ['orgId', 'status', 'unitId', 'createdAt'], ['orgId', 'status', 'unitPath', 'createdAt']],
  // One ask's reports (reportStatus, reminders); the counts of a campaign's reports of some units
  // (getCampaign's summary: one aggregate); everything else by the deterministic _id.
  campaignReports: [
    ['campaignId', 'askKey'],
    ['campaignId', 'unitId'],
  ],
  // Read by _id only (`<campaignId>:<unitId>`, the evaluation reads a subtree's by their ids).
  campaignAssessments: [],
  // Read and written by _id only (`<campaignId>:<askKey>:<unitId>:<day>`).
  campaignReminders: [],
  // Task lists: an organiser's lists of the units of a subtree (by unit id, the tree as it is now),
  // newest first; a list's items in the order they were added. taskUnits is read by _id only.
  taskLists: [['orgId', 'unitId', 'createdAt']],
  // 我负责的实事: a member's own items not done or done lately (doneAt null or recent), by deadline.
  taskItems: [
    ['listId', 'createdAt'],
    ['ownerMemberId', 'doneAt', 'deadlineDay'],
  ],
  taskUnits: [],
};
