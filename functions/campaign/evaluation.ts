// The campaign function's evaluation actions: Stage drafts for the feed, written assessments and the 四落实 workbook. Wired by ./index.ts.
// SKELETON: each action is replaced by its module under ./actions as it is built.
import { AppError } from '../lib/errors';

const notYet = async (): Promise<never> => {
  throw new AppError('FAILED_PRECONDITION', '此功能正在建设中');
};

export const evaluationHandlers = {
  draftStageReport: notYet,
  saveAssessment: notYet,
  exportEvaluation: notYet,
};
