// The database as code (functions/lib/collections.ts): one declaration of every collection with its
// permission and its indexes, from which the names, the local cloud's indexes and the deploy's plan
// are derived. These tests pin what a deploy would create and that nothing secret can be opened to
// a client by a slip in the declaration.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  COLLECTIONS,
  DATABASE,
  INDEXES,
  INDEX_NAME_MAX,
  PERMISSIONS,
  databasePlan,
  databaseProblems,
  indexFields,
  indexName,
  planOf,
  type CollectionDeclaration,
} from '../../functions/lib/collections';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * What no client may ever read or write, by what it holds: answer keys (the bank, the exams' pinned
 * keys, regrade records, the quiz's and contests' rounds), attempts, the roster with phones,
 * identities and binding, invite codes, the points ledger and its counters, reports and assessments,
 * check-ins with notes and photos, events (their on-site code secret), registrations, comments and
 * their reports, abuse flags, subscribe credits, rate limits, task items with their owners.
 */
const SECRET = [
  'questions',
  'questionHistory',
  'questionReports',
  'examQuestions',
  'examPools',
  'examAttempts',
  'examTakers',
  'examRegrades',
  'quizRounds',
  'quizPools',
  'contestRounds',
  'contestPools',
  'members',
  'identities',
  'bindRequests',
  'inviteCodes',
  'rosterImports',
  'pointsLedger',
  'pointsDays',
  'pointsTotals',
  'campaignReports',
  'campaignAssessments',
  'checkins',
  'events',
  'eventRegistrations',
  'postComments',
  'quizFlags',
  'contestFlags',
  'reminderCredits',
  'rateLimits',
  'taskItems',
] as const;

const declared = DATABASE as Record<string, CollectionDeclaration>;

describe('the database declaration', () => {
  it('is valid: every collection has a permission, every index valid fields and a unique name', () => {
    expect(databaseProblems(declared)).toEqual([]);
    for (const [name, d] of Object.entries(declared)) expect([name, Object.keys(PERMISSIONS).includes(d.permission)]).toEqual([name, true]);
  });

  it('keeps answer keys, attempts, rosters, identities, ledgers and reports ADMINONLY, and so every collection while no page reads one', () => {
    for (const name of SECRET) expect([name, declared[name]?.permission]).toEqual([name, 'ADMINONLY']);
    // No page opens the database itself (every read goes through a function), so no collection
    // needs a client permission; one that did would be declared otherwise, with its reason.
    for (const [name, d] of Object.entries(declared)) expect([name, d.permission]).toEqual([name, 'ADMINONLY']);
  });

  it('matches the client code: nothing under src/ opens the database directly', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const file = path.join(dir, entry);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|tsx|js)$/.test(entry)) files.push(file);
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const opening = files.filter((f) => /\.database\s*\(/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(opening).toEqual([]);
  });

  it('gives the names the code uses: COLLECTIONS.<name> is <name>, for every declared collection', () => {
    expect(Object.keys(COLLECTIONS)).toEqual(Object.keys(DATABASE));
    for (const [key, value] of Object.entries(COLLECTIONS)) expect(value).toBe(key);
    expect(COLLECTIONS.members).toBe('members');
  });

  it('gives the local cloud every declared index, in the declared field order, under its stable name', () => {
    expect(Object.keys(INDEXES)).toEqual(Object.keys(DATABASE));
    const fromDecl = indexFields(Object.fromEntries(Object.entries(declared).map(([n, d]) => [n, d.indexes])));
    expect(indexFields(INDEXES)).toEqual(fromDecl);
    expect(INDEXES.members.slice(0, 2)).toEqual([
      { fields: ['unitId', 'name'], name: 'unitId_1_name_1' },
      { fields: ['unitId', 'openid', 'name'], name: 'unitId_1_openid_1_name_1' },
    ]);
    expect(INDEXES.unitNames).toEqual([]);
  });

  it('names an index from its fields: MongoDB’s default, dots as _, long ones cut and hashed', () => {
    expect(indexName(['orgId', 'status', 'createdAt'])).toBe('orgId_1_status_1_createdAt_1');
    expect(indexName(['authorId', 'source.type', 'createdAt'])).toBe('authorId_1_source_type_1_createdAt_1');
    const long = ['organisationIdentifier', 'statusOfTheDocument', 'someVeryLongFieldName', 'anotherLongFieldName'];
    const name = indexName(long);
    expect(name.length).toBe(INDEX_NAME_MAX);
    // Pinned: a name is what a deployed index is known by; changing the rule would rename them all.
    expect(name).toBe('organisationIdentifier_1_statusOfTheDocument_1_someVery_f4b7d3ee');
    expect(indexName(long)).toBe(name);
    expect(indexName([...long.slice(0, 3), 'anotherLongFieldNamf'])).not.toBe(name);
  });

  it('plans what the deploy creates: every collection, its permission, its indexes in order; none unique (every uniqueness is an _id)', () => {
    const plan = databasePlan();
    expect(plan.map((c) => c.name)).toEqual(Object.keys(DATABASE));
    expect(plan.find((c) => c.name === 'units')).toEqual({
      name: 'units',
      permission: 'ADMINONLY',
      indexes: [
        { name: 'orgId_1_kind_1', fields: ['orgId', 'kind'], unique: false },
        { name: 'kind_1', fields: ['kind'], unique: false },
        { name: 'orgId_1_path_1', fields: ['orgId', 'path'], unique: false },
        { name: 'orgId_1_parentId_1', fields: ['orgId', 'parentId'], unique: false },
      ],
    });
    // Read by _id only: a collection with no index is still created, with its permission.
    expect(plan.find((c) => c.name === 'inviteCodes')).toEqual({ name: 'inviteCodes', permission: 'ADMINONLY', indexes: [] });
    // Pinned copies are read by _id, and by question for the stale-key list (listStaleExamKeys).
    expect(plan.find((c) => c.name === 'examQuestions')).toEqual({ name: 'examQuestions', permission: 'ADMINONLY', indexes: [{ name: 'qid_1_orgId_1', fields: ['qid', 'orgId'], unique: false }] });
    for (const c of plan) {
      for (const index of c.indexes) {
        expect(index.unique).toBe(false);
        expect(index.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(index.name.length).toBeLessThanOrEqual(INDEX_NAME_MAX);
      }
      expect(new Set(c.indexes.map((i) => i.name)).size).toBe(c.indexes.length);
    }
    expect(plan.reduce((n, c) => n + c.indexes.length, 0)).toBeGreaterThan(90);
  });

  it('refuses a broken declaration, naming each problem, before anything is planned', () => {
    const broken = {
      a: { indexes: [] },
      b: { permission: 'PUBLIC', indexes: [] },
      c: {
        permission: 'ADMINONLY',
        indexes: [['orgId', 'day'], ['orgId', 'day'], { fields: ['x'], sparse: true }, ['bad field'], ['y', 'y'], { fields: ['z'], name: 'x_1' }, [], ['_id']],
      },
      'no-good': { permission: 'ADMINONLY', indexes: [] },
    } as unknown as Record<string, CollectionDeclaration>;
    expect(databaseProblems(broken)).toEqual([
      'a: no permission declared',
      'b: unknown permission PUBLIC',
      'c: index orgId, day declared twice',
      'c: index x is sparse, which CloudBase cannot create',
      'c: bad index field "bad field"',
      'c: bad index name "bad field_1"',
      'c: index y, y names a field twice',
      'c: index name x_1 used twice',
      'c: an index without fields',
      'c: bad index name ""',
      'c: _id is indexed already',
      'no-good: bad collection name',
    ]);
    expect(() => planOf(broken)).toThrow(/not valid:\na: no permission declared\nb: unknown permission PUBLIC/);
    expect(planOf({ ok: { permission: 'ADMINWRITE', indexes: [{ fields: ['k'], unique: true }] } })).toEqual([
      { name: 'ok', permission: 'ADMINWRITE', indexes: [{ name: 'k_1', fields: ['k'], unique: true }] },
    ]);
  });
});
