// Re-importing a bank stored before stems were cleaned (issue 15, audit D3), against the local
// cloud: an old import kept labels in the stems (【判断题】…, 二。判断题 …, 1. …) and stored no
// identity, or an identity computed from the labelled stem. The first import after gives each the
// identity a new row of that stem has (label stripped, folded), so the corrected file UPDATES the
// labelled question — the change line shows the cleaned stem, the history keeps it — and creates
// no second copy. The preview matches the legacy questions in memory and writes nothing; the
// commit's updates carry the new identity, and the questions the file does not name get theirs
// in bounded parallel conditional writes, once. A 1,500-question legacy bank stays well within
// the function's time limit.
import type { QuestionSheetReport } from '../../core/contracts/examImport';
import { questionIdent } from '../../core/domain/exam/questionIdentity';
import { questionKey } from '../../core/domain/exam/questions';
import { dataOf, startTestCloud, type TestCloud } from '../helpers/cloud';

let t: TestCloud;
const ORGANISER = 'demo-admin';
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
type Report = QuestionSheetReport;

beforeAll(async () => {
  t = await startTestCloud();
  t.cloud.clock.set(T0);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const orgId = () => String(t.cloud.db.get('identities', ORGANISER)?.orgId);
const csvFile = (name: string, lines: string[]) => t.uploadAs(ORGANISER, 'exam', 'sheet', name, Buffer.from(['\uFEFF' + lines[0], ...lines.slice(1)].join('\r\n'), 'utf8'));

async function run(name: string, lines: string[], commit: boolean, plan?: string) {
  const fileID = await csvFile(name, lines);
  const started = process.hrtime.bigint();
  const { result, stats } = await t.invoke(ORGANISER, 'exam', 'importQuestions', { fileID, fileName: name, commit, ...(plan ? { plan } : {}) });
  const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  return { report: dataOf(result as Parameters<typeof dataOf<Report>>[0]), reads: stats.reads, writes: stats.writes, ms };
}

/** A question as an import before the label fix left it: the stem as the cell had it, no identity, no digest. */
function legacy(id: string, type: string, stem: string, options: string[], answer: number[], extra: Record<string, unknown> = {}) {
  t.cloud.db.insert('questions', {
    _id: id,
    orgId: orgId(),
    type,
    stem,
    options,
    answer,
    blanks: [],
    explanation: '',
    tags: ['党章党规'],
    difficulty: 1,
    key: questionKey(stem, options),
    status: 'active',
    version: 1,
    openReports: 0,
    source: 'import',
    createdBy: 'someone',
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
    ...extra,
  });
}

const JUDGE = ['正确', '错误'];
const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,标签,难度';

describe('re-importing a bank stored with labels in its stems', () => {
  it('updates the labelled questions, shows and records the cleaned stem, and creates no second copy', async () => {
    legacy('old-1', 'judge', '【判断题】旧库：党员必须履行党员义务。', JUDGE, [0]);
    legacy('old-2', 'judge', '二。判断题 旧库：预备党员的预备期为一年。', JUDGE, [0]);
    legacy('old-3', 'single', '1. 旧库：遵义会议召开于哪一年？', ['1934', '1935', '1936', '1937'], [0]);
    // An identity an earlier backfill computed from the labelled stem.
    legacy('old-4', 'judge', '判断题】旧库：入党誓词由党章规定。', JUDGE, [0], { ident: 'judge|判断题旧库入党誓词由党章规定' });
    // One the corrected file does not name.
    legacy('old-5', 'single', '【单选题】旧库：不在文件里的题？', ['甲', '乙'], [0]);
    const clean = [
      HEADER,
      '判断,旧库：党员必须履行党员义务。,,,,,对,党章党规,易',
      '判断,旧库：预备党员的预备期为一年。,,,,,对,党章党规,易',
      '单选,旧库：遵义会议召开于哪一年？,1934,1935,1936,1937,B,党章党规,易',
      '判断,旧库：入党誓词由党章规定。,,,,,对,党章党规,易',
    ];
    const preview = await run('题库（整理后）.csv', clean, false);
    expect(preview.report).toMatchObject({ ready: 0, update: 4, invalid: 0 });
    expect(preview.report.rows.map((r) => [r.row, r.status, r.questionId, r.change])).toEqual([
      [2, 'update', 'old-1', '题干改为“旧库：党员必须履行党员义务。”'],
      [3, 'update', 'old-2', '题干改为“旧库：预备党员的预备期为一年。”'],
      [4, 'update', 'old-3', '题干改为“旧库：遵义会议召开于哪一年？”，答案 A → B'],
      [5, 'update', 'old-4', '题干改为“旧库：入党誓词由党章规定。”'],
    ]);
    // The preview writes nothing: the stems and identities are as stored.
    expect(preview.writes).toBe(0);
    expect(t.cloud.db.get('questions', 'old-1')).toMatchObject({ stem: '【判断题】旧库：党员必须履行党员义务。', version: 1 });
    expect(t.cloud.db.get('questions', 'old-1')?.ident).toBeUndefined();

    const committed = await run('题库（整理后）.csv', clean, true, preview.report.plan);
    expect(committed.report).toMatchObject({ created: 0, update: 4, invalid: 0 });
    expect(t.cloud.db.count('questions', { orgId: orgId(), stem: { $regex: '旧库' } })).toBe(5);
    // Each with the current identity; the one the file does not name too, its stem left as it is.
    expect(t.cloud.db.get('questions', 'old-1')?.ident).toBe(questionIdent('judge', '旧库：党员必须履行党员义务。'));
    expect(t.cloud.db.get('questions', 'old-4')?.ident).toBe(questionIdent('judge', '旧库：入党誓词由党章规定。'));
    expect(t.cloud.db.get('questions', 'old-5')).toMatchObject({ ident: questionIdent('single', '旧库：不在文件里的题？'), stem: '【单选题】旧库：不在文件里的题？', version: 1 });
    expect(t.cloud.db.get('questions', 'old-1')).toMatchObject({ stem: '旧库：党员必须履行党员义务。', key: questionKey('旧库：党员必须履行党员义务。', JUDGE), version: 2 });
    expect(t.cloud.db.get('questions', 'old-2')).toMatchObject({ stem: '旧库：预备党员的预备期为一年。', version: 2 });
    expect(t.cloud.db.get('questions', 'old-3')).toMatchObject({ stem: '旧库：遵义会议召开于哪一年？', answer: [1], version: 2 });
    expect(t.cloud.db.get('questions', 'old-4')).toMatchObject({ stem: '旧库：入党誓词由党章规定。', version: 2 });
    expect(t.cloud.db.find('questionHistory', { questionId: 'old-1' })).toEqual([
      expect.objectContaining({
        version: 2,
        source: 'import',
        fileName: '题库（整理后）.csv',
        changes: ['题干改为“旧库：党员必须履行党员义务。”'],
        before: expect.objectContaining({ stem: '【判断题】旧库：党员必须履行党员义务。' }),
        after: expect.objectContaining({ stem: '旧库：党员必须履行党员义务。' }),
      }),
    ]);

    // The same file again: nothing left to change, nothing written but the import's record.
    const again = await run('题库（整理后）.csv', clean, true);
    expect(again.report).toMatchObject({ created: 0, update: 0, unchanged: 4 });
  });

  it('re-imports a 1,500-question legacy bank: a preview that writes nothing, a commit whose updates carry the identities, within the time limit', async () => {
    const stem = (i: number) => `旧库性能第 ${i + 1} 题：哪一项正确？`;
    const opts = (i: number) => [`甲${i}`, `乙${i}`, `丙${i}`, `丁${i}`];
    for (let i = 0; i < 1500; i++) legacy(`perf-${i}`, 'single', `【单选题】${stem(i)}`, opts(i), [0]);
    const clean = [HEADER, ...Array.from({ length: 1500 }, (_, i) => `单选,${stem(i)},${opts(i).join(',')},A,党章党规,易`)];

    const preview = await run('旧库.csv', clean, false);
    expect(preview.report).toMatchObject({ ready: 0, update: 1500, invalid: 0 });
    // Reads: the organiser, the questions without a current identity (1,000 a read: two), the
    // identities (500 a read: three), the changed questions whole (three), the windows that may
    // hold their keys. Nothing written.
    expect(preview.writes).toBe(0);
    expect(preview.reads).toBe(10);
    // Generous: the figure on this shared machine is logged; the function's limit is 20 s.
    expect(preview.ms).toBeLessThan(15_000);

    const commit = await run('旧库.csv', clean, true, preview.report.plan);
    expect(commit.report).toMatchObject({ created: 0, update: 1500, invalid: 0 });
    // 1,500 conditional updates (each with its identity), 15 history batches, the import's record:
    // no write for the identities alone.
    expect(commit.writes).toBe(1516);
    expect(t.cloud.db.count('questions', { orgId: orgId(), stem: { $regex: '^【单选题】' } })).toBe(1);
    expect(t.cloud.db.count('questions', { orgId: orgId(), stem: { $regex: '旧库性能' } })).toBe(1500);
    expect(t.cloud.db.get('questions', 'perf-7')?.ident).toBe(questionIdent('single', stem(7)));

    // Settled: the next preview reads the organiser, the check (none stale), the identities.
    const after = await run('旧库.csv', clean, false);
    expect(after.report).toMatchObject({ update: 0, unchanged: 1500 });
    expect(after.writes).toBe(0);
    expect(after.reads).toBe(5);
    console.log(`1,500 legacy questions: preview ${preview.ms} ms (${preview.reads} reads, ${preview.writes} writes); commit ${commit.ms} ms (${commit.reads} reads, ${commit.writes} writes); preview after ${after.ms} ms (${after.reads} reads)`);
  }, 180_000);
});
