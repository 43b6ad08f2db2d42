// The one error type the app sees from the backend: an envelope's code and plain Chinese message,
// or NETWORK when the answer never arrived or could not be read.
import type { ErrorCode } from '@core/envelope';

export type ApiErrorCode = ErrorCode | 'NETWORK';

export const NETWORK_MESSAGE = '网络不太稳定，请检查网络后重试';

export class ApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    // Keep instanceof working when classes are compiled down to ES5 for older WeChat clients.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export function networkError(): ApiError {
  return new ApiError('NETWORK', NETWORK_MESSAGE);
}

/** Anything thrown turned into an ApiError, so pages only ever show a plain message. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ApiError') {
    const { code, message } = e as { code: ApiErrorCode; message: string };
    return new ApiError(code, message);
  }
  return networkError();
}
