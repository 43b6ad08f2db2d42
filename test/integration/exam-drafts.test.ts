// A saved exam that was never published has no paper pinned yet: the organiser's figures and export
// say so plainly instead of failing (found by the payload fuzzing: INTERNAL, "exam … has no pool").
import { startTestCloud, dataOf, type TestCloud } from '../helpers/cloud';

const ORGANISER = 'demo-organiser'; // branch organiser, 实验中学党支部
const HOUR = 3_600_000;

let t: TestCloud;
let draftId: string;

beforeAll(async () => {
  t = await startTestCloud();
  const now = t.cloud.clock.now();
  const saved = dataOf(
    await t.call<{ id: string }>(ORGANISER, 'exam', 'saveExam', {
      exam: {
        title: '未发布的测验',
        unitIds: ['br-school'],
        opensAt: now + HOUR,
        closesAt: now + 3 * HOUR,
        durationMinutes: 30,
        paper: { mode: 'rules', rules: [{ type: 'judge', tag: null, count: 2 }] },
        passScore: 1,
        releaseAnswers: 'after_close',
      },
    }),
  );
  draftId = saved.id;
}, 60_000);

afterAll(async () => {
  await t.close();
});

describe('an exam not yet published', () => {
  it.each(['examStats', 'exportResults'])('%s answers FAILED_PRECONDITION in words, and writes nothing', async (action) => {
    const r = await t.invoke(ORGANISER, 'exam', action, { examId: draftId });
    expect(r.result).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: expect.stringContaining('发布') });
    expect(r.stats.writes).toBe(0);
  });
});
