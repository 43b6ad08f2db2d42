// The pictures a post or a featured member shows: each checked to be the caller's own upload and
// an image when saved, and their temporary URLs when read.

import type { Deps } from '../lib/deps';
import { requireImage } from '../lib/images';
import type { ActionContext } from '../lib/router';
import type { PostDoc } from './model';
import { bodyImages } from './sanitize';

/**
 * Pictures of a post or a featured member, each checked to be an image the caller uploaded; `kept`
 * are the files the object being edited already shows (accepted as they are).
 */
export async function checkImages(ctx: ActionContext, fileIDs: Array<string | null | undefined>, kept: Iterable<string | null | undefined> = []): Promise<void> {
  const owner = { openid: ctx.openid, context: 'feed', purpose: 'postImage' } as const;
  const stored = [...kept];
  for (const id of fileIDs) await requireImage(ctx.deps.storage, owner, id, '配图', stored);
}

/** Every fileID a post shows (cover, images, images in the body). */
export function filesOf(p: PostDoc): string[] {
  return [p.cover, ...p.images, ...bodyImages(p.body)].filter((x): x is string => !!x);
}

export async function urlsFor(deps: Deps, fileIDs: string[]): Promise<Map<string, string>> {
  if (fileIDs.length === 0) return new Map();
  try {
    return await deps.storage.tempUrls(fileIDs);
  } catch (err) {
    deps.log.error('getTempFileURL failed', err instanceof Error ? err.message : err);
    return new Map();
  }
}
