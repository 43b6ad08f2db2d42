// Entry of the `exam` cloud function: wiring only. Deployed as cloudfunctions/exam/index.js, with
// a timer trigger (cloudfunctions/exam/config.json) that closes attempts past their deadline.

import { examSchemas, type ExamResponses } from '../../core/contracts/exam';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { uploadTicket } from './actions/uploadTicket';
import { amendPaperResult } from './actions/amendPaperResult';
import { bankSummary } from './actions/bankSummary';
import { createMakeup } from './actions/createMakeup';
import { draftExamReport } from './actions/draftExamReport';
import { examMonitor } from './actions/examMonitor';
import { examRoster } from './actions/examRoster';
import { examStats } from './actions/examStats';
import { exportResults } from './actions/exportResults';
import { forceSubmit } from './actions/forceSubmit';
import { getAttempt } from './actions/getAttempt';
import { getExam } from './actions/getExam';
import { getExamDraft } from './actions/getExamDraft';
import { getQuestion } from './actions/getQuestion';
import { getResult } from './actions/getResult';
import { grantExtraTime } from './actions/grantExtraTime';
import { importQuestions } from './actions/importQuestions';
import { installSeedBank } from './actions/installSeedBank';
import { listExamRegrades } from './actions/listExamRegrades';
import { listExams } from './actions/listExams';
import { listManagedExams } from './actions/listManagedExams';
import { listQuestionHistory } from './actions/listQuestionHistory';
import { listQuestionReports } from './actions/listQuestionReports';
import { listQuestions } from './actions/listQuestions';
import { listStaleExamKeys } from './actions/listStaleExamKeys';
import { previewRegrade } from './actions/previewRegrade';
import { publishExam } from './actions/publishExam';
import { questionTemplate } from './actions/questionTemplate';
import { recordPaperResult } from './actions/recordPaperResult';
import { regradeExam } from './actions/regradeExam';
import { remindAbsentees } from './actions/remindAbsentees';
import { reopenAttempt } from './actions/reopenAttempt';
import { reportQuestion } from './actions/reportQuestion';
import { reportSwitch } from './actions/reportSwitch';
import { resolveQuestionReport } from './actions/resolveQuestionReport';
import { saveAnswers } from './actions/saveAnswers';
import { saveExam } from './actions/saveExam';
import { saveQuestion } from './actions/saveQuestion';
import { setQuestionStatus } from './actions/setQuestionStatus';
import { startExam } from './actions/startExam';
import { submitAttempt } from './actions/submitAttempt';
import { sweepAttempts, sweepExpired } from './actions/sweepAttempts';

export const main = createRouter<typeof examSchemas, ExamResponses>(
  'exam',
  examSchemas,
  {
    uploadTicket,
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
    listQuestionHistory,
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
    draftExamReport,
    previewRegrade,
    regradeExam,
    listExamRegrades,
    listStaleExamKeys,
    recordPaperResult,
    amendPaperResult,
    sweepAttempts,
  },
  {
    getOpenid,
    deps: platformDeps,
    onTimer: (deps) => sweepExpired({ openid: '', deps }),
  },
);
