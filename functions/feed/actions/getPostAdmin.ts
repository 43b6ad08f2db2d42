// getPostAdmin: a post as an organiser who may manage it edits it.

import type { AdminPost } from '../../../core/contracts/feed';
import type { ActionContext } from '../../lib/router';
import { loadForOrganiser } from '../access';
import { adminPostView } from '../views';

export async function getPostAdmin(input: { postId: string }, ctx: ActionContext): Promise<AdminPost> {
  return adminPostView(ctx, (await loadForOrganiser(ctx, input.postId)).post);
}
