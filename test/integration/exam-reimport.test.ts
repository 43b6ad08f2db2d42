// Re-importing a corrected bank (issue 15), against the local cloud: a question is found by the
// file's ID column or by its type and folded stem; a changed answer or tag updates it after a
// preview that says row by row what changes; each update keeps its history; an exam published
// before keeps the key it pinned; two rows of one file naming one question are merged or refused.
import type { QuestionSheetReport } from '../../core/contracts/examImport';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const ORGANISER = 'demo-admin'; // org admin, not in the exam's audience: the bank's keys are not held from them
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度';

type Report = QuestionSheetReport;
const exam = <T>(action: string, payload: unknown) => t.call<T>(ORGANISER, 'exam', action, payload);
const ok = async <T>(action: string, payload: unknown) => dataOf(await exam<T>(action, payload));
const csvFile = (name: string, lines: string[]) => t.uploadAs(ORGANISER, 'exam', 'sheet', name, Buffer.from(['\uFEFF' + lines[0], ...lines.slice(1)].join('\r\n'), 'utf8'));
const importFile = (fileID: string, fileName: string, commit: boolean, plan?: string) => ok<Report>('importQuestions', { fileID, fileName, commit, ...(plan ? { plan } : {}) });

interface Stored {
  _id: string;
  answer: number[];
  tags: string[];
  version: number;
  ident?: string;
}
const stored = (stem: string) => t.cloud.db.find('questions', { stem })[0] as unknown as Stored;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const ZUNYI = '重导测试：遵义会议召开于哪一年？';
const SIHI = '重导测试：下列属于四史的是？';
const V1 = [
  HEADER,
  `单选,${ZUNYI},1934,1935,1936,1937,A,,党史,易`,
  `多选,${SIHI},党史,新中国史,改革开放史,世界史,ABC,,党史,中`,
  '判断,重导测试：预备期为一年。,,,,,对,,党章党规,易',
  '填空,重导测试：中共一大在（）开幕。,,,,,上海,,党史,易',
];
const V2 = [
  HEADER,
  `单选,${ZUNYI},1934,1935,1936,1937,B,,党史,易`,
  `多选,${SIHI},党史,新中国史,改革开放史,世界史,ABC,,党史、四史学习,中`,
  '判断,重导测试：预备期为一年。,,,,,对,,党章党规,易',
  '填空,重导测试：中共一大在（）开幕。,,,,,上海,,党史,易',
  '判断,重导测试：新加的一题。,,,,,错,,党史,易',
  `单选,${ZUNYI},1934,1935,1936,1937,B,,党史,易`,
  `多选,${SIHI},党史,新中国史,改革开放史,世界史,ABD,,党史,中`,
];

describe('re-importing a corrected bank', () => {
  let examId: string;
  let pinnedBefore: unknown[];

  it('imports the first file and publishes an exam pinning its questions', async () => {
    const first = await importFile(await csvFile('v1.csv', V1), '题库.csv', true);
    expect(first).toMatchObject({ created: 4, invalid: 0 });
    expect(stored(ZUNYI).ident).toBe('2|single|重导测试遵义会议召开于哪一年');
    const ids = t.cloud.db.find('questions', {}).filter((q) => String(q.stem).startsWith('重导测试')).map((q) => String(q._id));
    const saved = await ok<{ id: string }>('saveExam', {
      exam: { title: '重导测试', unitIds: ['br-school'], opensAt: T0 - MIN, closesAt: T0 + 60 * MIN, durationMinutes: 30, paper: { mode: 'fixed', questionIds: ids }, passScore: 1 },
    });
    examId = saved.id;
    await ok('publishExam', { examId });
    pinnedBefore = t.cloud.db.find('examQuestions', { examId });
    expect(pinnedBefore).toHaveLength(4);
  });

  it('previews row by row what a corrected file changes, and writes nothing', async () => {
    const fileID = await csvFile('v2.csv', V2);
    const preview = await importFile(fileID, '题库（更正）.csv', false);
    expect(preview).toMatchObject({ committed: false, total: 7, ready: 1, update: 2, unchanged: 2, invalid: 1 });
    const byRow = new Map(preview.rows.map((r) => [r.row, r]));
    expect([2, 3, 4, 5, 6, 7, 8].map((n) => [n, byRow.get(n)?.status, byRow.get(n)?.change ?? byRow.get(n)?.reason])).toEqual([
      [2, 'update', '答案 A → B'],
      [3, 'update', '标签 +四史学习'],
      [4, 'duplicate', '无变化'],
      [5, 'duplicate', '无变化'],
      [6, 'ready', null],
      [7, 'duplicate', '与第 2 行相同，已合并'],
      [8, 'invalid', '第 8 行与第 3 行是同一题，但答案不同（ABC / ABD）'],
    ]);
    expect(byRow.get(2)?.version).toBe(1);
    expect(stored(ZUNYI)).toMatchObject({ answer: [0], version: 1 });
    expect(t.cloud.db.count('questionHistory', {})).toBe(0);
  });

  it('commits exactly what the preview showed, with history; the published exam keeps its pinned key', async () => {
    const fileID = await csvFile('v2b.csv', V2);
    const preview = await importFile(fileID, '题库（更正）.csv', false);
    const committed = await importFile(fileID, '题库（更正）.csv', true, preview.plan);
    expect(committed).toMatchObject({ committed: true, created: 1, update: 2, unchanged: 2, invalid: 1 });
    expect(committed.rows.find((r) => r.row === 2)).toMatchObject({ status: 'updated', change: '答案 A → B' });
    expect(stored(ZUNYI)).toMatchObject({ answer: [1], version: 2 });
    expect(stored(SIHI)).toMatchObject({ tags: ['党史', '四史学习'], version: 2 });

    const history = t.cloud.db.find('questionHistory', { questionId: stored(ZUNYI)._id });
    expect(history).toEqual([
      expect.objectContaining({ version: 2, source: 'import', fileName: '题库（更正）.csv', changes: ['答案 A → B'], by: expect.any(String), before: expect.objectContaining({ answer: [0] }), after: expect.objectContaining({ answer: [1] }) }),
    ]);
    expect(t.cloud.db.find('examQuestions', { examId })).toEqual(pinnedBefore);

    // The same file once more: nothing left to change.
    const again = await importFile(fileID, '题库（更正）.csv', true);
    expect(again).toMatchObject({ created: 0, update: 0, unchanged: 5 });
  });

  it('refuses to apply a preview when the bank changed after it, and writes nothing', async () => {
    const fileID = await csvFile('v3.csv', [HEADER, `单选,${ZUNYI},1934,1935,1936,1937,C,,党史,易`]);
    const preview = await importFile(fileID, '题库3.csv', false);
    expect(preview.rows[0]).toMatchObject({ status: 'update', change: '答案 B → C', version: 2 });
    const q = stored(ZUNYI);
    await ok('saveQuestion', { questionId: q._id, question: { type: 'single', stem: ZUNYI, options: ['1934', '1935', '1936', '1937'], answer: [3], blanks: [], explanation: '编辑器改的', tags: ['党史'], difficulty: 1 } });
    expect(t.cloud.db.find('questionHistory', { questionId: q._id, source: 'editor' })).toEqual([expect.objectContaining({ version: 3, changes: ['答案 B → D', '新增解析：“编辑器改的”'] })]);

    const r = await exam<Report>('importQuestions', { fileID, fileName: '题库3.csv', commit: true, plan: preview.plan });
    expect(r).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringContaining('预览之后') });
    expect(stored(ZUNYI)).toMatchObject({ answer: [3], version: 3 });
  });

  it('finds questions by the file ID column, so a corrected stem updates the question', async () => {
    const head = '题目编号,题型,题干,选项A,选项B,答案,标签';
    const first = await importFile(await csvFile('id1.csv', [head, 'DS-001,单选,重导测试：编号题 原来的题干？,甲,乙,A,党史']), 'id1.csv', true);
    expect(first).toMatchObject({ created: 1 });
    const id = (t.cloud.db.find('questions', { ref: 'DS-001' })[0] as unknown as Stored)._id;
    const fixed = await importFile(await csvFile('id2.csv', [head, 'ds-001,单选,重导测试：编号题 改正后的题干？,甲,乙,A,党史']), 'id2.csv', true);
    expect(fixed).toMatchObject({ created: 0, update: 1 });
    expect(t.cloud.db.get('questions', id)).toMatchObject({ stem: '重导测试：编号题 改正后的题干？', version: 2 });
  });

  it('updates a question whose type alone changes by its ID: a change line, a new identity, and the exam that pinned it keeps its copy', async () => {
    const head = '题目编号,题型,题干,选项A,选项B,选项C,答案,标签';
    const stem = '重导测试：题型改了的题？';
    expect(await importFile(await csvFile('t1.csv', [head, `TX-001,单选,${stem},甲,乙,丙,A,党史`]), 't1.csv', true)).toMatchObject({ created: 1 });
    const id = (t.cloud.db.find('questions', { ref: 'TX-001' })[0] as unknown as Stored)._id;
    const saved = await ok<{ id: string }>('saveExam', {
      exam: { title: '题型测试', unitIds: ['br-school'], opensAt: T0 - MIN, closesAt: T0 + 60 * MIN, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [id] }, passScore: 1 },
    });
    await ok('publishExam', { examId: saved.id });
    const pinned = t.cloud.db.find('examQuestions', { examId: saved.id });
    expect(pinned).toEqual([expect.objectContaining({ type: 'single' })]);

    // 单选 → 不定项 with the same one key: only the type changes.
    const fileID = await csvFile('t2.csv', [head, `TX-001,不定项,${stem},甲,乙,丙,A,党史`]);
    const preview = await importFile(fileID, 't2.csv', false);
    expect(preview.rows[0]).toMatchObject({ status: 'update', change: '题型 单选题 → 多选题', version: 1 });
    const committed = await importFile(fileID, 't2.csv', true, preview.plan);
    expect(committed.rows[0]).toMatchObject({ status: 'updated', change: '题型 单选题 → 多选题' });
    expect(t.cloud.db.get('questions', id)).toMatchObject({ type: 'multiple', answer: [0], ident: '2|multiple|重导测试题型改了的题', version: 2, contentDigest: expect.stringMatching(/^2:/) });
    expect(t.cloud.db.find('questionHistory', { questionId: id })).toEqual([expect.objectContaining({ version: 2, changes: ['题型 单选题 → 多选题'] })]);
    expect(t.cloud.db.find('examQuestions', { examId: saved.id })).toEqual(pinned);
    // The same file again changes nothing; two rows of one ID with different types are refused.
    expect(await importFile(await csvFile('t3.csv', [head, `TX-001,不定项,${stem},甲,乙,丙,A,党史`]), 't3.csv', false)).toMatchObject({ update: 0, unchanged: 1 });
    const twice = await importFile(await csvFile('t4.csv', [head, `TX-002,单选,重导测试：两行题型不同？,甲,乙,,A,党史`, `TX-002,不定项,重导测试：两行题型不同？,甲,乙,,A,党史`]), 't4.csv', false);
    expect(twice.rows[1]).toMatchObject({ status: 'invalid', reason: '第 3 行与第 2 行是同一题，但题型不同（单选题 / 多选题）', column: '题型' });
  });

  it('gives questions stored before identities one on the first import, and then updates them', async () => {
    t.cloud.db.insert('questions', {
      _id: 'legacy-q1',
      orgId: String(t.cloud.db.get('questions', stored(ZUNYI)._id)?.orgId),
      type: 'judge',
      stem: '重导测试：旧题库的题。',
      options: ['正确', '错误'],
      answer: [0],
      blanks: [],
      explanation: '',
      tags: ['党史'],
      difficulty: 2,
      key: 'legacy',
      status: 'active',
      version: 4,
      openReports: 0,
      source: 'import',
      createdBy: 'someone',
      createdAt: new Date(T0),
      updatedAt: new Date(T0),
    });
    const fileID = await csvFile('legacy.csv', ['题型,题干,答案', '判断,重导测试：旧题库的题。,错']);
    const preview = await importFile(fileID, 'legacy.csv', false);
    expect(preview.rows[0]).toMatchObject({ status: 'update', change: '答案 对 → 错', version: 4 });
    await importFile(fileID, 'legacy.csv', true, preview.plan);
    expect(t.cloud.db.get('questions', 'legacy-q1')).toMatchObject({ ident: '2|judge|重导测试旧题库的题', answer: [1], version: 5, tags: ['党史'] });
  });

  it('says exactly what a row changes in the options and the explanation, one line each, and that a long tag was cut', async () => {
    const head = '题型,题干,选项A,选项B,选项C,答案,解析,标签';
    const stem = '重导测试：选项和解析改了的题？';
    const long = '关于新时代坚持和发展中国特色社会主义的若干重大问题专题学习研讨';
    expect(await importFile(await csvFile('o1.csv', [head, `单选,${stem},1934,1935,1936,B,1935年1月召开。,党史`]), 'o1.csv', true)).toMatchObject({ created: 1 });
    const preview = await importFile(await csvFile('o2.csv', [head, `单选,${stem},1934,1935年,1936,B,1935年1月在贵州遵义召开。,党史、${long}`]), 'o2.csv', false);
    expect(preview.rows[0]).toMatchObject({
      status: 'update',
      changes: ['选项 B：“1935” → “1935年”', '解析：“1935年1月召开。” → “1935年1月在贵州遵义召开。”', `标签 +${long.slice(0, 30)}`],
      notes: [`标签“${long.slice(0, 12)}…”过长，已截为 30 字`],
    });
    expect(preview.rows[0].change).toBe(preview.rows[0].changes.join('，'));
    // A new question's row carries the note too; a row without a long tag has none.
    const fresh = await importFile(await csvFile('o3.csv', [head, `单选,重导测试：新题带长标签？,甲,乙,丙,A,,${long}`, '单选,重导测试：新题短标签？,甲,乙,丙,A,,党史']), 'o3.csv', false);
    expect(fresh.rows.map((r) => [r.status, r.notes])).toEqual([
      ['ready', [`标签“${long.slice(0, 12)}…”过长，已截为 30 字`]],
      ['ready', []],
    ]);
  });

  it('neither reveals nor changes a key held from the importer (an open exam they may take)', async () => {
    const taker = 'demo-organiser'; // organiser of br-school, in the open exam's audience
    const before = stored(ZUNYI);
    const fileID = await t.uploadAs(taker, 'exam', 'sheet', 'held.csv', Buffer.from([HEADER, `单选,${ZUNYI},1934,1935,1936,1937,A,,党史,易`].join('\r\n'), 'utf8'));
    const report = dataOf(await t.call<Report>(taker, 'exam', 'importQuestions', { fileID, fileName: 'held.csv', commit: true }));
    expect(report.rows[0]).toMatchObject({ status: 'invalid', change: null, reason: expect.stringContaining('考试结束后') });
    expect(JSON.stringify(report)).not.toContain('→');
    expect(stored(ZUNYI)).toEqual(before);
  });

  it('re-imports 1,500 rows with 100 changes in batched reads: one write per changed question and one for their history', async () => {
    const rowsOf = (changed: number) => [HEADER, ...Array.from({ length: 1500 }, (_, i) => `单选,重导性能测试第 ${i + 1} 题：哪一项正确？,甲${i},乙${i},丙${i},丁${i},${i < changed ? 'B' : 'A'},,党史,中`)];
    const measure = async (name: string, lines: string[], commit: boolean, plan?: string) => {
      const fileID = await csvFile(name, lines);
      const started = Date.now();
      const { result, stats } = await t.invoke(ORGANISER, 'exam', 'importQuestions', { fileID, fileName: name, commit, ...(plan ? { plan } : {}) });
      const report = dataOf(result as Parameters<typeof dataOf<Report>>[0]);
      return { report, reads: stats.reads, writes: stats.writes, ms: Date.now() - started };
    };
    const first = await measure('perf1.csv', rowsOf(0), true);
    expect(first.report.created).toBe(1500);
    const preview = await measure('perf2.csv', rowsOf(100), false);
    expect(preview.report).toMatchObject({ update: 100, unchanged: 1400 });
    const commit = await measure('perf2.csv', rowsOf(100), true, preview.report.plan);
    expect(commit.report).toMatchObject({ update: 100, unchanged: 1400, invalid: 0 });
    // 100 conditional updates, one history batch, the import record.
    expect(commit.writes).toBe(102);
    expect(commit.reads).toBeLessThanOrEqual(8);
    console.log(`1,500 rows: first import ${first.ms} ms (${first.reads} reads, ${first.writes} writes); re-import of 100 changes: preview ${preview.ms} ms (${preview.reads} reads), commit ${commit.ms} ms (${commit.reads} reads, ${commit.writes} writes)`);
  }, 120_000);
});

