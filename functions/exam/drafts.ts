// An exam as the organisers' editor reads and writes it: its settings and the draft view.

import type { ExamDraft, ExamResponses } from '../../core/contracts/exam';
import type { ExamDoc } from './model';

function settingsOf(e: ExamDoc): ExamDraft {
  return {
    title: e.title,
    description: e.description,
    unitIds: e.unitIds,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    durationMinutes: e.durationMinutes,
    paper: e.paper,
    points: e.points,
    multiplePartial: e.multiplePartial,
    shuffleQuestions: e.shuffleQuestions,
    shuffleOptions: e.shuffleOptions,
    passScore: e.passScore,
    maxAttempts: e.maxAttempts,
    releaseAnswers: e.releaseAnswers,
    switchTolerance: e.switchTolerance,
  };
}

export function draftView(e: ExamDoc): ExamResponses['getExamDraft'] {
  return { id: e._id, status: e.status, exam: settingsOf(e), totalScore: e.totalScore, questionCount: e.questionCount };
}
