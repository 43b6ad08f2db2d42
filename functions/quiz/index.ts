// Entry of the `quiz` cloud function: wiring only. Deployed as cloudfunctions/quiz/index.js.

import { quizSchemas, type QuizResponses } from '../../core/contracts/quiz';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { answerDaily } from './actions/answerDaily';
import { getDaily } from './actions/getDaily';
import { listQuizFlags } from './actions/listQuizFlags';
import { startDaily } from './actions/startDaily';
import { runQuizTimer } from './timer';

export const main = createRouter<typeof quizSchemas, QuizResponses>(
  'quiz',
  quizSchemas,
  { getDaily, startDaily, answerDaily, listQuizFlags },
  {
    getOpenid,
    deps: platformDeps,
    // One trigger per function (WeChat): tomorrow's pools in the evening, and the roll-ups.
    onTimer: (deps) => runQuizTimer(deps),
  },
);
