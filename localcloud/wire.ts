// Wire codec: turns the EJSON strings the SDK sends into plain JS values and back.
// It knows the CloudBase-specific extensions ($tcb_server_date) and nothing about storage or HTTP.
import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';

export type Doc = Record<string, unknown>;

/** Error with a CloudBase error `code`; the admin endpoint turns it into `{ code, message }`. */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

// Random hex from a pool filled 4 KB at a time: one call into the CSPRNG per 256 ids instead of one
// per id (every database request gets a request id).
let pool = Buffer.alloc(0);
let poolAt = 0;

function randomHex(bytes: number): string {
  if (poolAt + bytes > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.toString('hex', poolAt - bytes, poolAt);
}

/** CloudBase `_id`s are 32 lowercase hex characters. */
export function newId(): string {
  return randomHex(16);
}

export function newRequestId(): string {
  return randomHex(8);
}

function bsonTypeOf(value: object): string | undefined {
  const tag: unknown = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/**
 * Parse one EJSON string from the SDK. `db.serverDate({offset})` arrives as
 * `{"$tcb_server_date":{"offset":n}}` (not an EJSON type) and becomes the server clock plus offset.
 */
export function decodeEjson(text: string, now: number): unknown {
  const parsed: unknown = EJSON.parse(text, { relaxed: true });
  return replaceServerDates(parsed, now);
}

function replaceServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceServerDates(item, now));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = asRecord(value.$tcb_server_date);
    const offset = typeof spec.offset === 'number' ? spec.offset : 0;
    return new Date(now + offset);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = replaceServerDates(value[key], now);
  return out;
}

/** mingo understands JS RegExp only; the SDK sends BSONRegExp. Used for filters and modifiers. */
export function toQueryValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toQueryValue);
  if (typeof value === 'object' && value !== null && bsonTypeOf(value) === 'BSONRegExp') {
    const re = value as { pattern?: unknown; options?: unknown };
    const pattern = typeof re.pattern === 'string' ? re.pattern : '';
    const options = typeof re.options === 'string' ? re.options : '';
    // BSON allows x/l options that JS does not know; keep only the JS ones.
    const flags = Array.from(new Set(options.split('').filter((f) => 'gimsuy'.includes(f)))).join('');
    return new RegExp(pattern, flags);
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toQueryValue(item);
  return out;
}

/** Canonical EJSON, as the reference emulator replied. Never contains $oid: ids are strings. */
export function encodeEjson(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false });
}

/**
 * Deep copy of a stored document. Plain objects, arrays, dates and regexps are copied;
 * BSON value objects (Decimal128, Binary, ...) are immutable and shared.
 */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneValue(item)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = cloneValue(item);
    return out as T;
  }
  return value;
}

/** Map key for an `_id` value: strings as they are, anything else as canonical EJSON. */
export function idKey(id: unknown): string {
  if (typeof id === 'string') return id;
  return `\u0001${EJSON.stringify({ v: id as Doc }, { relaxed: false })}`;
}

export function describeId(id: unknown): string {
  return typeof id === 'string' ? JSON.stringify(id) : String(id);
}
