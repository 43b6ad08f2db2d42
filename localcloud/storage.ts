// Storage: the `storage.*` admin actions plus the upload PUT and download GET that their replies
// point at. Files live on local disk under <dataDir>/storage/files. URLs carry signed, opaque tokens.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor } from './http/mime';
import { CloudError, asRecord } from './wire';

const BUCKET = 'local-bucket';
/** getTempFileURL's default lifetime when the caller gives none (seconds). */
const DEFAULT_MAX_AGE_S = 86_400;
/** The upload URL handed out by getUploadMetadata is valid this long. */
const UPLOAD_TTL_MS = 10 * 60_000;

interface TokenPayload {
  /** 'u' = upload, 'd' = download */
  k: 'u' | 'd';
  p: string;
  /** expiry, epoch ms */
  e: number;
}

export class LocalStorage {
  private readonly secret = randomBytes(32);
  private readonly filesRoot: string;

  constructor(
    root: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.filesRoot = join(root, 'files');
    mkdirSync(this.filesRoot, { recursive: true });
  }

  fileIdFor(path: string): string {
    return `cloud://${this.envId}.${BUCKET}/${path}`;
  }

  /**
   * Stores bytes at a cloud path (used by the H5 upload endpoint); returns the fileID, or null when
   * a file is already there: it is never overwritten, as WeChat storage lets only a file's creator
   * overwrite it (and the endpoint cannot tell who that was). The exclusive create settles two
   * uploads racing to one path.
   */
  putFile(cloudPath: string, bytes: Buffer): string | null {
    const path = normalizeCloudPath(cloudPath);
    const disk = this.diskPath(path);
    mkdirSync(dirname(disk), { recursive: true });
    try {
      writeFileSync(disk, bytes, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw err;
    }
    return this.fileIdFor(path);
  }

  execute(action: string, req: Record<string, unknown>): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        if (typeof req.path !== 'string') throw new CloudError('INVALID_PARAM', 'invalid parameters: path');
        const path = normalizeCloudPath(req.path);
        const token = this.sign({ k: 'u', p: path, e: Date.now() + UPLOAD_TTL_MS });
        // token/authorization/cosFileId must be strings (the SDK puts them in headers); empty is fine.
        return {
          data: {
            url: `${this.baseUrl()}/storage/upload/${token}`,
            token: '',
            authorization: '',
            fileId: this.fileIdFor(path),
            cosFileId: '',
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = Array.isArray(req.file_list) ? req.file_list : [];
        return { data: { download_list: list.map((item: unknown) => this.downloadEntry(asRecord(item))) } };
      }
      case 'storage.batchDeleteFile': {
        const list = Array.isArray(req.fileid_list) ? req.fileid_list : [];
        return {
          data: {
            delete_list: list.map((fileId: unknown) => {
              const id = String(fileId);
              const path = pathFromFileId(id);
              const disk = path ? this.diskPath(path) : undefined;
              if (!disk || !isFile(disk)) return { fileID: id, code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
              rmSync(disk);
              return { fileID: id, code: 'SUCCESS' };
            }),
          },
        };
      }
      default:
        throw new CloudError('INVALID_PARAM', `action ${action} is not supported by localcloud`);
    }
  }

  /** PUT /storage/upload/<token>. Success is an EMPTY body; failure is COS-style XML (quirk Q13). */
  async handleUpload(token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const payload = this.verify(token, 'u');
    if (!payload) {
      req.resume();
      res.writeHead(403, { 'Content-Type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied.</Message>' +
          `<RequestId>${randomBytes(8).toString('hex')}</RequestId><TraceId>localcloud</TraceId></Error>`,
      );
      return;
    }
    const disk = this.diskPath(payload.p);
    mkdirSync(dirname(disk), { recursive: true });
    const temp = `${disk}.${randomBytes(4).toString('hex')}.part`;
    try {
      await pipeline(req, createWriteStream(temp));
      renameSync(temp, disk);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
    res.writeHead(200, { 'Content-Length': '0' });
    res.end();
  }

  /** GET /storage/download/<token>: 200 with the bytes, 404 for unknown, expired or deleted files. */
  handleDownload(token: string, res: ServerResponse): void {
    const payload = this.verify(token, 'd');
    const disk = payload ? this.diskPath(payload.p) : undefined;
    if (!payload || !disk || !isFile(disk)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    const bytes = readFileSync(disk);
    // As what the bytes are, never as what the name says: a picture inline, anything else only as a
    // download, and never sniffed by the browser (a PNG-prefixed .html must not run as a page).
    const image = imageTypeOf(bytes);
    const headers: Record<string, string> = { 'Content-Length': String(bytes.length), 'X-Content-Type-Options': 'nosniff' };
    if (image) headers['Content-Type'] = image;
    else {
      const named = contentTypeFor(payload.p);
      // Nothing a browser would run or render as a document keeps its type (html, svg, xml, js…).
      headers['Content-Type'] = /^text\/|html|svg|\/xml|\+xml|javascript/.test(named) ? 'application/octet-stream' : named;
      // No file name of its own: the page that offers the download names it (an export's title).
      headers['Content-Disposition'] = 'attachment';
    }
    res.writeHead(200, headers);
    res.end(bytes);
  }

  private downloadEntry(item: Record<string, unknown>): Record<string, unknown> {
    const fileID = String(item.fileid ?? '');
    const path = pathFromFileId(fileID);
    if (!path || !isFile(this.diskPath(path))) {
      return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' };
    }
    const requested = Number(item.max_age);
    const maxAge = Number.isFinite(requested) && requested > 0 ? Math.floor(requested) : DEFAULT_MAX_AGE_S;
    const token = this.sign({ k: 'd', p: path, e: Date.now() + maxAge * 1000 });
    // Opaque, URL-safe path: the SDK applies encodeURI to it before downloading (quirk Q12).
    return { fileID, tempFileURL: `${this.baseUrl()}/storage/download/${token}`, code: 'SUCCESS', maxAge };
  }

  private diskPath(cloudPath: string): string {
    return join(this.filesRoot, ...cloudPath.split('/'));
  }

  /**
   * A token the holder can use but not read: the payload (kind, path, expiry) encrypted and
   * authenticated with AES-256-GCM under a key of this run, so a URL shows nothing of the path (an
   * upload path carries the uploader's openid).
   */
  private sign(payload: TokenPayload): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.tokenKey(), iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return `${iv.toString('base64url')}.${sealed.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
  }

  private tokenKey(): Buffer {
    return createHmac('sha256', this.secret).update('storage-token-key').digest();
  }

  private verify(token: string, kind: TokenPayload['k']): TokenPayload | undefined {
    const [iv, sealed, tag] = token.split('.');
    if (!iv || !sealed || !tag) return undefined;
    let text: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.tokenKey(), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      text = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
    const payload = asRecord(safeJson(text));
    if (payload.k !== kind || typeof payload.p !== 'string' || typeof payload.e !== 'number') return undefined;
    if (payload.e < Date.now()) return undefined;
    return { k: kind, p: payload.p, e: payload.e };
  }
}

/** The image type of the bytes by their signature, else null (the local cloud depends on nothing of the project's, so not on core/domain/images). */
function imageTypeOf(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** `cloud://<env>.<bucket>/<path>` -> `<path>` (any env and bucket are accepted). */
export function pathFromFileId(fileId: string): string | undefined {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  if (!match) return undefined;
  try {
    return normalizeCloudPath(match[1]);
  } catch {
    return undefined;
  }
}

/** A cloud path as stored: no leading slash, no empty, '.' or '..' segments. */
export function normalizeCloudPath(raw: string): string {
  const segments = raw.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..' || s.includes('\0'))) {
    throw new CloudError('INVALID_PARAM', `invalid cloud path: ${raw}`);
  }
  return segments.join('/');
}
