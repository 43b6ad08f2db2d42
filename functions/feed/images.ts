// The pictures a post or a featured member shows: each checked to be an image when saved, and
// their temporary URLs when read.

import type { Deps, Storage } from '../lib/deps';
import { requireImage } from '../lib/images';
import type { PostDoc } from './model';
import { bodyImages } from './sanitize';

/** Pictures of a post (cover, photos, images in the body), each checked to be an image. */
export async function checkImages(storage: Storage, fileIDs: Array<string | null | undefined>): Promise<void> {
  for (const id of fileIDs) await requireImage(storage, id, '配图');
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
