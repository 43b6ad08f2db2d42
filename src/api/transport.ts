// Which way a build reaches the cloud functions, and the web app's calls and uploads through
// @cloudbase/js-sdk. Platform-free (no Taro, no SDK import): the SDK's app object is handed in, so a
// unit test runs these with a stand-in (test/unit/web-transport.test.ts, web-upload.test.ts).
//
// - weapp: Taro.cloud.callFunction (WeChat supplies the caller's openid);
// - cloudbase: an H5 build with TARO_APP_CLOUDBASE_ENV: the page signs in anonymously with
//   @cloudbase/js-sdk and calls app.callFunction; the function sees the anonymous user's uid, which
//   a web sign-in code makes a member's (docs/WEB-APP.md);
// - local: any other H5 build: the local cloud's HTTP host (an anonymous web session, or the
//   demo's dev login).

import { networkError } from './errors';

export type Transport = 'weapp' | 'cloudbase' | 'local';

export function chooseTransport(build: { taroEnv: string | undefined; cloudbaseEnv: string | undefined }): Transport {
  if (build.taroEnv !== 'h5') return 'weapp';
  return build.cloudbaseEnv ? 'cloudbase' : 'local';
}

/** What the web app uses of @cloudbase/js-sdk's app (3.x): anonymous sign-in and callFunction… */
export interface WebSdkAuth {
  getLoginState(): Promise<unknown>;
  signInAnonymously(data?: Record<string, never>): Promise<unknown>;
}
export interface WebSdkApp {
  auth(options?: { persistence?: 'local' | 'session' | 'none' }): WebSdkAuth;
  callFunction(options: { name: string; data: unknown; parse?: boolean }): Promise<{ result?: unknown }>;
}
/**
 * …and uploadFile. The SDK types its filePath as a string; in a browser it takes the File (a Blob)
 * itself, PUTs it to a signed storage URL, and answers `{ fileID, download_url, requestId }`, or
 * throws.
 */
export interface WebSdkStorage {
  uploadFile(params: { cloudPath: string; filePath: Blob }): Promise<{ fileID?: unknown }>;
}

export class WebSignInFailed extends Error {}

/** The SDK's error, if its answer carries one (3.x answers `{ data, error }` instead of throwing). */
function sdkError(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || !('error' in answer)) return null;
  const error = (answer as { error?: unknown }).error;
  if (!error) return null;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : 'sign-in failed';
}

/** Signs in anonymously unless the browser already holds a sign-in (the SDK keeps it in localStorage). */
export async function ensureAnonymous(app: WebSdkApp): Promise<void> {
  const auth = app.auth({ persistence: 'local' });
  if (await auth.getLoginState()) return;
  const error = sdkError(await auth.signInAnonymously({}));
  if (error) throw new WebSignInFailed(error);
}

/** One call through the SDK: the function's answer (the envelope), parsed if it came as JSON text. */
export async function callThroughSdk(app: WebSdkApp, name: string, body: { action: string; payload: unknown }): Promise<unknown> {
  await ensureAnonymous(app);
  const res = await app.callFunction({ name, data: body, parse: true });
  const result = res?.result;
  if (typeof result !== 'string') return result;
  try {
    return JSON.parse(result) as unknown;
  } catch {
    return result;
  }
}

/**
 * One upload through the SDK to the path an uploadTicket gave: the stored file's fileID. Anything
 * that goes wrong (sign-in, the SDK's refusal or a storage rule's, an answer without a fileID) is
 * the network error, as a failed mini-program upload is; the ticket's action then says nothing was
 * uploaded.
 */
export async function uploadThroughSdk(app: WebSdkApp & WebSdkStorage, ticket: { cloudPath: string }, file: Blob): Promise<string> {
  let fileID: unknown;
  try {
    await ensureAnonymous(app);
    fileID = (await app.uploadFile({ cloudPath: ticket.cloudPath, filePath: file }))?.fileID;
  } catch {
    throw networkError();
  }
  if (typeof fileID !== 'string' || fileID === '') throw networkError();
  return fileID;
}
