// A question's changes and their history, against the local cloud (issue 15): the editor saves what
// the import accepts (a 不定项 question with one correct option); a change and its history record
// land together (test barriers hold the record's write while the database is read all the while),
// and a change that loses a race writes neither; 仅用于考试 from a file, the editor and the
// template; and 修改记录 (listQuestionHistory): who changed what, when and from where, to the
// bank's organisers only, with no line naming a key held from the reader.
import type { Page, QuestionChange } from '../../core/contracts';
import type { QuestionSheetReport } from '../../core/contracts/examImport';
import { COLLECTIONS } from '../../functions/lib/collections';
import { grantAdmin, rootUnit } from '../../scripts/lib/setup';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const ADMIN = 'demo-admin'; // org admin, in no exam's audience here: no key is held from them
const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);

const exam = <T>(openid: string, action: string, payload: unknown) => t.call<T>(openid, 'exam', action, payload);
const ok = async <T>(action: string, payload: unknown, openid = ADMIN) => dataOf(await exam<T>(openid, action, payload));
const csvFile = (name: string, lines: string[]) => t.uploadAs(ADMIN, 'exam', 'sheet', name, Buffer.from(['\uFEFF' + lines[0], ...lines.slice(1)].join('\r\n'), 'utf8'));
const importFile = async (lines: string[], fileName: string) => {
  const fileID = await csvFile(fileName, lines);
  const preview = await ok<QuestionSheetReport>('importQuestions', { fileID, fileName, commit: false });
  return ok<QuestionSheetReport>('importQuestions', { fileID, fileName, commit: true, plan: preview.plan });
};

interface Stored {
  _id: string;
  type: string;
  options: string[];
  answer: number[];
  version: number;
}
const stored = (stem: string) => t.cloud.db.find('questions', { stem })[0] as unknown as Stored;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
}, 60_000);
afterAll(async () => {
  t.cloud.clock.reset();
  await t?.close();
});

describe('a 不定项 question with one correct option', () => {
  const STEM = '修改记录测试：下列说法正确的是？';

  it('GIVEN the import stored it WHEN an organiser saves it in the editor THEN it is saved, not refused', async () => {
    const report = await importFile(['题型,题干,选项A,选项B,选项C,答案', `不定项,${STEM},甲,乙,丙,B`], '不定项.csv');
    expect(report).toMatchObject({ created: 1, invalid: 0 });
    const q = stored(STEM);
    expect(q).toMatchObject({ type: 'multiple', answer: [1], version: 1 });
    const saved = await exam(ADMIN, 'saveQuestion', { questionId: q._id, question: { type: 'multiple', stem: STEM, options: q.options, answer: [1], explanation: '只有乙对' } });
    expect(saved).toMatchObject({ ok: true, data: { version: 2, answer: [1] } });
    expect(stored(STEM)).toMatchObject({ answer: [1], version: 2 });
  });

  it('GIVEN a new question WHEN the editor sends one correct option THEN it needs the 不定项 choice, as a file needs the 不定项 type', async () => {
    const question = { type: 'multiple', stem: '修改记录测试：新建的不定项题？', options: ['甲', '乙', '丙'], answer: [2] };
    await expect(exam(ADMIN, 'saveQuestion', { question })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '多选题至少应有两个正确答案' });
    expect(stored(question.stem)).toBeUndefined();
    await expect(exam(ADMIN, 'saveQuestion', { question: { ...question, indefinite: true } })).resolves.toMatchObject({ ok: true, data: { type: 'multiple', answer: [2] } });
  });
});

describe('a change of a question and its history record are written together', () => {
  interface Record_ {
    _id: string;
    version: number;
    after: { answer: number[] };
  }
  const historyOf = (questionId: string) => t.cloud.db.find('questionHistory', { questionId }) as unknown as Record_[];
  /** The record of the version a question stands at: in the history, or (an import's) still on the question. */
  const recordOf = (id: string, version: number) => {
    const q = t.cloud.db.get('questions', id) as { lastChange?: { version: number } | null } | undefined;
    return t.cloud.db.get('questionHistory', `${id}_v${version}`) ?? (q?.lastChange?.version === version ? q.lastChange : undefined);
  };

  /** Runs `action` while barriers hold the history writes; every state seen where a changed question has no record. */
  async function watch(id: string, action: () => Promise<unknown>): Promise<string[]> {
    const held = ['database.insertDocument', 'database.modifyDocument'].map((a) => t.cloud.barrier({ action: a, collection: 'questionHistory', parties: 2, timeoutMs: 1_500 }));
    const seen: string[] = [];
    const note = () => {
      const q = t.cloud.db.get('questions', id) as { version: number } | undefined;
      if (q && q.version > 1 && !recordOf(id, q.version) && !seen.includes(`v${q.version}`)) seen.push(`v${q.version}`);
    };
    let done = false;
    const call = action().finally(() => {
      done = true;
    });
    while (!done) {
      note();
      await new Promise((r) => setTimeout(r, 10));
    }
    const answer = await call;
    held.forEach((b) => b.cancel());
    note();
    expect(answer).toMatchObject({ ok: true });
    return seen;
  }

  it('GIVEN the editor changes a question THEN it is never seen changed without its history record', async () => {
    const STEM = '修改记录测试：遵义会议召开于哪一年？';
    const q = await ok<{ id: string }>('saveQuestion', { question: { type: 'single', stem: STEM, options: ['1934', '1935'], answer: [0] } });
    const seen = await watch(q.id, () => exam(ADMIN, 'saveQuestion', { questionId: q.id, question: { type: 'single', stem: STEM, options: ['1934', '1935'], answer: [1] } }));
    expect(seen).toEqual([]);
    expect(stored(STEM)).toMatchObject({ answer: [1], version: 2 });
    expect(historyOf(q.id)).toEqual([expect.objectContaining({ _id: `${q.id}_v2`, version: 2, source: 'editor', changes: ['答案 A → B'] })]);
  });

  it('GIVEN a re-import changes a question THEN it is never seen changed without its record', async () => {
    const head = '题型,题干,选项A,选项B,答案';
    const STEM = '修改记录测试：一大在哪里开幕？';
    await importFile([head, `单选,${STEM},上海,北京,B`], '一大.csv');
    const id = stored(STEM)._id;
    const fileID = await csvFile('一大（更正）.csv', [head, `单选,${STEM},上海,北京,A`]);
    const preview = await ok<QuestionSheetReport>('importQuestions', { fileID, fileName: '一大（更正）.csv', commit: false });
    const seen = await watch(id, () => exam(ADMIN, 'importQuestions', { fileID, fileName: '一大（更正）.csv', commit: true, plan: preview.plan }));
    expect(seen).toEqual([]);
    expect(historyOf(id)).toEqual([expect.objectContaining({ version: 2, source: 'import', fileName: '一大（更正）.csv', changes: ['答案 B → A'] })]);
  });

  it('GIVEN an import’s record whose copy did not land THEN the next change, by the editor or another import, copies it first', async () => {
    const head = '题型,题干,选项A,选项B,答案';
    const STEM = '修改记录测试：古田会议召开于哪一年？';
    await importFile([head, `单选,${STEM},1928,1929,A`], '古田.csv');
    const id = stored(STEM)._id;
    await importFile([head, `单选,${STEM},1928,1929,B`], '古田（更正）.csv');
    expect(t.cloud.db.get('questions', id)).toMatchObject({ version: 2, lastChange: { _id: `${id}_v2`, changes: ['答案 A → B'] } });
    // As a call stopped between the change and the copy leaves it:
    t.cloud.db.remove('questionHistory', { _id: `${id}_v2` });
    await importFile([head, `单选,${STEM},1928,1929,A`], '古田（再改）.csv');
    expect(historyOf(id).map((r) => [r._id, r.after.answer])).toEqual([
      [`${id}_v2`, [1]],
      [`${id}_v3`, [0]],
    ]);
    t.cloud.db.remove('questionHistory', { _id: `${id}_v3` });
    await ok('saveQuestion', { questionId: id, question: { type: 'single', stem: STEM, options: ['1928', '1929'], answer: [1] } });
    expect(historyOf(id).map((r) => r._id).sort()).toEqual([`${id}_v2`, `${id}_v3`, `${id}_v4`]);
    expect(t.cloud.db.get('questions', id)).toMatchObject({ version: 4, lastChange: null });
  });

  it('GIVEN a question is retired and restored THEN each is a record of who and when, and a repeated tap writes nothing', async () => {
    const STEM = '修改记录测试：停用的题？';
    const q = await ok<{ id: string }>('saveQuestion', { question: { type: 'judge', stem: STEM, options: ['正确', '错误'], answer: [0] } });
    await ok('setQuestionStatus', { questionId: q.id, status: 'retired' });
    await ok('setQuestionStatus', { questionId: q.id, status: 'retired' });
    expect(historyOf(q.id)).toEqual([expect.objectContaining({ version: 1, changes: ['停用（新考试不再用这道题）'], by: expect.any(String) })]);
    t.cloud.clock.set(T0 + 60_000);
    await ok('setQuestionStatus', { questionId: q.id, status: 'active' });
    expect(historyOf(q.id).map((r) => (r as unknown as { changes: string[] }).changes[0]).sort()).toEqual(['停用（新考试不再用这道题）', '恢复使用'].sort());
    expect(stored(STEM)).toMatchObject({ version: 1 });
    t.cloud.clock.set(T0);
  });

  it('GIVEN two organisers save one question at once THEN one change lands with one record and the other writes neither', async () => {
    const STEM = '修改记录测试：党的二十大召开于哪一年？';
    const q = await ok<{ id: string }>('saveQuestion', { question: { type: 'single', stem: STEM, options: ['2021', '2022', '2023'], answer: [0] } });
    // Both read the question before either writes.
    t.cloud.barrier({ action: 'database.getDocument', collection: 'questions', parties: 2, timeoutMs: 3_000 });
    const edit = (answer: number) => exam(answer === 1 ? ADMIN : 'demo-organiser', 'saveQuestion', { questionId: q.id, question: { type: 'single', stem: STEM, options: ['2021', '2022', '2023'], answer: [answer] } });
    const answers = await Promise.all([edit(1), edit(2)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const now = stored(STEM);
    expect(now.version).toBe(2);
    expect(historyOf(q.id)).toEqual([expect.objectContaining({ version: 2, after: expect.objectContaining({ answer: now.answer }) })]);
  });
});

describe('仅用于考试', () => {
  const HEAD = '题型,题干,选项A,选项B,答案,仅考试';
  const STEM = '修改记录测试：仅考试的题？';
  const detail = (id: string) => ok<{ examOnly: boolean; version: number }>('getQuestion', { questionId: id });

  it('GIVEN a file with a 仅考试 column THEN its questions are stored as such, and the preview says so', async () => {
    const fileID = await csvFile('仅考试.csv', [HEAD, `单选,${STEM},甲,乙,A,是`, '单选,修改记录测试：普通的题？,甲,乙,B,', '单选,修改记录测试：写错的题？,甲,乙,B,也许']);
    const preview = await ok<QuestionSheetReport>('importQuestions', { fileID, fileName: '仅考试.csv', commit: false });
    expect(preview.rows.map((r) => [r.status, r.question?.examOnly ?? null, r.column])).toEqual([
      ['ready', true, null],
      ['ready', false, null],
      ['invalid', null, '仅考试'],
    ]);
    await ok('importQuestions', { fileID, fileName: '仅考试.csv', commit: true, plan: preview.plan });
    expect(stored(STEM)).toMatchObject({ examOnly: true });
    await expect(detail(stored(STEM)._id)).resolves.toMatchObject({ examOnly: true });
    const page = await ok<{ items: Array<{ id: string; examOnly: boolean }> }>('listQuestions', { status: 'active', limit: 50 });
    expect(page.items.find((q) => q.id === stored(STEM)._id)).toMatchObject({ examOnly: true });
  });

  it('GIVEN a re-import that flips it THEN the question is updated with the change line and its history; a file without the column keeps it', async () => {
    const id = stored(STEM)._id;
    const fileID = await csvFile('仅考试（改）.csv', [HEAD, `单选,${STEM},甲,乙,A,否`]);
    const preview = await ok<QuestionSheetReport>('importQuestions', { fileID, fileName: '仅考试（改）.csv', commit: false });
    expect(preview.rows[0]).toMatchObject({ status: 'update', change: '仅用于考试 是 → 否' });
    await ok('importQuestions', { fileID, fileName: '仅考试（改）.csv', commit: true, plan: preview.plan });
    expect(stored(STEM)).toMatchObject({ examOnly: false, version: 2 });
    expect(t.cloud.db.find('questionHistory', { questionId: id })).toEqual([expect.objectContaining({ version: 2, source: 'import', changes: ['仅用于考试 是 → 否'] })]);

    await ok('saveQuestion', { questionId: id, question: { type: 'single', stem: STEM, options: ['甲', '乙'], answer: [0], examOnly: true } });
    await expect(detail(id)).resolves.toMatchObject({ examOnly: true, version: 3 });
    const without = await importFile(['题型,题干,选项A,选项B,答案', `单选,${STEM},甲,乙,A`], '无此列.csv');
    expect(without).toMatchObject({ update: 0, unchanged: 1 });
    expect(stored(STEM)).toMatchObject({ examOnly: true, version: 3 });
  });

  it('GIVEN the downloaded template THEN its examples import as they are, the one marked 是 kept for exams', async () => {
    const tpl = await ok<{ fileID: string; fileName: string }>('questionTemplate', {});
    const bytes = (await t.sdk.downloadFile({ fileID: tpl.fileID })).fileContent as Buffer;
    const fileID = await t.uploadAs(ADMIN, 'exam', 'sheet', tpl.fileName, bytes);
    const preview = await ok<QuestionSheetReport>('importQuestions', { fileID, fileName: tpl.fileName, commit: false });
    expect(preview).toMatchObject({ sheet: '题目', total: 4, invalid: 0 });
    expect(preview.rows.map((r) => [r.type, r.question?.examOnly])).toEqual([
      ['single', false],
      ['multiple', false],
      ['judge', true],
      ['fill', false],
    ]);
  });

  it('GIVEN a question stored before the field existed THEN it reads as not exam-only', async () => {
    const q = await ok<{ id: string }>('saveQuestion', { question: { type: 'judge', stem: '修改记录测试：旧题？', options: ['正确', '错误'], answer: [0] } });
    t.cloud.db.update('questions', { _id: q.id }, { $unset: { examOnly: '' } });
    expect(t.cloud.db.get('questions', q.id)).not.toHaveProperty('examOnly');
    await expect(detail(q.id)).resolves.toMatchObject({ examOnly: false });
  });
});

describe('修改记录 (listQuestionHistory)', () => {
  const STEM = '修改记录测试：中国共产党成立于哪一年？';
  const OPTIONS = ['1919年', '1920年', '1921年'];
  let id: string;
  const history = (openid = ADMIN, cursor?: string) => exam<Page<QuestionChange>>(openid, 'listQuestionHistory', { questionId: id, ...(cursor ? { cursor } : {}) });

  beforeAll(async () => {
    t.cloud.clock.set(T0 + 3_600_000);
    await importFile(['题型,题干,选项A,选项B,选项C,答案', `单选,${STEM},${OPTIONS.join(',')},B`], '建党.csv');
    id = stored(STEM)._id;
    t.cloud.clock.set(T0 + 3_660_000);
    await importFile(['题型,题干,选项A,选项B,选项C,答案,仅用于考试', `单选,${STEM},${OPTIONS.join(',')},C,是`], '建党（更正）.csv');
    t.cloud.clock.set(T0 + 3_720_000);
    await ok('saveQuestion', { questionId: id, question: { type: 'single', stem: STEM, options: OPTIONS, answer: [2], explanation: '1921年7月一大召开。', examOnly: true } });
    t.cloud.clock.set(T0 + 3_780_000);
    await ok('setQuestionStatus', { questionId: id, status: 'retired' });
  });

  it('GIVEN an organiser of the bank THEN they read who changed what, when and from where, newest first', async () => {
    const page = dataOf(await history());
    expect(page.nextCursor).toBeNull();
    // The test clock runs on from where it is set: minutes after T0.
    expect(page.items.map((c) => [c.version, Math.floor((c.at - T0) / 60_000), c.byName, c.source, c.fileName, c.changes, c.keyHeld])).toEqual([
      [3, 63, '张伟', 'editor', null, ['停用（新考试不再用这道题）'], false],
      [3, 62, '张伟', 'editor', null, ['新增解析：“1921年7月一大召开。”'], false],
      [2, 61, '张伟', 'import', '建党（更正）.csv', ['答案 B → C', '仅用于考试 否 → 是'], false],
    ]);
    // Change lines only: the contents before and after stay on the server.
    expect(JSON.stringify(page)).not.toMatch(/"(before|after|answer|blanks|explanation)"/);
  });

  it('GIVEN an import’s record whose copy did not land THEN the history still shows it, from the question', async () => {
    const head = '题型,题干,选项A,选项B,选项C,答案';
    t.cloud.clock.set(T0 + 3_840_000);
    await importFile([head, `单选,${STEM},${OPTIONS.join(',')},A`], '建党（三改）.csv');
    t.cloud.db.remove('questionHistory', { _id: `${id}_v4` });
    const page = dataOf(await history());
    expect(page.items[0]).toMatchObject({ id: `${id}_v4`, version: 4, fileName: '建党（三改）.csv', changes: ['答案 C → A'] });
    expect(page.items).toHaveLength(4);
  });

  it('pages newest first by a cursor, 20 a page', async () => {
    for (let i = 0; i < 18; i++) {
      t.cloud.clock.set(T0 + 4_000_000 + i * 60_000);
      await ok('saveQuestion', { questionId: id, question: { type: 'single', stem: STEM, options: OPTIONS, answer: [i % 3], examOnly: true } });
    }
    const first = dataOf(await history());
    expect(first.items).toHaveLength(20);
    expect(first.items[0].version).toBe(22);
    const second = dataOf(await history(ADMIN, first.nextCursor ?? undefined));
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(22);
    expect(new Set(all.map((c) => c.id)).size).toBe(22);
    expect(all.map((c) => c.at)).toEqual([...all.map((c) => c.at)].sort((a, b) => b - a));
  });

  it('refuses a member, and an organiser of another organisation finds no such question', async () => {
    await expect(history('demo-member')).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await t.db.collection(COLLECTIONS.units).add({ data: { ...rootUnit('org-history-foreign', '外单位', new Date(T0)) } });
    await grantAdmin(t.db, { openid: 'history-foreign-admin', orgId: 'org-history-foreign', name: '外单位管理员' });
    await expect(history('history-foreign-admin')).resolves.toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await expect(exam('demo-member', 'listQuestionHistory', { questionId: id, cursor: 'x'.repeat(201) })).resolves.toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('GIVEN the organiser may still take an open exam carrying the question THEN no line names its key', async () => {
    const now = t.cloud.clock.now();
    await ok('setQuestionStatus', { questionId: id, status: 'active' });
    const saved = await ok<{ id: string }>('saveExam', {
      exam: { title: '修改记录测试', unitIds: ['br-school'], opensAt: now - 60_000, closesAt: now + 3_600_000, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [id] }, passScore: 1 },
    });
    await ok('publishExam', { examId: saved.id });
    // 李强 organises 实验中学 and may sit its exam: the key is held from him.
    const first = dataOf(await history('demo-organiser'));
    const all = [...first.items, ...dataOf(await history('demo-organiser', first.nextCursor ?? undefined)).items];
    expect(all.every((c) => c.keyHeld)).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/答案 [A-H对错]/);
    expect(all.find((c) => c.fileName === '建党（更正）.csv')?.changes).toEqual(['答案有改动', '仅用于考试 否 → 是']);
    // The org admin is outside that exam's audience: he reads the lines whole.
    expect(dataOf(await history()).items.some((c) => /^答案 [A-C] → [A-C]$/.test(c.changes[0]))).toBe(true);
    const { result, stats } = await t.invoke('demo-organiser', 'exam', 'listQuestionHistory', { questionId: id });
    expect(result).toMatchObject({ ok: true });
    // identity, question, open windows, taker documents, the page, the names
    expect([stats.reads, stats.writes]).toEqual([6, 0]);
  });
});

