// The campaign function's evaluation actions: stage drafts for the feed, written assessments and
// the 四落实 workbook (docs/CAMPAIGNS.md, "Evaluation"). Wired by ./index.ts.
import { draftStageReport } from './actions/draftStageReport';
import { exportEvaluation } from './actions/exportEvaluation';
import { saveAssessment } from './actions/saveAssessment';

export const evaluationHandlers = {
  draftStageReport,
  saveAssessment,
  exportEvaluation,
};
