// Admin endpoint: `POST /admin`, the CloudBase admin protocol. Decodes the body (JSON, or multipart
// for wx.openApi), attributes the call to an invocation through `wxCloudApiToken`, dispatches to the
// database engine, storage, functions or openapi, and always answers HTTP 200 with errors in `code`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import type { DbEngine } from './db/engine';
import { FunctionFailure, resultJson } from './function-host';
import { BodyTooLarge, JsonTooDeep, parseJsonBody, readBody, sendJson } from './http/body';
import { adminRefusal, sameSecret, type AdminCredentials } from './http/door';
import type { OpenApi } from './openapi';
import type { LocalStorage } from './storage';
import type { InvocationStats, QueryShape } from './types';
import { CloudError, asRecord, newRequestId } from './wire';

/** Who is behind a per-invocation token (WX_API_TOKEN, sent back as wxCloudApiToken). */
export interface InvocationRecord {
  openid: string;
  /** A web caller's uid (passed on to a function it calls, as its openid would be). */
  uid?: string;
  appid: string;
  unionid?: string;
  source: string;
  functionName: string;
  stats: InvocationStats;
}

export interface InternalCaller {
  openid: string;
  appid?: string;
  unionid?: string;
  source: string;
  clientIp?: string;
  /** A web caller's CloudBase uid (localcloud/index.ts runs the function as the platform would). */
  uid?: string;
}

export interface AdminDeps {
  /** This run's credentials: a request must present them as the SDK does (http/door.ts). */
  credentials: AdminCredentials;
  engine: DbEngine;
  storage: LocalStorage;
  openapi: OpenApi;
  invocation(token: string): InvocationRecord | undefined;
  /** Whether a function declared the OpenAPI in its config.json (`permissions.openapi`). */
  openapiAllowed(functionName: string, apiName: string): boolean;
  invoke(name: string, event: unknown, caller: InternalCaller): Promise<unknown>;
  recordShape(shape: QueryShape): void;
  /** Holds a database request while a test's barrier asks for it (localcloud/barrier.ts). */
  barrier(action: string, collection: string | undefined): Promise<void>;
  now(): number;
  logger(line: string): void;
}

const MAX_ADMIN_BODY = 32 * 1024 * 1024;
/** The SDK nests little (queries and documents travel as EJSON strings); far below a stack's reach. */
const MAX_ADMIN_DEPTH = 512;
/** databaseAccounting() of each action name seen (the regular expressions run once per name). */
const accountingOf = new Map<string, 'read' | 'write' | 'none'>();

/**
 * How a database request counts, from its action name, whatever the SDK version calls it (4.x's
 * getDocument, 1.x's aggregate, the legacy transaction names, …), and whether the local cloud
 * implements it or not: every request that reaches the database is a round trip.
 */
export function databaseAccounting(action: string): 'read' | 'write' | 'none' {
  let counted = accountingOf.get(action);
  if (counted === undefined) {
    const name = action.replace(/^database\./, '');
    if (/^(start|commit|abort)Transaction$|^addCollection$/.test(name)) counted = 'none';
    else if (/insert|modify|update|remove|delete|^add|^set/i.test(name)) counted = 'write';
    else counted = 'read';
    // Action names come from requests: remember a bounded number of them.
    if (accountingOf.size < 256) accountingOf.set(action, counted);
  }
  return counted;
}

export class AdminEndpoint {
  constructor(private readonly deps: AdminDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = adminRefusal(req, this.deps.credentials);
    if (refusal) {
      this.refuse(req, res, refusal);
      return;
    }
    const contentType = String(req.headers['content-type'] ?? '');
    if (contentType.startsWith('multipart/form-data')) {
      await this.handleMultipart(req, res);
      return;
    }
    const requestId = newRequestId();
    let body: Record<string, unknown>;
    try {
      const raw = await readBody(req, MAX_ADMIN_BODY);
      body = asRecord(parseJsonBody(raw, MAX_ADMIN_DEPTH));
    } catch (err) {
      const message = err instanceof BodyTooLarge || err instanceof JsonTooDeep ? err.message : 'request body is not JSON';
      sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message });
      return;
    }
    if (!sameSecret(body.sessionToken, this.deps.credentials.sessionToken)) {
      this.refuse(req, res, 'no session token of this run');
      return;
    }
    const reply = await this.dispatch(body, requestId);
    sendJson(res, 200, { requestId, ...reply });
  }

  /** 403 and close: a refused caller gets no answer to its request, and its body is not read. */
  private refuse(req: IncomingMessage, res: ServerResponse, why: string): void {
    this.deps.logger(`[admin] refused ${req.method} ${req.url ?? ''}: ${why}`);
    req.resume();
    sendJson(res, 403, { requestId: newRequestId(), code: 'PERMISSION_DENIED', message: `localcloud refused the request: ${why}` }, { Connection: 'close' });
  }

  private async dispatch(body: Record<string, unknown>, requestId: string): Promise<Record<string, unknown>> {
    const action = typeof body.action === 'string' ? body.action : '';
    const token = typeof body.wxCloudApiToken === 'string' ? body.wxCloudApiToken : '';
    const invocation = token ? this.deps.invocation(token) : undefined;
    try {
      if (action.startsWith('database.')) {
        await this.deps.barrier(action, typeof body.collectionName === 'string' ? body.collectionName : undefined);
        return this.database(action, body, invocation);
      }
      if (invocation) invocation.stats.ops.push({ action });
      if (action.startsWith('storage.')) return this.deps.storage.execute(action, body);
      if (action === 'functions.invokeFunction') return await this.invokeFunction(body, invocation);
      if (action === 'wx.api') {
        const apiName = typeof body.apiName === 'string' ? body.apiName : '';
        return this.deps.openapi.handleLegacy(apiName, body.requestData, invocation?.openid);
      }
      throw new CloudError('INVALID_PARAM', `action ${action || '(none)'} is not supported by localcloud`);
    } catch (err) {
      if (err instanceof CloudError) return { code: err.code, message: err.message };
      const message = err instanceof Error ? err.message : String(err);
      this.deps.logger(`[admin] ${action} failed (${requestId}): ${err instanceof Error ? (err.stack ?? message) : message}`);
      return { code: action.startsWith('database.') ? 'DATABASE_REQUEST_FAILED' : 'SYS_ERR', message };
    }
  }

  private database(
    action: string,
    body: Record<string, unknown>,
    invocation: InvocationRecord | undefined,
  ): Record<string, unknown> {
    const collection = typeof body.collectionName === 'string' ? body.collectionName : undefined;
    if (invocation) {
      // Every request that reaches the database counts, failed ones included: each is a round trip.
      invocation.stats.ops.push(collection ? { action, collection } : { action });
      const counted = databaseAccounting(action);
      if (counted === 'read') invocation.stats.reads++;
      if (counted === 'write') invocation.stats.writes++;
    }
    const outcome = this.deps.engine.execute(action, body, this.deps.now());
    // A commit counts as one write when it wrote something.
    if (invocation && action === 'database.commitTransaction' && outcome.accounting === 'write') invocation.stats.writes++;
    if (outcome.shape) this.deps.recordShape(outcome.shape);
    return outcome.reply;
  }

  private async invokeFunction(
    body: Record<string, unknown>,
    invocation: InvocationRecord | undefined,
  ): Promise<Record<string, unknown>> {
    const name = typeof body.function_name === 'string' ? body.function_name : '';
    let event: unknown = {};
    if (typeof body.request_data === 'string' && body.request_data !== '') {
      try {
        event = JSON.parse(body.request_data);
      } catch {
        event = body.request_data;
      }
    }
    // The callee runs as the caller's user; SOURCE gains ",scf" (WeChat docs: e.g. "wx_client,scf").
    const caller: InternalCaller = invocation
      ? { openid: invocation.openid, appid: invocation.appid, unionid: invocation.unionid, source: `${invocation.source},scf`, uid: invocation.uid }
      : { openid: '', source: 'scf' };
    try {
      const result = await this.deps.invoke(name, event, caller);
      return { data: { response_data: resultJson(result) ?? JSON.stringify(result === undefined ? null : result) } };
    } catch (err) {
      if (err instanceof FunctionFailure) {
        if (err.kind === 'not_found') throw new CloudError('FUNCTION_NOT_FOUND', `function ${name} does not exist`);
        if (err.kind === 'invalid_event') throw new CloudError('INVALID_PARAM', err.message);
        throw new CloudError('FUNCTIONS_EXECUTE_FAIL', err.message);
      }
      throw err;
    }
  }

  /** wx.openApi: form fields + a protobuf `requestData` part; the reply is raw protobuf. */
  private handleMultipart(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const fields: Record<string, string> = {};
      const files: Record<string, Buffer> = {};
      const fail = (message: string): void => {
        // This exact content type makes the SDK read the reply as JSON (protocol §7.4).
        sendJson(res, 200, { requestId: newRequestId(), code: 'INVALID_PARAM', message }, {}, 'application/json; charset=utf-8');
        resolve();
      };
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { fileSize: MAX_ADMIN_BODY } });
      } catch (err) {
        req.resume();
        fail(`bad multipart body: ${String(err)}`);
        return;
      }
      parser.on('field', (name, value) => {
        fields[name] = value;
      });
      parser.on('file', (name, stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files[name] = Buffer.concat(chunks);
        });
      });
      parser.on('error', (err) => fail(`bad multipart body: ${String(err)}`));
      parser.on('close', () => {
        if (!sameSecret(fields.sessionToken, this.deps.credentials.sessionToken)) {
          this.refuse(req, res, 'no session token of this run');
          resolve();
          return;
        }
        const action = fields.action ?? '';
        if (action !== 'wx.openApi') {
          fail(`action ${action || '(none)'} is not supported as multipart by localcloud`);
          return;
        }
        const invocation = fields.wxCloudApiToken ? this.deps.invocation(fields.wxCloudApiToken) : undefined;
        invocation?.stats.ops.push({ action });
        const requestData = files.requestData ?? (fields.requestData ? Buffer.from(fields.requestData, 'binary') : Buffer.alloc(0));
        let reply: Buffer;
        const apiName = fields.apiName ?? '';
        try {
          if (invocation && !this.deps.openapiAllowed(invocation.functionName, apiName)) {
            this.deps.logger(`[openapi] ${invocation.functionName} called ${apiName} without declaring it in config.json (permissions.openapi): refused with -604101`);
            reply = this.deps.openapi.refuse();
          } else reply = this.deps.openapi.handleProtobuf(apiName, requestData, invocation?.openid);
        } catch (err) {
          fail(`bad openapi request: ${err instanceof Error ? err.message : String(err)}`);
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(reply.length) });
        res.end(reply);
        resolve();
      });
      req.pipe(parser);
    });
  }
}
