// Entry of the `quiz` cloud function: wiring only. Deployed as cloudfunctions/quiz/index.js.

import { quizSchemas, type QuizResponses } from '../../core/contracts/quiz';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { answerContest } from './actions/answerContest';
import { answerDaily } from './actions/answerDaily';
import { cancelContest } from './actions/cancelContest';
import { draftContestReport } from './actions/draftContestReport';
import { getContest } from './actions/getContest';
import { getContestBoard } from './actions/getContestBoard';
import { getContestFigures } from './actions/getContestFigures';
import { getContestRankSetting } from './actions/getContestRankSetting';
import { getDaily } from './actions/getDaily';
import { getManagedContest } from './actions/getManagedContest';
import { listContestFlags } from './actions/listContestFlags';
import { listContests } from './actions/listContests';
import { listManagedContests } from './actions/listManagedContests';
import { listQuizFlags } from './actions/listQuizFlags';
import { publishContest } from './actions/publishContest';
import { saveContest } from './actions/saveContest';
import { setContestRankSetting } from './actions/setContestRankSetting';
import { startContestRound } from './actions/startContestRound';
import { startDaily } from './actions/startDaily';
import { countRefusedPayload } from './flagsAtDoor';
import { runQuizTimer } from './timer';

export const main = createRouter<typeof quizSchemas, QuizResponses>(
  'quiz',
  quizSchemas,
  {
    getDaily,
    startDaily,
    answerDaily,
    listQuizFlags,
    saveContest,
    publishContest,
    cancelContest,
    getManagedContest,
    listManagedContests,
    getContestFigures,
    listContestFlags,
    draftContestReport,
    listContests,
    getContest,
    startContestRound,
    answerContest,
    getContestBoard,
    getContestRankSetting,
    setContestRankSetting,
  },
  {
    getOpenid,
    deps: platformDeps,
    // One trigger per function (WeChat): tomorrow's pools in the evening, and the roll-ups.
    onTimer: (deps) => runQuizTimer(deps),
    // Forged fields on a member's play action are counted for the flags (./flagsAtDoor.ts).
    onRefusedPayload: countRefusedPayload,
  },
);
