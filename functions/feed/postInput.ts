// What an organiser or a member sends as a post, sanitised and checked before it is stored
// (savePost and submitPost).

import type { PostInput } from '../../core/contracts/feed';
import { plainText } from '../../core/domain/feed';
import { invalid } from '../lib/errors';
import type { ActionContext } from '../lib/router';
import { checkImages } from './images';
import { bodyImages, sanitizeBody } from './sanitize';

export type Input = Omit<Required<PostInput>, 'cover' | 'unitId' | 'modelMemberId'> & { cover?: string | null; unitId?: string | null; modelMemberId?: string | null };

/** Sanitise and check what a post carries; the fields to store. `kept`: the files the post being edited already shows. */
export async function prepared(ctx: ActionContext, input: Input, kept: string[] = []) {
  const body = sanitizeBody(input.body);
  if (plainText(body).length < 2 && bodyImages(body).length === 0 && input.images.length === 0) throw invalid('请填写正文');
  if (body.length > 30_000) throw invalid('正文太长（最多约2万字）');
  const images = [...new Set(input.images)];
  const inBody = bodyImages(body);
  if (images.length + inBody.length > 18) throw invalid('图片太多（正文和配图合计最多18张）');
  await checkImages(ctx, [input.cover, ...images, ...inBody], kept);
  return { kind: input.kind, title: input.title, body, cover: input.cover ?? null, images, tags: [...new Set(input.tags)] };
}
