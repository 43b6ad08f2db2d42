// Uploaded pictures (check-in photos, event covers, post images): the client uploads to storage
// first and sends the fileID; the server reads the bytes and accepts only a real image of at most
// MAX_IMAGE_BYTES, whatever the file is called, before anything is written.

import { MAX_IMAGE_BYTES, MAX_IMAGE_TEXT, sniffImage } from '../../core/domain/images';
import type { Storage } from './deps';
import { invalid } from './errors';

/**
 * The fileID when it names an image (null when none was sent); INVALID_ARGUMENT otherwise.
 * `noun` names the picture in the message (照片, 封面, 配图).
 */
export async function requireImage(storage: Storage, fileID: string | null | undefined, noun: string): Promise<string | null> {
  if (!fileID) return null;
  let bytes: Buffer;
  try {
    bytes = await storage.download(fileID);
  } catch {
    throw invalid(`找不到上传的${noun}，请重新选择`);
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw invalid(`${noun}太大（最大 ${MAX_IMAGE_TEXT}），请换一张或压缩后再传`);
  if (!sniffImage(bytes)) throw invalid(`${noun}文件不是图片，请选择 JPG 或 PNG 图片`);
  return fileID;
}
