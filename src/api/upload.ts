// uploadFile(): put a user-picked file into cloud storage and return its fileID, which an action
// (e.g. org.importRoster) then reads on the server side. The path is an upload ticket the context
// hands out: the server accepts only a file its caller uploaded there, for that purpose.
//
// weapp: Taro.cloud.uploadFile. H5 on a CloudBase environment: @cloudbase/js-sdk's app.uploadFile
// (the web caller is signed in anonymously; docs/WEB-APP.md says which storage rule lets it write).
// H5 on the local cloud: POST /api/upload.
import Taro from '@tarojs/taro';
import type { RequestOf } from '@core/contracts';
import { call, postH5, unwrap } from './call';
import { initCloud, webSdkApp } from './cloud';
import { TRANSPORT } from './env';
import { networkError } from './errors';
import { uploadThroughSdk, type WebSdkApp, type WebSdkStorage } from './transport';

/** The contexts that take files, and what each takes them for (their uploadTicket actions). */
export type UploadContext = 'org' | 'exam' | 'checkin' | 'event' | 'feed' | 'campaign';
export type UploadPurpose<C extends UploadContext> = RequestOf<C, 'uploadTicket'>['purpose'];
/** A context and one of its purposes, e.g. { context: 'checkin', purpose: 'photo' }. */
export type UploadTarget = { [C in UploadContext]: { context: C; purpose: UploadPurpose<C> } }[UploadContext];

/**
 * @param context the context whose action will read the file; `purpose` what for (sheet, photo…)
 * @param localFile weapp: a temp file path from chooseMessageFile; H5: the File from an <input>.
 * @param fileName the name the user sees, e.g. 名单.xlsx
 */
export async function uploadFile<C extends UploadContext>(context: C, purpose: UploadPurpose<C>, localFile: string | Blob, fileName: string): Promise<string> {
  const { cloudPath } = await call<UploadContext, 'uploadTicket'>(context, 'uploadTicket', { purpose, name: fileName });
  if (process.env.TARO_ENV === 'h5') {
    if (typeof localFile === 'string') throw networkError();
    if (TRANSPORT === 'cloudbase') {
      let app: WebSdkApp & WebSdkStorage;
      try {
        // cloud.ts types the app for calls; the same object has the SDK's storage methods.
        app = (await webSdkApp()) as WebSdkApp & WebSdkStorage;
      } catch {
        throw networkError();
      }
      return uploadThroughSdk(app, { cloudPath }, localFile);
    }
    const answer = await postH5(`/api/upload?path=${encodeURIComponent(cloudPath)}`, localFile, 'application/octet-stream');
    const data = unwrap<{ fileID?: unknown }>(answer);
    if (typeof data?.fileID !== 'string') throw networkError();
    return data.fileID;
  }
  if (typeof localFile !== 'string') throw networkError();
  initCloud();
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: localFile });
    return res.fileID;
  } catch {
    throw networkError();
  }
}
