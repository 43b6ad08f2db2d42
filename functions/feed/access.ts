// Who may read or manage a post, checked on the server every call: members read published posts
// of their organisation whose time has come; org admins manage any post, branch organisers their
// branches' and their own.

import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import { type Caller, managedUnits, requireOrganiser } from '../org/ports';
import { isOrganiser } from '../../core/domain/org/roles';
import type { ActionContext } from '../lib/router';
import type { PostDoc } from './model';

/** A published post of the member's organisation whose time has come; NOT_FOUND otherwise. */
export async function loadPublished(db: Database, member: Caller, postId: string, now: number): Promise<PostDoc> {
  const post = await getById<PostDoc>(db, COLLECTIONS.posts, postId);
  if (!post || post.orgId !== member.orgId || post.status !== 'published' || (post.publishAt ?? 0) > now) throw notFound('找不到这篇文章，可能已被撤下');
  return post;
}

/** May this organiser manage the post: org admins any; branch organisers their branches' and their own. */
export async function mayManage(db: Database, me: Caller, post: PostDoc): Promise<boolean> {
  if (!isOrganiser(me.role) || post.orgId !== me.orgId) return false;
  if (me.role === 'org_admin' || post.authorId === me._id) return true;
  if (!post.unitId) return false;
  return (await managedUnits(db, me)).some((u) => u._id === post.unitId);
}

export async function loadForOrganiser(ctx: ActionContext, postId: string): Promise<{ me: Caller; post: PostDoc }> {
  const me = await requireOrganiser(ctx);
  const post = await getById<PostDoc>(ctx.deps.db, COLLECTIONS.posts, postId);
  if (!post || post.orgId !== me.orgId) throw notFound('找不到这篇文章');
  if (!(await mayManage(ctx.deps.db, me, post))) throw forbidden('只有作者、该支部的管理员或单位管理员可以修改这篇文章');
  return { me, post };
}
