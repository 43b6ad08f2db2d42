// Uploaded pictures (check-in photos, event covers, post images): the client asks for an upload
// ticket, uploads there and sends the fileID; the server accepts only the caller's own upload for
// that purpose, reads the bytes and keeps only a whole, well-formed image of at most
// MAX_IMAGE_BYTES, whatever the file is called, before anything is written.

import { MAX_IMAGE_BYTES, MAX_IMAGE_TEXT, checkImage } from '../../core/domain/images';
import type { Storage } from './deps';
import { invalid } from './errors';
import { downloadOwnUpload, type UploadOwner } from './uploads';

/**
 * The fileID when it names an image the caller uploaded (null when none was sent);
 * INVALID_ARGUMENT otherwise. `noun` names the picture in the message (照片, 封面, 配图). `kept`
 * lists files already stored on the object being edited: those stay without a ticket, since only
 * new pictures must be the caller's own.
 */
export async function requireImage(
  storage: Storage,
  owner: UploadOwner,
  fileID: string | null | undefined,
  noun: string,
  kept: Iterable<string | null | undefined> = [],
): Promise<string | null> {
  if (!fileID) return null;
  if (new Set(kept).has(fileID)) return fileID;
  // Missing and someone else's read the same: the answer never tells whose a file is.
  const bytes = await downloadOwnUpload(storage, owner, fileID, () => invalid(`找不到上传的${noun}，请重新选择`));
  if (bytes.length > MAX_IMAGE_BYTES) throw invalid(`${noun}太大（最大 ${MAX_IMAGE_TEXT}），请换一张或压缩后再传`);
  if (!checkImage(bytes)) throw invalid(`${noun}文件不是图片，请选择 JPG 或 PNG 图片`);
  return fileID;
}
