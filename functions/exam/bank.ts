// The question bank's shared pieces: the stored document of a question and its views, an
// organisation's own question read by id, and the built-in bank read by the import parser.

import type { KeyHold, QuestionDetail, QuestionRow } from '../../core/contracts/exam';
import { findQuestionHeader, parseQuestionRow, questionKey, TEMPLATE_HEADER, type QuestionContent } from '../../core/domain/exam/questions';
import { COLLECTIONS } from '../lib/collections';
import { getById } from '../lib/db';
import type { Ids } from '../lib/deps';
import { notFound } from '../lib/errors';
import type { ActionContext } from '../lib/router';
import type { QuestionDoc } from './model';
import { SEED_BANK, type SeedQuestionRow } from './seed-bank';

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

/** A question for the editor; without its key when it is held from the reader (docs/SECURITY.md, rule 2). */
export function questionDetail(q: QuestionDoc, keyHeld: KeyHold | null = null): QuestionDetail {
  if (keyHeld) return { ...questionRow(q), options: q.options, answer: [], blanks: [], explanation: '', keyHeld };
  return { ...questionRow(q), options: q.options, answer: q.answer, blanks: q.blanks, explanation: q.explanation, keyHeld: null };
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

/** A question of the organiser's own bank; another organisation's id is not found. */
export async function ownQuestion(ctx: ActionContext, orgId: string, id: string): Promise<QuestionDoc> {
  const q = await getById<QuestionDoc>(ctx.deps.db, COLLECTIONS.questions, id);
  if (!q || q.orgId !== orgId) throw notFound('找不到这道题');
  return q;
}

/** The built-in bank's rows read by the same parser as organisers' files. */
export function seedQuestions(rows: SeedQuestionRow[] = SEED_BANK): QuestionContent[] {
  const header = findQuestionHeader([TEMPLATE_HEADER]);
  if (!header) throw new Error('template header not recognised');
  return rows.map((r, i) => {
    const cells = [r.type, r.stem, ...Array.from({ length: 8 }, (_, k) => r.options[k] ?? ''), r.answer, r.explanation, r.tags.join('、'), String(r.difficulty)];
    const parsed = parseQuestionRow(cells, header.columns);
    if (!parsed.ok) throw new Error(`seed question ${i + 1} (${r.stem.slice(0, 20)}): ${parsed.reason}`);
    return parsed.question;
  });
}
