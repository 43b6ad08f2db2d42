// A post's record (a like, a comment, a comment's visibility) and the post's counter of it are
// written by one transaction, so no crash or time limit between two writes leaves a record without
// its count. The post document is where concurrent writers meet: the database refuses all but one
// of them at commit; the SDK re-runs a refused transaction three times at once, and this runs it a
// few more rounds after a short random pause, for a crowd liking one post at the same moment.

import { isTransactionConflict, type Database, type TransactionLike } from '../lib/db';
import { conflict } from '../lib/errors';

const ROUNDS = 5;

export async function counted<T>(db: Database, body: (t: TransactionLike) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return (await db.runTransaction(body)) as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (round >= ROUNDS) throw conflict('点赞和评论的人较多，请稍后再试');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * round));
    }
  }
}

/** The post's counter `field` moved by `delta`, from the post as this transaction reads it. */
export async function moveCounter(t: TransactionLike, collection: string, postId: string, field: 'likes' | 'comments', delta: number): Promise<number> {
  const cur = (await t.collection(collection).doc(postId).get()).data as Record<string, unknown> | null;
  if (!cur) throw new Error(`post ${postId} vanished`);
  const next = Math.max(0, Number(cur[field] ?? 0) + delta);
  await t.collection(collection).doc(postId).update({ data: { [field]: next } });
  return next;
}
