// A report's attachments (docs/CAMPAIGNS.md, "Reports"): pdf, Word, Excel or a picture, at most
// 20 MB each. The name a member picked a file by is only shown; what is checked is the stored
// file: its extension comes from the upload ticket (functions/lib/uploads.ts, chosen by the
// server from the allowed list) and its first bytes must be of that kind, so an .exe renamed
// .pdf, or a page of HTML called .docx, is refused before anything is written.

import { invalid } from '../lib/errors';
import type { Storage } from '../lib/deps';
import { downloadOwnUpload, type UploadOwner } from '../lib/uploads';
import type { ReportFileDoc } from './model';

/** 20 MB: what WeChat lets a member pick from a chat comfortably, and what an organiser reads on a phone. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // the compound file of .doc and .xls
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04: .docx and .xlsx are zip packages
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const SIGNATURES: Record<string, number[]> = {
  pdf: PDF,
  doc: OLE,
  xls: OLE,
  docx: ZIP,
  xlsx: ZIP,
  jpg: JPEG,
  jpeg: JPEG,
  png: PNG,
};

/** Do the file's first bytes say it is of kind `ext` (one of the allowed extensions)? */
export function bytesMatchExtension(bytes: Uint8Array, ext: string): boolean {
  const sig = SIGNATURES[ext];
  if (!sig || bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** The extension of a stored file's path (the ticket's, lower case). */
export function extensionOf(fileID: string): string {
  return /\.([a-z0-9]{1,5})$/.exec(fileID)?.[1] ?? '';
}

export interface AttachmentInput {
  fileID: string;
  name: string;
}

/**
 * The files of a report as they will be stored. A file already on the stored report is kept as it
 * was (only its shown name may change); a new one must be the caller's own `document` upload of
 * this context, at most 20 MB, whose bytes are what its extension says. Each refusal names the
 * file. `kept`: the files on the stored report.
 */
export async function checkAttachments(
  storage: Storage,
  owner: UploadOwner,
  files: readonly AttachmentInput[],
  kept: readonly ReportFileDoc[],
): Promise<ReportFileDoc[]> {
  const stored = new Map(kept.map((f) => [f.fileID, f]));
  const seen = new Set<string>();
  const out: ReportFileDoc[] = [];
  for (const f of files) {
    if (seen.has(f.fileID)) throw invalid(`附件「${f.name}」重复了，请删去一个`);
    seen.add(f.fileID);
    const old = stored.get(f.fileID);
    if (old) {
      out.push({ ...old, name: f.name });
      continue;
    }
    // Missing and someone else's read the same: the answer never tells whose a file is.
    const bytes = await downloadOwnUpload(storage, owner, f.fileID, () => invalid(`附件「${f.name}」找不到，请重新选择`));
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw invalid(`附件「${f.name}」超过 20 MB`);
    const ext = extensionOf(f.fileID);
    if (!bytesMatchExtension(bytes, ext)) throw invalid(`附件「${f.name}」不是 PDF、Word、Excel 或图片`);
    out.push({ fileID: f.fileID, name: f.name, size: bytes.length, ext: ext === 'jpeg' ? 'jpg' : ext });
  }
  return out;
}
