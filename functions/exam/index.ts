// Entry of the `exam` cloud function: wiring only. Deployed as cloudfunctions/exam/index.js, with
// a timer trigger (cloudfunctions/exam/config.json) that closes attempts past their deadline.

import { examSchemas, type ExamResponses } from '../../core/contracts/exam';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { forceSubmit, grantExtraTime, reopenAttempt } from './actions/attemptAdmin';
import { bankSummary, installSeedBank, questionTemplate } from './actions/bankTools';
import { getAttempt } from './actions/getAttempt';
import { getExam } from './actions/getExam';
import { getResult } from './actions/getResult';
import { importQuestions } from './actions/importQuestions';
import { listExams } from './actions/listExams';
import { createMakeup } from './actions/makeup';
import { getExamDraft, listManagedExams, publishExam, saveExam } from './actions/manageExams';
import { listQuestionReports, resolveQuestionReport } from './actions/questionReports';
import { getQuestion, listQuestions, saveQuestion, setQuestionStatus } from './actions/questions';
import { reportQuestion } from './actions/reportQuestion';
import { reportSwitch } from './actions/reportSwitch';
import { saveAnswers } from './actions/saveAnswers';
import { startExam } from './actions/startExam';
import { submitAttempt } from './actions/submitAttempt';
import { examMonitor } from './actions/examMonitor';
import { examRoster } from './actions/examRoster';
import { examStats } from './actions/examStats';
import { exportResults } from './actions/exportResults';
import { remindAbsentees } from './actions/remindAbsentees';
import { sweepAttempts, sweepExpired } from './actions/sweepAttempts';

export const main = createRouter<typeof examSchemas, ExamResponses>(
  'exam',
  examSchemas,
  {
    listExams,
    getExam,
    startExam,
    getAttempt,
    saveAnswers,
    reportSwitch,
    submitAttempt,
    getResult,
    reportQuestion,
    listQuestions,
    getQuestion,
    saveQuestion,
    setQuestionStatus,
    importQuestions,
    questionTemplate,
    installSeedBank,
    bankSummary,
    listQuestionReports,
    resolveQuestionReport,
    listManagedExams,
    getExamDraft,
    saveExam,
    publishExam,
    createMakeup,
    grantExtraTime,
    reopenAttempt,
    forceSubmit,
    examMonitor,
    examStats,
    examRoster,
    remindAbsentees,
    exportResults,
    sweepAttempts,
  },
  {
    getOpenid,
    deps: platformDeps,
    onTimer: (deps) => sweepExpired({ openid: '', deps }),
  },
);
