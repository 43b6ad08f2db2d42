// The bank knows which questions an open window may serve (issue 15, for issue 16's practice):
// publishing an exam or creating a make-up pins every question it can put on a paper until its
// close plus 24 h (`pinnedUntil`, only ever raised), and the practice pool read by other contexts
// (`practiceQuestions`) leaves out pinned and exam-only questions in its one query.
import type { ExamDraftInput } from '../../core/contracts/exam';
import { COLLECTIONS } from '../../functions/lib/collections';
import type { Database } from '../../functions/lib/db';
import { practiceQuestions } from '../../functions/exam/ports';
import { DEMO_ORG } from '../../scripts/lib/demo-data';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// A fixed "now" in the middle of a Beijing working day.
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const ADMIN = 'demo-admin';

const ok = async <T>(action: string, payload: unknown = {}) => dataOf(await t.call<T>(ADMIN, 'exam', action, payload));

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
  await ok('installSeedBank');
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});
beforeEach(() => t.cloud.clock.set(T0));

interface Stored {
  _id: string;
  type: string;
  tags: string[];
  status: string;
  examOnly?: boolean;
  pinnedUntil?: number;
}

const questions = () => t.cloud.db.find(COLLECTIONS.questions, { orgId: DEMO_ORG.id }) as unknown as Stored[];
const pinOf = (id: string) => (t.cloud.db.get(COLLECTIONS.questions, id) as unknown as Stored).pinnedUntil;
const pinnedIds = () => questions().filter((q) => q.pinnedUntil !== undefined).map((q) => q._id).sort();

/** `n` bank questions of a type that no window has pinned yet, in a stable order. */
function unpinned(type: string, n: number): string[] {
  const ids = questions().filter((q) => q.type === type && q.status === 'active' && q.pinnedUntil === undefined).map((q) => q._id).sort().slice(0, n);
  expect(ids).toHaveLength(n);
  return ids;
}

async function draft(title: string, closesAt: number, paper: ExamDraftInput['paper']): Promise<string> {
  const exam = { title, unitIds: ['br-school'], opensAt: T0 - MIN, closesAt, durationMinutes: 20, passScore: 1, paper };
  return (await ok<{ id: string }>('saveExam', { exam })).id;
}

const fixed = (questionIds: string[]): ExamDraftInput['paper'] => ({ mode: 'fixed', questionIds });

/**
 * The database as practiceQuestions' caller hands it over, noting each request the query chain
 * sends (get, count, update…); every call goes on to the local cloud unchanged.
 */
function recording(db: Database): { db: Database; requests: string[] } {
  const requests: string[] = [];
  const SENDS = new Set(['get', 'count', 'update', 'remove', 'add', 'set', 'end']);
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop) {
        const value: unknown = Reflect.get(obj, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const out: unknown = value.apply(obj, args);
          if (SENDS.has(String(prop))) {
            requests.push(String(prop));
            return out;
          }
          return out !== null && typeof out === 'object' && !(out instanceof Promise) ? wrap(out) : out;
        };
      },
    });
  return { db: wrap(db), requests };
}

describe('publishing pins the questions an exam can serve', () => {
  it('GIVEN a fixed paper THEN its questions are pinned until the close + 24 h, no other question is, and the publish pays one write for it', async () => {
    expect(pinnedIds()).toEqual([]);
    const paper = [...unpinned('single', 4), ...unpinned('judge', 3)];
    const examId = await draft('固定试卷', T0 + 60 * MIN, fixed(paper));
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'publishExam', { examId });
    expect(result).toMatchObject({ ok: true });
    expect(pinnedIds()).toEqual([...paper].sort());
    for (const id of paper) expect(pinOf(id)).toBe(T0 + 60 * MIN + DAY);
    // Reads: identity, exam, the paper's questions, the units reached. Writes: pinned questions
    // (one batch), pool, the branch's counters, the pins (one conditional update for up to 500
    // questions: the one write added for practice), the status.
    expect([stats.reads, stats.writes]).toEqual([4, 5]);
    expect(stats.ops.filter((o) => o.collection === COLLECTIONS.questions).map((o) => o.action)).toEqual(['database.getDocument', 'database.modifyDocument']);
  });

  it('GIVEN a drawn paper THEN every question of its pool is pinned, not only a drawn few', async () => {
    const rules = [
      { type: 'single' as const, tag: '长征', count: 2 },
      { type: 'judge' as const, tag: '抗日战争', count: 1 },
    ];
    const before = pinnedIds();
    const examId = await draft('抽题试卷', T0 + 120 * MIN, { mode: 'rules', rules });
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'publishExam', { examId });
    expect(result).toMatchObject({ ok: true });
    const pool = (t.cloud.db.get(COLLECTIONS.examPools, examId) as unknown as { pool: Array<{ qid: string }> }).pool.map((p) => p.qid).sort();
    const matching = questions()
      .filter((q) => q.status === 'active' && ((q.type === 'single' && q.tags.includes('长征')) || (q.type === 'judge' && q.tags.includes('抗日战争'))))
      .map((q) => q._id)
      .sort();
    expect(pool).toEqual(matching);
    expect(pool.length).toBeGreaterThan(3);
    for (const id of pool) expect(pinOf(id)).toBe(T0 + 120 * MIN + DAY);
    expect(pinnedIds()).toEqual([...new Set([...before, ...pool])].sort());
    // The pool is under 500 questions: one conditional update pins it.
    expect(stats.ops.filter((o) => o.collection === COLLECTIONS.questions && o.action === 'database.modifyDocument')).toHaveLength(1);
  });

  it('GIVEN a question pinned by a later window THEN an exam closing earlier does not shorten its pin, and one closing later extends it', async () => {
    const [a, b, c] = unpinned('multiple', 3);
    await ok('publishExam', { examId: await draft('晚结束', T0 + 5 * 60 * MIN, fixed([a, b])) });
    await ok('publishExam', { examId: await draft('早结束', T0 + 2 * 60 * MIN, fixed([a, b, c])) });
    expect([pinOf(a), pinOf(b), pinOf(c)]).toEqual([T0 + 5 * 60 * MIN + DAY, T0 + 5 * 60 * MIN + DAY, T0 + 2 * 60 * MIN + DAY]);
    await ok('publishExam', { examId: await draft('更晚结束', T0 + 9 * 60 * MIN, fixed([b])) });
    expect([pinOf(a), pinOf(b), pinOf(c)]).toEqual([T0 + 5 * 60 * MIN + DAY, T0 + 9 * 60 * MIN + DAY, T0 + 2 * 60 * MIN + DAY]);
    // A second publish of the same exam is refused and changes no pin.
    const again = await draft('重复发布', T0 + 3 * 60 * MIN, fixed([c]));
    await ok('publishExam', { examId: again });
    await expect(t.call(ADMIN, 'exam', 'publishExam', { examId: again })).resolves.toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(pinOf(c)).toBe(T0 + 3 * 60 * MIN + DAY);
  });

  it('GIVEN two exams on the same questions published at the same moment THEN the later close wins, whichever pin lands first', async () => {
    for (const [round, closes] of [
      [1, [T0 + 2 * 60 * MIN, T0 + 7 * 60 * MIN]],
      [2, [T0 + 8 * 60 * MIN, T0 + 3 * 60 * MIN]],
    ] as const) {
      const shared = unpinned('fill', 3);
      const exams = [await draft(`同时发布${round}甲`, closes[0], fixed(shared)), await draft(`同时发布${round}乙`, closes[1], fixed(shared))];
      // Both pins are held until both have been sent, then go on together.
      const barrier = t.cloud.barrier({ action: 'database.modifyDocument', collection: COLLECTIONS.questions, parties: 2, timeoutMs: 3_000 });
      const results = await Promise.all(exams.map((examId) => t.call(ADMIN, 'exam', 'publishExam', { examId })));
      expect(results).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
      await expect(barrier.tripped).resolves.toBe(2);
      for (const id of shared) expect(pinOf(id)).toBe(Math.max(...closes) + DAY);
    }
  }, 20_000);
});

describe('a make-up pins its original’s questions until its own close', () => {
  it('GIVEN an original that closed with absentees THEN creating the make-up extends the pins to the make-up’s close + 24 h', async () => {
    const paper = unpinned('single', 5);
    const examId = await draft('原考试', T0 + 60 * MIN, fixed(paper));
    await ok('publishExam', { examId });
    for (const id of paper) expect(pinOf(id)).toBe(T0 + 60 * MIN + DAY);
    t.cloud.clock.set(T0 + 61 * MIN);
    const closesAt = T0 + 3 * DAY;
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'createMakeup', { examId, include: 'absent', opensAt: T0 + 61 * MIN, closesAt });
    expect(result).toMatchObject({ ok: true, data: { invited: expect.any(Number) } });
    for (const id of paper) expect(pinOf(id)).toBe(closesAt + DAY);
    // The pins are one conditional update, no read of the questions.
    expect(stats.ops.filter((o) => o.collection === COLLECTIONS.questions).map((o) => o.action)).toEqual(['database.modifyDocument']);
  });
});

describe('practiceQuestions: the pool practice may serve', () => {
  const safeAt = (now: number) =>
    questions()
      .filter((q) => q.status === 'active' && q.examOnly !== true && (q.pinnedUntil === undefined || q.pinnedUntil <= now))
      .map((q) => q._id)
      .sort();

  it('GIVEN pinned, exam-only and retired questions THEN one query returns only the rest, with their keys (server use)', async () => {
    const [examOnly, retired, free] = unpinned('judge', 3);
    t.cloud.db.update(COLLECTIONS.questions, { _id: examOnly }, { $set: { examOnly: true } });
    t.cloud.db.update(COLLECTIONS.questions, { _id: retired }, { $set: { status: 'retired' } });
    const rec = recording(t.db);
    const pool = await practiceQuestions(rec.db, DEMO_ORG.id, T0, 1000);
    expect(rec.requests).toEqual(['get']);
    const ids = pool.map((q) => q.id);
    expect(ids).toEqual(safeAt(T0));
    expect(ids).toContain(free);
    expect(ids).not.toContain(examOnly);
    expect(ids).not.toContain(retired);
    for (const id of pinnedIds()) expect(ids).not.toContain(id);
    expect(pool.find((q) => q.id === free)).toMatchObject({ type: 'judge', answer: [expect.any(Number)], explanation: expect.any(String), version: 1 });
    expect(pool.length).toBeGreaterThan(20);
  });

  it('GIVEN a pin THEN its questions come back at the instant it ends, an exam-only one never', async () => {
    const paper = unpinned('single', 2);
    await ok('publishExam', { examId: await draft('练习边界', T0 + 30 * MIN, fixed(paper)) });
    const until = T0 + 30 * MIN + DAY;
    const before = (await practiceQuestions(t.db, DEMO_ORG.id, until - 1, 1000)).map((q) => q.id);
    for (const id of paper) expect(before).not.toContain(id);
    const at = (await practiceQuestions(t.db, DEMO_ORG.id, until, 1000)).map((q) => q.id);
    for (const id of paper) expect(at).toContain(id);
    expect(at).toEqual(safeAt(until));
    const later = (await practiceQuestions(t.db, DEMO_ORG.id, T0 + 30 * DAY, 1000)).map((q) => q.id);
    expect(later).toEqual(safeAt(T0 + 30 * DAY));
    expect(later).not.toContain(questions().find((q) => q.examOnly === true)?._id);
  });

  it('pages by id: `after` continues where a page ended; another organisation’s questions never come', async () => {
    const all = (await practiceQuestions(t.db, DEMO_ORG.id, T0, 1000)).map((q) => q.id);
    const first = (await practiceQuestions(t.db, DEMO_ORG.id, T0, 10)).map((q) => q.id);
    const second = (await practiceQuestions(t.db, DEMO_ORG.id, T0, 10, first[first.length - 1])).map((q) => q.id);
    expect([...first, ...second]).toEqual(all.slice(0, 20));
    expect(await practiceQuestions(t.db, 'org-other', T0, 1000)).toEqual([]);
  });
});

describe('a large drawn pool is pinned in chunks', () => {
  it('GIVEN 1,200 questions matching the rules THEN three conditional updates (500, 500, 200) pin them all', async () => {
    const at = new Date(T0 - DAY);
    for (let i = 0; i < 1200; i++) {
      t.cloud.db.insert(COLLECTIONS.questions, {
        _id: `qchunk${String(i).padStart(4, '0')}`,
        orgId: DEMO_ORG.id,
        type: 'single',
        stem: `分块测试第 ${i + 1} 题`,
        options: ['甲', '乙'],
        answer: [0],
        blanks: [],
        explanation: '',
        tags: ['分块测试'],
        difficulty: 2,
        key: `chunk-${i}`,
        status: 'active',
        version: 1,
        openReports: 0,
        source: 'editor',
        createdBy: 'test',
        createdAt: at,
        updatedAt: at,
      });
    }
    const examId = await draft('大题池', T0 + 4 * 60 * MIN, { mode: 'rules', rules: [{ type: 'single', tag: '分块测试', count: 5 }] });
    const { result, stats } = await t.invoke(ADMIN, 'exam', 'publishExam', { examId });
    expect(result).toMatchObject({ ok: true });
    const chunk = questions().filter((q) => q.tags.includes('分块测试'));
    expect(chunk).toHaveLength(1200);
    for (const q of chunk) expect(q.pinnedUntil).toBe(T0 + 4 * 60 * MIN + DAY);
    expect(stats.ops.filter((o) => o.collection === COLLECTIONS.questions && o.action === 'database.modifyDocument')).toHaveLength(3);
  }, 30_000);
});
