// Errors a use case throws on purpose. The router turns an AppError into the envelope with its
// code; any other error is logged and answered as INTERNAL, never returned raw.

import type { ErrorCode } from '../../core/envelope';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string) => new AppError('INVALID_ARGUMENT', message);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = '没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const precondition = (message: string) => new AppError('FAILED_PRECONDITION', message);
