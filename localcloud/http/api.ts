// HTTP host for the H5 build: dev login, anonymous web sessions (`POST /api/web/session`, as
// @cloudbase/js-sdk's anonymous sign-in on CloudBase), `POST /api/fn/<name>` (the browser's
// callFunction) and `POST /api/upload` (its uploadFile), plus static files with SPA fallback. It answers in the
// project's envelope and never leaks a function's real error to the browser.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { InternalCaller } from '../admin';
import type { InvocationStats } from '../types';
import { asRecord } from '../wire';
import { resultJson } from '../function-host';
import { BodyTooLarge, JsonTooDeep, parseJsonBody, readBody, sendJson, sendJsonText } from './body';
import { htmlHeaders, STATIC_HEADERS } from './h5-headers';
import { isLoopbackOrigin } from './door';
import { contentTypeFor } from './mime';

const MAX_FN_BODY = 1024 * 1024;
/** Nesting allowed in a request body; no action's payload comes near it (the router allows 64 too). */
const MAX_JSON_DEPTH = 64;
// A campaign report's attachment may be 20 MB (the function refuses more, naming the limit).
const MAX_UPLOAD_BODY = 25 * 1024 * 1024;
/** The shape of an upload ticket's path (functions/lib/uploads.ts): only spreadsheet, picture and report document names. */
const UPLOAD_TICKET_PATH = /^uploads\/[A-Za-z]{1,16}\/[0-9a-f]{32}-[0-9a-f]{32}\/[A-Za-z0-9_-]{1,40}\.(xlsx|xls|csv|jpg|png|gif|webp|pdf|doc|docx)$/;

export interface ApiHostDeps {
  devLogin: boolean;
  /** Anonymous web sessions one client address may start per WEB_SESSION_WINDOW_MS (default WEB_SESSIONS_PER_IP). */
  webSessionsPerIp?: number;
  resolveDemoKey?: (key: string) => string | undefined;
  staticDir?: string;
  functionExists(name: string): boolean;
  invoke(name: string, event: unknown, caller: InternalCaller): Promise<{ result: unknown; stats: InvocationStats }>;
  /** The fileID, or null when a file is already at that path (never overwritten). */
  putFile(cloudPath: string, bytes: Buffer): string | null;
  logger(line: string): void;
}

const unauthenticated = { ok: false, code: 'UNAUTHENTICATED', message: '请先登录' };

/** Anonymous web sessions per client address and window: a page load takes one, a script cannot take thousands. */
export const WEB_SESSIONS_PER_IP = 60;
export const WEB_SESSION_WINDOW_MS = 10 * 60_000;

/** Who a session token stands for: a dev-login openid (a mini-program caller) or an anonymous web uid. */
type Session = { openid: string } | { uid: string };
const internal = { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' };

function invalid(message: string): Record<string, unknown> {
  return { ok: false, code: 'INVALID_ARGUMENT', message };
}

export class ApiHost {
  /** Session tokens -> who (memory only: a restart logs everyone out). */
  private readonly sessions = new Map<string, Session>();
  /** Client address -> web sessions started in the current window. */
  private readonly webStarts = new Map<string, { windowStart: number; count: number }>();

  constructor(private readonly deps: ApiHostDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse, pathname: string, search: URLSearchParams): Promise<void> {
    // Pages of this machine only: the app itself, or Taro's H5 dev server on another port. Dev login
    // takes any openid, so a page of another site must get neither an answer nor a CORS grant.
    const origin = req.headers.origin;
    if (origin !== undefined && !isLoopbackOrigin(origin)) {
      req.resume();
      sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: '只能从本机打开的页面访问' }, { Connection: 'close' });
      return;
    }
    if (origin !== undefined) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Expose-Headers', 'X-DB-Reads, X-DB-Writes');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST, OPTIONS' });
      res.end();
      return;
    }
    if (pathname === '/api/dev/login' && this.deps.devLogin) return this.login(req, res);
    // Always open (not behind the dev-login switch): it hands out a fresh uid, never a chosen one.
    if (pathname === '/api/web/session') return this.webSession(req, res);
    if (pathname.startsWith('/api/fn/')) {
      const name = decodePathPart(pathname.slice('/api/fn/'.length));
      if (name === undefined) {
        req.resume();
        sendJson(res, 400, invalid('请求地址不正确'));
        return;
      }
      return this.callFunction(req, res, name);
    }
    if (pathname === '/api/upload') return this.upload(req, res, search.get('path') ?? '');
    req.resume();
    sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '接口不存在' });
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return this.methodNotAllowed(req, res);
    let body: Record<string, unknown>;
    try {
      body = asRecord(parseJsonBody(await readBody(req, 64 * 1024), MAX_JSON_DEPTH));
    } catch {
      sendJson(res, 400, invalid('请求格式不正确'));
      return;
    }
    let openid: string | undefined;
    if (typeof body.openid === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(body.openid)) openid = body.openid;
    else if (typeof body.key === 'string') openid = this.deps.resolveDemoKey?.(body.key);
    if (!openid) {
      sendJson(res, 400, invalid('登录信息无效'));
      return;
    }
    const token = randomBytes(24).toString('hex');
    this.sessions.set(token, { openid });
    sendJson(res, 200, { ok: true, data: { token, openid } });
  }

  /**
   * An anonymous web session: a token for a fresh random uid, as CloudBase's anonymous sign-in
   * gives a page. The uid is nobody until org.redeemWebCode puts it on a member's identity.
   * Limited per client address (a fixed window in memory).
   */
  private webSession(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    if (req.method !== 'POST') return this.methodNotAllowed(req, res);
    const ip = String(req.socket.remoteAddress ?? '');
    const now = Date.now();
    const limit = this.deps.webSessionsPerIp ?? WEB_SESSIONS_PER_IP;
    let slot = this.webStarts.get(ip);
    if (!slot || now - slot.windowStart >= WEB_SESSION_WINDOW_MS) {
      slot = { windowStart: now, count: 0 };
      this.webStarts.set(ip, slot);
    }
    if (slot.count >= limit) {
      const minutes = Math.max(1, Math.ceil((slot.windowStart + WEB_SESSION_WINDOW_MS - now) / 60_000));
      sendJson(res, 429, { ok: false, code: 'RESOURCE_EXHAUSTED', message: `尝试次数太多，请 ${minutes} 分钟后再试` });
      return;
    }
    slot.count += 1;
    const uid = `web-${randomBytes(16).toString('hex')}`;
    const token = randomBytes(24).toString('hex');
    this.sessions.set(token, { uid });
    sendJson(res, 200, { ok: true, data: { token, uid } });
  }

  /** The caller, or undefined after answering 401 (the body is drained, not read). */
  private requireSession(req: IncomingMessage, res: ServerResponse): Session | undefined {
    const session = this.session(req);
    if (!session) {
      req.resume();
      sendJson(res, 401, unauthenticated);
    }
    return session;
  }

  private session(req: IncomingMessage): Session | undefined {
    const header = String(req.headers.authorization ?? '');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? this.sessions.get(match[1]) : undefined;
  }

  private async callFunction(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return this.methodNotAllowed(req, res);
    const session = this.requireSession(req, res);
    if (!session) return;
    if (!this.deps.functionExists(name)) {
      req.resume();
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '请求的功能不存在' });
      return;
    }
    let event: unknown;
    try {
      const raw = await readBody(req, MAX_FN_BODY);
      event = raw.length === 0 ? {} : parseJsonBody(raw, MAX_JSON_DEPTH);
    } catch (err) {
      const why = err instanceof BodyTooLarge ? '请求内容过大' : err instanceof JsonTooDeep ? '请求内容的层级太多，请检查后重试' : '请求格式不正确';
      sendJson(res, 400, invalid(why));
      return;
    }
    try {
      // A web session's call runs as CloudBase runs one from @cloudbase/js-sdk: its uid, no openid.
      const caller = 'uid' in session ? { openid: '', uid: session.uid, source: 'web' } : { openid: session.openid, source: 'wx_client' };
      const { result, stats } = await this.deps.invoke(name, event, { ...caller, clientIp: req.socket.remoteAddress });
      // The function's own JSON text when the host has it (the same text JSON.stringify would give).
      sendJsonText(res, 200, resultJson(result) ?? JSON.stringify(result === undefined ? null : result), {
        'X-DB-Reads': String(stats.reads),
        'X-DB-Writes': String(stats.writes),
      });
    } catch (err) {
      // Log the real error for the developer; the browser only gets the generic envelope.
      this.deps.logger(`[api] /api/fn/${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      sendJson(res, 500, internal);
    }
  }

  /**
   * Stores the body at `path`, an upload ticket's path (uploads/<purpose>/<nonce>-<mac>/<name>.<ext>,
   * issued by a function's uploadTicket action), as the mini-program's uploadFile to a cloudPath
   * would. Only that shape is taken (no openid in it, no way out of uploads/), and an existing file
   * is never replaced. Whether the ticket is the caller's is the functions' check when they read it.
   */
  private async upload(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'POST') return this.methodNotAllowed(req, res);
    if (!this.requireSession(req, res)) return;
    if (!UPLOAD_TICKET_PATH.test(path)) {
      req.resume();
      sendJson(res, 400, invalid('上传地址不正确，请重新选择文件'));
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readBody(req, MAX_UPLOAD_BODY);
    } catch (err) {
      sendJson(res, 400, invalid(err instanceof BodyTooLarge ? '文件不能超过 25 MB' : '上传失败'));
      return;
    }
    if (bytes.length === 0) {
      sendJson(res, 400, invalid('文件为空'));
      return;
    }
    try {
      const fileID = this.deps.putFile(path, bytes);
      if (fileID === null) sendJson(res, 409, { ok: false, code: 'CONFLICT', message: '这个文件已经上传过，请重新选择文件' });
      else sendJson(res, 200, { ok: true, data: { fileID } });
    } catch (err) {
      this.deps.logger(`[api] upload failed: ${err instanceof Error ? err.message : String(err)}`);
      sendJson(res, 500, internal);
    }
  }

  private methodNotAllowed(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    sendJson(res, 405, { ok: false, code: 'INVALID_ARGUMENT', message: '请求方式不正确' });
  }
}

/** decodeURIComponent, or undefined for a malformed escape (`%`, `%E0%A4%A`): the caller's mistake. */
function decodePathPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Static files of the H5 build; GET paths without an extension fall back to index.html (SPA). */
export function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    sendJson(res, 405, { ok: false, code: 'INVALID_ARGUMENT', message: '请求方式不正确' }, { ...STATIC_HEADERS });
    return;
  }
  const root = resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = '/';
  }
  let file = resolve(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) file = root;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (extname(decoded) !== '') {
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '文件不存在' }, { ...STATIC_HEADERS });
      return;
    }
    file = join(root, 'index.html');
    if (!existsSync(file)) {
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: '文件不存在' }, { ...STATIC_HEADERS });
      return;
    }
  }
  const isHtml = extname(file) === '.html';
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(statSync(file).size),
    'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=3600',
    ...(isHtml ? htmlHeaders(file) : STATIC_HEADERS),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
