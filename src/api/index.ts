// The only module that talks to the backend: cloud functions, uploads and the H5 session.
// Pages use the hooks in src/hooks; event handlers may use call() through useMutation.
export { call } from './call';
export { ApiError, NETWORK_MESSAGE, toApiError } from './errors';
export type { ApiErrorCode } from './errors';
export { initCloud } from './cloud';
export { uploadFile } from './upload';
export type { UploadTarget } from './upload';
export { devLogin, devLoginAvailable, logout, hasSession, isWebSession, onSessionEnd, getSessionOpenid, LOGIN_PAGE } from './session';
export { signInWithCode, signOut } from './webSignIn';
export type { DevLoginInput } from './session';
export { IS_H5 } from './env';
export { askReminders, copyText, openFile, protectFromCapture } from './platform';
export type { ReminderTopic } from './platform';
