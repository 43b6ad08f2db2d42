// The question bank's shared pieces: the stored document of a question and its views.

import type { QuestionDetail, QuestionRow } from '../../core/contracts/exam';
import { questionKey, type QuestionContent } from '../../core/domain/questions';
import type { Ids } from '../lib/deps';
import type { QuestionDoc } from './model';

/** A question's id derives from its organisation and content: importing it twice finds it there. */
export function questionIdOf(ids: Ids, orgId: string, key: string): string {
  return ids.derive('q', `${orgId}|${key}`);
}

export function questionDoc(
  ids: Ids,
  orgId: string,
  content: QuestionContent,
  source: QuestionDoc['source'],
  by: string,
  now: Date,
): QuestionDoc {
  const key = questionKey(content.stem, content.options);
  return {
    _id: questionIdOf(ids, orgId, key),
    orgId,
    ...content,
    key,
    status: 'active',
    version: 1,
    openReports: 0,
    source,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  };
}

export function questionRow(q: QuestionDoc): QuestionRow {
  return {
    id: q._id,
    type: q.type,
    stem: q.stem,
    tags: q.tags,
    difficulty: q.difficulty,
    status: q.status,
    version: q.version,
    openReports: q.openReports,
    updatedAt: new Date(q.updatedAt).getTime(),
  };
}

export function questionDetail(q: QuestionDoc): QuestionDetail {
  return { ...questionRow(q), options: q.options, answer: q.answer, blanks: q.blanks, explanation: q.explanation };
}

export function contentOf(q: QuestionDoc): QuestionContent {
  return {
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    blanks: q.blanks,
    explanation: q.explanation,
    tags: q.tags,
    difficulty: q.difficulty,
  };
}
