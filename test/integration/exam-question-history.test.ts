// A question's changes and their history, against the local cloud (issue 15): the editor saves what
// the import accepts (a 不定项 question with one correct option).
import type { QuestionSheetReport } from '../../core/contracts/examImport';
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
