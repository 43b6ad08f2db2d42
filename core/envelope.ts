// The one answer shape of every cloud function action (architecture rule 4).
// Platform-free: imported by the mini-program, the H5 build and the cloud functions.

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RESOURCE_EXHAUSTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Ok<T> = { ok: true; data: T };
export type Fail = { ok: false; code: ErrorCode; message: string };
export type Envelope<T> = Ok<T> | Fail;

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Fail {
  return { ok: false, code, message };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Narrow an unknown JSON answer to an envelope; anything else is a transport fault. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'data' in v;
  return v.ok === false && isErrorCode(v.code) && typeof v.message === 'string';
}
