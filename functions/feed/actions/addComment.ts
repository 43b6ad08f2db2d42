// addComment: a member comments on a published post; the content-security service checks it
// before it shows (risky: refused and not stored; uncertain: held for an organiser).

import type { FeedResponses } from '../../../core/contracts/feed';
import { COLLECTIONS } from '../../lib/collections';
import { insert, updateById } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { consumeAll } from '../../lib/rateLimit';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { CommentDoc } from '../model';
import { loadPublished } from '../access';
import { COMMENT_LIMITS } from '../limits';
import { commentView } from '../views';

export async function addComment(input: { postId: string; text: string }, ctx: ActionContext): Promise<FeedResponses['addComment']> {
  const { db, clock, ids, content } = ctx.deps;
  const _ = db.command;
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
  await insert(db, COLLECTIONS.postComments, { ...doc });
  if (doc.status === 'visible') await updateById(db, COLLECTIONS.posts, post._id, { comments: _.inc(1) });
  return { comment: doc.status === 'visible' ? commentView(doc, me, false) : null, held: doc.status === 'held' };
}
