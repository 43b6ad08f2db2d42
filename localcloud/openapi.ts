// OpenAPI: the `wx.openApi` action (multipart with a protobuf CommApiData, raw protobuf
// CommOpenApiResp reply) and the legacy JSON `wx.api`. Implements a few WeChat APIs with their
// documented error codes and records every call. It knows nothing of the database engine.
import protobuf from 'protobufjs';
import { crc32, encodePng } from './png';
import type { OpenApiCall } from './types';
import { asRecord } from './wire';

// Reconstructed schema (CLOUDBASE-PROTOCOL.md, appendix A); only the types used here.
const SCHEMA = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData  { repeated KeyValuePair pairs = 1; }
message TokenApiData { string resourceAppid = 1; string resourceEnv = 2; }
message SvrkitApiData { string apiName = 1; bytes reqData = 2; }
message CommApiData {
  enum ApiType { OPEN_API = 0; INNER_API = 1; SVRKIT_API = 2; TOKEN_API = 3; }
  ApiType apiType = 1; OpenApiData openapiData = 2; SvrkitApiData svrkitData = 4;
  TokenApiData tokenData = 5; string appid = 6;
}
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3;
                          uint32 httpCode = 4; repeated HttpHeader headers = 5; int32 svrkitErrorCode = 6; }
`;

const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** errorCode for an API the local cloud does not implement (the SDK shows "system error: error code: -604100"). */
export const UNKNOWN_API_ERROR = -604100;
/** errorCode for an API the calling function did not declare in its config.json (`permissions.openapi`). */
export const NO_PERMISSION_ERROR = -604101;

type ApiResult = { json: Record<string, unknown> } | { bytes: Buffer; contentType: string } | { errorCode: number };

export interface OpenApiDeps {
  blockedWords: string[];
  reviewWords: string[];
  now(): number;
  record(call: OpenApiCall): void;
}

export class OpenApi {
  private msgSeq = 1_000_000;

  constructor(private readonly deps: OpenApiDeps) {}

  /** `wx.openApi`: decode CommApiData, run the API, encode CommOpenApiResp. */
  handleProtobuf(apiName: string, requestData: Buffer, openid: string | undefined): Buffer {
    const params = decodeParams(requestData);
    const result = this.run(apiName, params, openid);
    const reply =
      'json' in result
        ? { respData: Buffer.from(JSON.stringify(result.json)), contentType: 'application/json; charset=UTF-8' }
        : 'bytes' in result
          ? { respData: result.bytes, contentType: result.contentType }
          : { errorCode: result.errorCode };
    return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create(reply)).finish());
  }

  /** The reply to a call the function may not make (WeChat: "function has no permission to call this API"). */
  refuse(): Buffer {
    return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ errorCode: NO_PERMISSION_ERROR })).finish());
  }

  /** Legacy `cloud.callOpenAPI` (`wx.api`): JSON in, `{responseData: "<json>"}` out. */
  handleLegacy(apiName: string, requestData: unknown, openid: string | undefined): Record<string, unknown> {
    let params: Record<string, unknown> = {};
    if (typeof requestData === 'string' && requestData !== '') {
      try {
        params = asRecord(JSON.parse(requestData));
      } catch {
        params = {};
      }
    }
    const result = this.run(apiName, params, openid);
    if ('json' in result) return { data: { responseData: JSON.stringify(result.json) } };
    if ('bytes' in result) {
      return { data: { responseData: JSON.stringify({ contentType: result.contentType, buffer: result.bytes.toString('base64') }) } };
    }
    return { code: 'INVALID_PARAM', message: `openapi ${apiName} is not supported by localcloud` };
  }

  private run(api: string, params: Record<string, unknown>, openid: string | undefined): ApiResult {
    this.deps.record({ api, params, openid, at: this.deps.now() });
    switch (api) {
      case 'security.msgSecCheck':
        return this.msgSecCheck(params);
      case 'subscribeMessage.send':
        return this.subscribeMessageSend(params);
      case 'wxacode.getUnlimited':
        return getUnlimited(params);
      default:
        return { errorCode: UNKNOWN_API_ERROR };
    }
  }

  private msgSecCheck(params: Record<string, unknown>): ApiResult {
    const content = typeof params.content === 'string' ? params.content : '';
    const hit = this.deps.blockedWords.find((word) => word !== '' && content.toLowerCase().includes(word.toLowerCase()));
    if (Number(params.version) !== 2) {
      // v1: risky content is an error, 87014.
      return { json: hit ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' } };
    }
    // v2 needs the user's openid and a scene (1 profile, 2 comment, 3 forum, 4 social log).
    if (typeof params.openid !== 'string' || params.openid === '') {
      return { json: { errcode: 40003, errmsg: 'invalid openid' } };
    }
    if (![1, 2, 3, 4].includes(Number(params.scene))) {
      return { json: { errcode: 40097, errmsg: 'invalid args: scene' } };
    }
    const doubt = hit ? undefined : this.deps.reviewWords.find((word) => word !== '' && content.toLowerCase().includes(word.toLowerCase()));
    const suggest = hit ? 'risky' : doubt ? 'review' : 'pass';
    const label = hit ? labelFor(hit) : doubt ? 21000 : 100;
    return {
      json: {
        errcode: 0,
        errmsg: 'ok',
        trace_id: `local-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
        result: { suggest, label },
        detail: [
          { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : doubt ? 60 : 0 },
          ...(hit ? [{ strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword: hit }] : []),
        ],
      },
    };
  }

  private subscribeMessageSend(params: Record<string, unknown>): ApiResult {
    if (typeof params.touser !== 'string' || params.touser === '') {
      return { json: { errcode: 43101, errmsg: 'user refuse to accept the msg' } };
    }
    if (typeof params.template_id !== 'string' || params.template_id === '') {
      return { json: { errcode: 40037, errmsg: 'invalid template_id' } };
    }
    // WeChat takes only these three versions (absent: formal).
    if (params.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(params.miniprogram_state))) {
      return { json: { errcode: 47003, errmsg: 'argument invalid! data.miniprogram_state' } };
    }
    // Real msgids exceed 2^53 (the SDK then returns a BigNumber); a safe integer keeps tests simple.
    return { json: { errcode: 0, errmsg: 'ok', msgid: ++this.msgSeq } };
  }
}

function labelFor(word: string): number {
  // WeChat labels: 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 21000 other.
  if (word.includes('色情')) return 20002;
  if (word.includes('赌博')) return 20006;
  return 21000;
}

function getUnlimited(params: Record<string, unknown>): ApiResult {
  const scene = typeof params.scene === 'string' ? params.scene : String(params.scene ?? '');
  // WeChat: scene is at most 32 visible characters.
  if (scene.length > 32) {
    return { json: { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' } };
  }
  return { bytes: patternPng(scene), contentType: 'image/png' };
}

/** Decode CommApiData's pairs into `{key: JSON value}`; media pairs become `{filename, size}`. */
function decodeParams(requestData: Buffer): Record<string, unknown> {
  const message = asRecord(CommApiData.toObject(CommApiData.decode(requestData), { defaults: false }));
  const params: Record<string, unknown> = {};
  const pairs = asRecord(message.openapiData).pairs;
  if (Array.isArray(pairs)) {
    for (const raw of pairs) {
      const pair = asRecord(raw);
      if (typeof pair.key !== 'string') continue;
      const bytes = pair.value instanceof Uint8Array ? Buffer.from(pair.value) : Buffer.alloc(0);
      if (typeof pair.filename === 'string' && pair.filename !== '') {
        params[pair.key] = { filename: pair.filename, size: bytes.length };
        continue;
      }
      const text = bytes.toString('utf8');
      try {
        params[pair.key] = JSON.parse(text);
      } catch {
        params[pair.key] = text;
      }
    }
  }
  if (typeof message.appid === 'string' && message.appid !== '') params.appid = message.appid;
  return params;
}

// ---------- the stand-in mini-program code image ----------

/** A 64x64 greyscale PNG whose 16x16 block pattern depends on the scene. */
function patternPng(seed: string): Buffer {
  const cells = 16;
  const scale = 4;
  const size = cells * scale;
  let h = crc32(Buffer.from(seed));
  const bits: boolean[] = [];
  for (let i = 0; i < cells * cells; i++) {
    h = (Math.imul(h, 1103515245) + 12345) >>> 0;
    bits.push(((h >>> 16) & 1) === 1);
  }
  const raw = Buffer.alloc(size * (size + 1), 255);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      if (bits[Math.floor(y / scale) * cells + Math.floor(x / scale)]) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  return encodePng(size, size, 0, raw);
}
