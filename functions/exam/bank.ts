// The question bank's shared pieces: the stored document of a question and its views, an
// organisation's own question read by id, and the built-in bank read by the import parser.

import type { KeyHold, QuestionDetail, QuestionRow } from '../../core/contracts/exam';
import { describeChanges, IDENT_PREFIX, IDENT_PREFIX_END, questionIdent } from '../../core/domain/exam/questionIdentity';
import { findQuestionHeader, parseQuestionRow, questionKey, TEMPLATE_HEADER, type QuestionContent } from '../../core/domain/exam/questions';
import { COLLECTIONS } from '../lib/collections';
import { existingIds, getById, insertBatch, isTransactionConflict, list, updateWhere, type Database, type TransactionLike } from '../lib/db';
import type { Ids } from '../lib/deps';
import { notFound } from '../lib/errors';
import type { ActionContext } from '../lib/router';
import { contentStamp } from './digest';
import type { QuestionDoc, QuestionHistoryDoc } from './model';
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
  ref: string | null = null,
): QuestionDoc {
  const key = questionKey(content.stem, content.options);
  const doc: QuestionDoc = {
    _id: questionIdOf(ids, orgId, key),
    orgId,
    ...content,
    key,
    ident: questionIdent(content.type, content.stem),
    ref,
    status: 'active',
    version: 1,
    openReports: 0,
    source,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  };
  doc.contentDigest = contentStamp(doc.version, contentOf(doc));
  return doc;
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
    examOnly: q.examOnly === true,
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
    // Questions stored before 仅用于考试 existed have no such field.
    examOnly: q.examOnly === true,
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

/** The history record of one change of a question; null when the change changes nothing. */
export function historyDoc(
  q: QuestionDoc,
  after: QuestionContent,
  how: { by: string; at: Date; source: QuestionHistoryDoc['source']; fileName?: string | null },
): QuestionHistoryDoc | null {
  const before = contentOf(q);
  const changes = describeChanges(before, after);
  if (changes.length === 0) return null;
  const version = q.version + 1;
  return { _id: `${q._id}_v${version}`, orgId: q.orgId, questionId: q._id, version, by: how.by, at: how.at, source: how.source, fileName: how.fileName ?? null, changes, before, after };
}

/** Writes history records in one request per 100; a record already there (a retried call) is kept. */
export async function writeHistory(db: Database, docs: QuestionHistoryDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) await insertBatch(db, COLLECTIONS.questionHistory, docs.slice(i, i + 100).map((d) => ({ ...d })));
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _omit, ...rest } = doc;
  return rest;
}

const ROUNDS = 4;

/**
 * One question's change (`data`: its fields, not the version) and its history record in one
 * transaction, conditional on the version the caller read: false when the question changed since
 * or stays contended, and then nothing is written. An import's record still on the question
 * (lastChange) is copied in the same transaction and cleared: it is in the history from then on.
 * The content digest is restamped for the new version, from the history's `after` (the content
 * `data` writes) or, with no record, the content read: nothing changed in it. Without that the
 * next re-import would read the question whole (reimport.ts).
 */
export async function changeQuestion(db: Database, q: QuestionDoc, data: Record<string, unknown>, history: QuestionHistoryDoc | null): Promise<boolean> {
  const version = q.version + 1;
  const contentDigest = contentStamp(version, contentOf({ ...q, ...(history?.after ?? {}) }));
  const body = async (t: TransactionLike): Promise<boolean> => {
    const cur = (await t.collection(COLLECTIONS.questions).doc(q._id).get()).data as QuestionDoc | null;
    if (!cur || cur.version !== q.version) return false;
    if (cur.lastChange) await t.collection(COLLECTIONS.questionHistory).doc(cur.lastChange._id).set({ data: withoutId(cur.lastChange) });
    await t.collection(COLLECTIONS.questions).doc(q._id).update({ data: { ...data, contentDigest, version, lastChange: null } });
    if (history) await t.collection(COLLECTIONS.questionHistory).doc(history._id).set({ data: withoutId(history) });
    return true;
  };
  for (let round = 1; ; round++) {
    try {
      return (await db.runTransaction(body)) as boolean;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (round >= ROUNDS) return false;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * round));
    }
  }
}

/**
 * Before a batch of conditional updates overwrites the questions' lastChange (an import's
 * commit): the records on them whose copy did not land are copied now. One read per 1000, and a
 * write only for a record missing.
 */
export async function keepLastChanges(db: Database, questions: QuestionDoc[]): Promise<void> {
  const records = questions.flatMap((q) => (q.lastChange ? [q.lastChange] : []));
  if (records.length === 0) return;
  const there = await existingIds(db, COLLECTIONS.questionHistory, records.map((r) => r._id));
  await writeHistory(db, records.filter((r) => !there.has(r._id)));
}

/** How many of the backfill's conditional writes are in flight at once. */
const BACKFILL_PARALLEL = 20;

/** Runs `work` on every item, at most `limit` at a time, in order of start. */
export async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** A question whose stored identity is not the current rule's: what it stores, and what it should. */
export interface StaleIdent {
  _id: string;
  /** As stored: undefined when it has none. */
  stored: string | undefined;
  /** The current rule's, from its type and stem. */
  ident: string;
}

/**
 * The questions of a bank stored before identities existed, or with an identity of an earlier
 * rule (computed from a stem that kept its label: `judge|判断题…`), with the identity they should
 * have. Reads only (1000 a read, by _id): the preview matches the file against these as if they
 * were stored, and writes nothing; the commit then stores them (backfillIdents).
 */
export async function staleIdents(db: Database, orgId: string): Promise<StaleIdent[]> {
  const _ = db.command;
  // No identity, or one outside the current rule's prefix range (IDENT_PREFIX).
  const stale = _.or([{ ident: _.exists(false) }, { ident: _.lt(IDENT_PREFIX) }, { ident: _.gte(IDENT_PREFIX_END) }]);
  const out: StaleIdent[] = [];
  let after = '';
  for (;;) {
    const page = await list<QuestionDoc>(
      db
        .collection(COLLECTIONS.questions)
        .where(_.and([{ orgId, _id: _.gt(after) }, stale]))
        .orderBy('_id', 'asc')
        .field({ _id: true, type: true, stem: true, ident: true })
        .limit(1000),
    );
    for (const q of page) out.push({ _id: q._id, stored: q.ident, ident: questionIdent(q.type, q.stem) });
    if (page.length < 1000) return out;
    after = page[page.length - 1]._id;
  }
}

/**
 * Stores the current identity of the questions `staleIdents` found (the import's commit, for
 * those it did not update anyway): one conditional write per question, BACKFILL_PARALLEL in
 * flight, each conditional on the identity read, so a call that dies half-way leaves the rest to
 * the next import and two imports at once write each question once. Once stored, the next
 * import's check finds none.
 */
export async function backfillIdents(db: Database, stale: StaleIdent[]): Promise<number> {
  const _ = db.command;
  let written = 0;
  await eachLimited(stale, BACKFILL_PARALLEL, async (q) => {
    const where = { _id: q._id, ident: q.stored === undefined ? _.exists(false) : q.stored };
    written += await updateWhere(db.collection(COLLECTIONS.questions).where(where), { ident: q.ident });
  });
  return written;
}
