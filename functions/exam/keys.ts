// Which answer keys are held from whom (docs/SECURITY.md, "Exam answer keys"): the windows still
// open to a reader, found with a fixed number of indexed reads, and the questions they may put on
// a paper. The rules themselves are pure (core/domain/exam/keys.ts).

import type { KeyHold } from '../../core/contracts/exam';
import { KEY_HOLD_LOOKBACK_MS, KEY_HOLD_WINDOW_LIMIT, type KeyReader, windowHoldsKey } from '../../core/domain/exam/keys';
import { COLLECTIONS } from '../lib/collections';
import { existingIds, list, type Database } from '../lib/db';
import type { Caller } from '../org/ports';
import { pinnedId, takerId } from './ids';
import { ALL_UNITS, type ExamDoc, type TakerDoc } from './model';

/** Question id → why its key is held from this reader. A question not in the map is readable. */
export type HeldKeys = Map<string, KeyHold>;

type WindowDoc = Pick<ExamDoc, '_id' | 'title' | 'kind' | 'parentId' | 'closesAt' | 'inviteOnly' | 'maxAttempts' | 'releaseAnswers' | 'paper'>;

/**
 * The questions among `qids` whose key is held from `reader` at `now`: those a window still open
 * to them may put on a paper (a fixed paper's questions; a drawn paper's whole pool, a make-up's
 * being its original's). Reads, none when `qids` is empty:
 * 1. the published exams whose audience reaches the reader and that close after now − lookback
 *    (one query on the index orgId, status, audience, closesAt; at most KEY_HOLD_WINDOW_LIMIT);
 * 2. the reader's taker documents of those exams, by id (invitations, attempts used, running);
 * 3. only when a drawn window holds: whether the questions are pinned in its pool, by id (one
 *    read per 1000 window × question pairs; `_id` only, never the pinned key).
 */
export async function heldKeys(db: Database, reader: Caller, qids: string[], now: number, as: KeyReader): Promise<HeldKeys> {
  const held: HeldKeys = new Map();
  const wanted = [...new Set(qids)];
  if (wanted.length === 0) return held;
  const _ = db.command;
  const windows = await list<WindowDoc>(
    db
      .collection(COLLECTIONS.exams)
      .where({ orgId: reader.orgId, status: 'published', audience: _.in([...reader.unitPath, ALL_UNITS]), closesAt: _.gt(now - KEY_HOLD_LOOKBACK_MS) })
      .orderBy('closesAt', 'desc')
      .field({ _id: true, title: true, kind: true, parentId: true, closesAt: true, inviteOnly: true, maxAttempts: true, releaseAnswers: true, paper: true })
      .limit(KEY_HOLD_WINDOW_LIMIT),
  );
  if (windows.length === 0) return held;
  // More windows still open than one read returns: fail closed, every key held.
  if (windows.length === KEY_HOLD_WINDOW_LIMIT && windows[windows.length - 1].closesAt > now) {
    for (const qid of wanted) held.set(qid, { windows: [] });
    return held;
  }
  const takerIds = windows.map((w) => takerId(w._id, reader._id));
  const takers = await list<TakerDoc>(db.collection(COLLECTIONS.examTakers).where({ _id: _.in(takerIds) }).limit(takerIds.length));
  const takerOf = new Map(takers.map((tk) => [tk.examId, tk]));
  const holding = windows.filter((w) => windowHoldsKey(w, takerOf.get(w._id) ?? null, now, as));

  const hold = (qid: string, title: string) => {
    const titles = held.get(qid)?.windows ?? [];
    if (!titles.includes(title)) held.set(qid, { windows: [...titles, title] });
  };
  // Fixed papers list their questions on the exam (a make-up copies its original's).
  for (const w of holding) {
    if (w.paper.mode === 'fixed') for (const qid of wanted) if (w.paper.questionIds.includes(qid)) hold(qid, w.title);
  }
  // Drawn papers: the whole pool, pinned under the exam that published it.
  const drawn = holding.filter((w) => w.paper.mode === 'rules');
  if (drawn.length > 0) {
    const sourceOf = (w: WindowDoc) => (w.kind === 'makeup' && w.parentId ? w.parentId : w._id);
    const sources = [...new Set(drawn.map(sourceOf))];
    const pinned = await existingIds(db, COLLECTIONS.examQuestions, sources.flatMap((s) => wanted.map((qid) => pinnedId(s, qid))));
    for (const w of drawn) for (const qid of wanted) if (pinned.has(pinnedId(sourceOf(w), qid))) hold(qid, w.title);
  }
  return held;
}
