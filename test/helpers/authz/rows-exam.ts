// The exam context's rows: A's member's attempts, A's exams, and the organisation's shared bank.

import { dataOf } from '../cloud';
import { A, OPEN_QUESTION, type Fixture } from './fixture';
import { uploader } from './rows-org';
import { CALLERS, MEMBER_IDS, type PayloadFor, type Table } from './types';

const HOUR = 3_600_000;

// Paper results: an exam of A's of their own (so no other row's figures move), recorded for two
// of A's entries never bound to WeChat (冯玉兰, 于长海): the second is the one amended.
const paperExams = new WeakMap<Fixture, Promise<string>>();
const paperExam = (fx: Fixture) => {
  if (!paperExams.has(fx)) paperExams.set(fx, fx.newExam());
  return paperExams.get(fx) as Promise<string>;
};
const paperDay = (fx: Fixture) => new Date(fx.t.cloud.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
const paperRecord = async (fx: Fixture, memberId: string) => ({ examId: await paperExam(fx), memberId, score: 1, takenOn: paperDay(fx), note: '送题到家' });
const paperAmended = new WeakMap<Fixture, Promise<{ examId: string; memberId: string }>>();
async function paperAmend(fx: Fixture) {
  // Recorded once per fixture: the first permitted caller's correction moves it from 1 to 2, the others find it there.
  if (!paperAmended.has(fx)) {
    paperAmended.set(
      fx,
      paperRecord(fx, 'demo-member-28').then(async (recorded) => {
        dataOf(await fx.t.call(CALLERS.admin, 'exam', 'recordPaperResult', recorded));
        return { examId: recorded.examId, memberId: recorded.memberId };
      }),
    );
  }
  return { ...(await paperAmended.get(fx)), score: 2, reason: '阅卷有误' };
}

async function regradeTarget(fx: Fixture, as: PayloadFor) {
  if (as === 'denied') return { examId: fx.examId, questionId: fx.questionId, key: { answer: [0], blanks: [] } };
  // A question on no other open window, on an exam of A's that shows answers on submit.
  const call = async <T>(openid: string, action: string, payload: unknown) => dataOf(await fx.t.call<T>(openid, 'exam', action, payload));
  const question = { type: 'single', stem: fx.unique('矩阵测试：待更正的题'), options: ['甲', '乙'], answer: [1] };
  const questionId = (await call<{ id: string }>(CALLERS.admin, 'saveQuestion', { question })).id;
  const now = fx.t.cloud.clock.now();
  const exam = { title: fx.unique('矩阵更正'), unitIds: [A], opensAt: now - 60_000, closesAt: now + HOUR, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [questionId] }, passScore: 1, maxAttempts: 1, releaseAnswers: 'after_submit' };
  const examId = (await call<{ id: string }>(CALLERS.organiser, 'saveExam', { exam })).id;
  await call(CALLERS.organiser, 'publishExam', { examId });
  if (as === 'organiser') {
    const { attemptId } = await call<{ attemptId: string }>(CALLERS.organiser, 'startExam', { examId });
    await call(CALLERS.organiser, 'submitAttempt', { attemptId, answers: [] });
  }
  return { examId, questionId, key: { answer: [0], blanks: [] } };
}

export const examRows: Table = {
  listExams: { who: 'anyone-bound', ownOrg: true, payload: () => ({ tab: 'todo' }) },
  getExam: { who: 'audience', payload: (fx) => ({ examId: fx.examId }) },
  startExam: { who: 'audience', payload: async (fx, as) => ({ examId: as === 'denied' ? fx.examId : await fx.newExam() }) },
  getAttempt: { who: 'self', payload: (fx) => ({ attemptId: fx.attemptId }) },
  saveAnswers: { who: 'self', payload: (fx) => ({ attemptId: fx.attemptId, answers: [{ qid: fx.questionId, choice: [0] }] }) },
  reportSwitch: { who: 'self', payload: (fx) => ({ attemptId: fx.attemptId, kind: 'show' }) },
  submitAttempt: { who: 'self', payload: async (fx, as) => ({ attemptId: as === 'denied' ? fx.attemptId : await fx.newOpenAttempt(), answers: [] }) },
  getResult: { who: 'self', ownReview: true, payload: (fx) => ({ attemptId: fx.submittedAttemptId }) },
  reportQuestion: { who: 'self', payload: (fx) => ({ attemptId: fx.submittedAttemptId, qid: fx.submittedQuestionId, note: '题干有错别字' }) },

  // The bank is the organisation's, shared by its organisers; keys held from takers of open windows.
  listQuestions: { who: 'any-organiser', ownOrg: true },
  getQuestion: { who: 'any-organiser', payload: (fx) => ({ questionId: fx.questionId }) },
  // The same access as getQuestion; A's organiser, a taker of its open exam, reads no key in it.
  listQuestionHistory: { who: 'any-organiser', payload: (fx) => ({ questionId: fx.questionId }) },
  // A's organiser, a taker of the open exam, saves its question without a key (the stored one is
  // kept, and the answer must not show it); the others add a question of their own.
  saveQuestion: {
    who: 'any-organiser',
    ownOrg: true,
    payload: (fx, as) =>
      as === 'organiser'
        ? { questionId: fx.questionId, question: { type: 'single', stem: OPEN_QUESTION.stem, options: OPEN_QUESTION.options } }
        : { question: { type: 'judge', stem: fx.unique('矩阵判断题'), options: ['正确', '错误'], answer: [0] } },
  },
  setQuestionStatus: { who: 'any-organiser', payload: (fx) => ({ questionId: fx.spareQuestionId, status: 'active' }) },
  importQuestions: {
    who: 'any-organiser',
    ownOrg: true,
    allowed: ['INVALID_ARGUMENT'],
    payload: async (fx, as, openid) => ({
      fileID: await fx.upload(uploader(as, openid), 'exam', 'bank.csv', `题型,题干,选项A,选项B,答案\n判断题,${fx.unique('矩阵导入题')},正确,错误,A\n`),
      fileName: '题库.csv',
      commit: false,
    }),
  },
  questionTemplate: { who: 'any-organiser', ownOrg: true },
  installSeedBank: { who: 'any-organiser', ownOrg: true },
  bankSummary: { who: 'any-organiser', ownOrg: true },
  listQuestionReports: { who: 'any-organiser', ownOrg: true },
  // A report goes to the organisers of the exam it was filed on (issue 14 item 11): A's exam here.
  resolveQuestionReport: { who: 'organiser-of-target', payload: (fx) => ({ reportId: fx.reportId, resolution: 'dismissed', reply: '已核对' }) },

  listManagedExams: { who: 'any-organiser', ownOrg: true },
  getExamDraft: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.draftExamId }) },
  // The units named are checked first: to another organisation's admin, A's branch does not exist.
  saveExam: {
    who: 'organiser-of-target',
    denied: ['INVALID_ARGUMENT'],
    payload: (fx) => {
      const now = fx.t.cloud.clock.now();
      const exam = { title: '矩阵草稿', unitIds: [A], opensAt: now + HOUR, closesAt: now + 2 * HOUR, durationMinutes: 30, paper: { mode: 'fixed', questionIds: [fx.spareQuestionId] }, passScore: 1 };
      return { examId: fx.draftExamId, exam };
    },
  },
  publishExam: { who: 'organiser-of-target', payload: async (fx, as) => ({ examId: as === 'denied' ? fx.draftExamId : await fx.newExam({ draft: true }) }) },
  // The original is still open: a permitted organiser hears "after it closes", a state rule.
  createMakeup: {
    who: 'organiser-of-target',
    allowed: ['FAILED_PRECONDITION'],
    payload: (fx) => {
      const now = fx.t.cloud.clock.now();
      return { examId: fx.examId, include: 'absent', opensAt: now + 2 * HOUR, closesAt: now + 3 * HOUR };
    },
  },
  grantExtraTime: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.examId, memberIds: [MEMBER_IDS.member], minutes: 5, reason: '视力不好' }) },
  reopenAttempt: {
    who: 'organiser-of-target',
    payload: async (fx, as) => ({ attemptId: as === 'denied' ? fx.submittedAttemptId : await fx.newSubmittedAttempt(), minutes: 10, reason: '网络中断' }),
  },
  forceSubmit: { who: 'organiser-of-target', payload: async (fx, as) => ({ attemptId: as === 'denied' ? fx.attemptId : await fx.newOpenAttempt(), reason: '考场纪律' }) },
  examMonitor: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.examId }) },
  examStats: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.examId }) },
  examRoster: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.examId, unitId: A }) },
  remindAbsentees: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.examId, unitId: A }) },
  exportResults: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.examId }) },
  // Only once the exam has closed (the fixture's is open): a state rule.
  draftExamReport: { who: 'organiser-of-target', allowed: ['FAILED_PRECONDITION'], payload: (fx) => ({ examId: fx.examId }) },
  // Whoever may not read a key may not set it (rule 2): A's organiser, a taker of A's open exams,
  // is given one they have already handed in (one attempt), so its key is no longer held from them.
  previewRegrade: { who: 'organiser-of-target', payload: (fx, as) => regradeTarget(fx, as) },
  regradeExam: { who: 'organiser-of-target', payload: async (fx, as) => ({ ...(await regradeTarget(fx, as)), reason: '标准答案录错', fixBank: false }) },
  // The regrade audit: whoever may view the exam's figures (A's organiser, a taker of its open
  // exam, reads the rows without keys or reasons).
  listExamRegrades: { who: 'organiser-of-target', payload: (fx) => ({ examId: fx.examId }) },
  // The exams still grading a bank question with another key: every organiser asks of the shared
  // bank; each hears only of exams they may regrade, and nothing while the key is held from them.
  listStaleExamKeys: { who: 'any-organiser', payload: (fx) => ({ questionId: fx.questionId }) },
  // The same record again answers what is there: every organiser of A's subtree gets ok.
  recordPaperResult: { who: 'organiser-of-target', payload: (fx) => paperRecord(fx, 'demo-member-27') },
  amendPaperResult: { who: 'organiser-of-target', payload: (fx) => paperAmend(fx) },
  uploadTicket: { who: 'any-organiser', ownOrg: true, payload: () => ({ purpose: 'sheet', name: '题库.xlsx' }) },
  // The timer's job, also callable by hand: it only closes attempts whose deadline passed.
  sweepAttempts: { who: 'any-organiser', ownOrg: true },
};
