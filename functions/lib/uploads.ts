// Upload tickets: the only files an action accepts from a caller are ones that caller uploaded for
// that purpose. WeChat's server SDK cannot tell who uploaded a file, so ownership travels in the
// path: the server hands out `uploads/<purpose>/<nonce>-<mac>/<name>.<ext>`, where the mac binds the
// nonce to the caller's openid, the context and the purpose. Another member's fileID (or an export,
// or a path someone guessed) fails the check, and the path shows no openid. Stateless: nothing is
// written when a ticket is issued or checked.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, invalid } from './errors';
import type { Storage } from './deps';

export type UploadContext = 'org' | 'exam' | 'checkin' | 'event' | 'feed' | 'campaign';
export type UploadPurpose = 'sheet' | 'photo' | 'cover' | 'postImage' | 'document';

/**
 * The mac's key. Its job is binding the path to the caller, which a fixed key already does: no one
 * can compute a mac for another openid without it, and the path carries none. Set
 * UPLOAD_TICKET_KEY in the cloud environment so that not even a known openid can be tested
 * against a path.
 */
const FALLBACK_KEY = 'dangjian-upload-ticket-v1';

const SHEET_EXTENSIONS = ['xlsx', 'xls', 'csv'];
/** A campaign report's attachment: pdf, Word, Excel or a picture (their first bytes are checked where accepted). */
export const DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png'];
const IMAGE_EXTENSIONS: Record<string, string> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' };

const TICKET_PATH = /^uploads\/(sheet|photo|cover|postImage|document)\/([0-9a-f]{32})-([0-9a-f]{32})\/[A-Za-z0-9_-]{1,40}\.([a-z]{3,4})$/;

function key(): string {
  return process.env.UPLOAD_TICKET_KEY || FALLBACK_KEY;
}

function macOf(openid: string, context: UploadContext, purpose: UploadPurpose, nonce: string): string {
  return createHmac('sha256', key()).update(JSON.stringify([openid, context, purpose, nonce])).digest('hex').slice(0, 32);
}

/**
 * The stored name's extension is the server's, from the purpose: a sheet keeps xlsx, xls or csv
 * (anything else is refused), a picture one of the image kinds (jpg when the name says none), so
 * nothing stored through a ticket is ever named .html or .svg.
 */
function extensionFor(purpose: UploadPurpose, name: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1].toLowerCase() ?? '';
  if (purpose === 'sheet') {
    if (!SHEET_EXTENSIONS.includes(ext)) throw invalid('请选择 .xlsx 或 .csv 格式的文件');
    return ext;
  }
  if (purpose === 'document') {
    if (!DOCUMENT_EXTENSIONS.includes(ext)) throw invalid('附件只能是 PDF、Word、Excel 或图片（jpg、png）');
    return ext === 'jpeg' ? 'jpg' : ext;
  }
  return IMAGE_EXTENSIONS[ext] ?? 'jpg';
}

function stemOf(name: string): string {
  const stem = name
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return stem || 'file';
}

/** A cloud path the caller may upload one file to, for `purpose` in `context`. */
export function issueTicket(openid: string, context: UploadContext, purpose: UploadPurpose, name: string): { cloudPath: string } {
  const ext = extensionFor(purpose, name);
  const nonce = randomBytes(16).toString('hex');
  return { cloudPath: `uploads/${purpose}/${nonce}-${macOf(openid, context, purpose, nonce)}/${stemOf(name)}.${ext}` };
}

/** Does this fileID name a file `openid` uploaded through a ticket for `purpose` in `context`? */
export function isOwnUpload(openid: string, context: UploadContext, purpose: UploadPurpose, fileID: string): boolean {
  // cloud://<env>.<bucket>/<path>, as WeChat and the local cloud both give it.
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)?.[1];
  const m = path ? TICKET_PATH.exec(path) : null;
  if (!m || m[1] !== purpose) return false;
  const ext = m[4];
  const kinds = purpose === 'sheet' ? SHEET_EXTENSIONS : purpose === 'document' ? DOCUMENT_EXTENSIONS : Object.values(IMAGE_EXTENSIONS);
  if (!kinds.includes(ext)) return false;
  const expected = Buffer.from(macOf(openid, context, purpose, m[2]), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[3], 'hex'));
}

export interface UploadOwner {
  openid: string;
  context: UploadContext;
  purpose: UploadPurpose;
}

/** The default refusal: the same words whether the file is missing or someone else's. */
export const notYourUpload = () => invalid('找不到你上传的文件，请重新选择');

/** The fileID when it is the caller's own upload; `refusal` otherwise (never saying whose it is). */
export function requireOwnUpload(owner: UploadOwner, fileID: string, refusal: () => AppError = notYourUpload): string {
  if (!isOwnUpload(owner.openid, owner.context, owner.purpose, fileID)) throw refusal();
  return fileID;
}

/** The bytes of the caller's own upload; `refusal` when it is not theirs or cannot be read. */
export async function downloadOwnUpload(storage: Storage, owner: UploadOwner, fileID: string, refusal: () => AppError = notYourUpload): Promise<Buffer> {
  requireOwnUpload(owner, fileID, refusal);
  try {
    return await storage.download(fileID);
  } catch {
    throw refusal();
  }
}
