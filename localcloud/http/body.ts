// Small HTTP helpers: bounded body reading and JSON replies.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/** Reads the whole body, rejecting with BodyTooLarge as soon as it exceeds `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge(limit));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** A JSON body nested deeper than the reader allows (answered as the caller's mistake). */
export class JsonTooDeep extends Error {
  constructor(readonly limit: number) {
    super(`request body nests deeper than ${limit} levels`);
    this.name = 'JsonTooDeep';
  }
}

/**
 * Whether JSON text nests arrays and objects deeper than `max`, in one pass over the text with a
 * counter: parsing first, or walking the parsed value recursively, is what a deep body attacks.
 * Brackets inside strings do not count. Malformed text is left for JSON.parse to refuse.
 */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** JSON.parse of a body, refusing one nested deeper than `maxDepth` (JsonTooDeep) before parsing. */
export function parseJsonBody(raw: Buffer, maxDepth: number): unknown {
  const text = raw.toString('utf8');
  if (jsonTooDeep(text, maxDepth)) throw new JsonTooDeep(maxDepth);
  return JSON.parse(text);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8',
): void {
  sendJsonText(res, status, JSON.stringify(body), headers, contentType);
}

/** A reply whose JSON text is already at hand. */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8',
): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
