// addComment: a member comments on a published post; the content-security service checks it
// before it shows (risky: refused and not stored; uncertain: held for an organiser).

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { insert } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc } from '../model';
import { loadPublished } from '../access';
import { COMMENT_LIMITS } from '../limits';
import { commentView } from '../views';
import { counted, moveCounter } from '../counted';

export async function addComment(input: { postId: string; text: string }, ctx: ActionContext): Promise<FeedResponses['addComment']> {
  const { db, clock, ids, content } = ctx.deps;
  const me = await requireMember(ctx);
  // Before the post is read and the content service is paid for.
  await consumeAll(db, COMMENT_LIMITS, me._id, clock.now());
  const post = await loadPublished(db, me, input.postId, clock.now());
  const verdict = await content.text(input.text, ctx.openid);
  if (verdict === 'risky') throw invalid('评论含有不适宜的内容，未能发表，请修改后再试');
  const doc: CommentDoc = {
    _id: ids.random(12),
    postId: post._id,
    orgId: post.orgId,
    memberId: me._id,
    name: me.name,
    text: input.text,
    at: clock.now(),
    status: verdict === 'pass' ? 'visible' : 'held',
    flagged: verdict !== 'pass',
    reports: 0,
    reportedBy: [],
    moderation: [],
  };
  if (doc.status === 'visible') {
    // The comment and the post's count together (../counted.ts).
    const { _id: commentId, ...data } = doc;
    await counted(db, async (t) => {
      await t.collection(COLLECTIONS.postComments).doc(commentId).set({ data: { ...data } });
      await moveCounter(t, COLLECTIONS.posts, post._id, 'comments', 1);
    });
  } else {
    await insert(db, COLLECTIONS.postComments, { ...doc });
  }
  return { comment: doc.status === 'visible' ? commentView(doc, me, false) : null, held: doc.status === 'held' };
}
