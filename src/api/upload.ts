// uploadFile(): put a user-picked file into cloud storage and return its fileID, which an action
// (e.g. org.importRoster) then reads on the server side.
import Taro from '@tarojs/taro';
import { initCloud } from './cloud';
import { networkError } from './errors';
import { postH5, unwrap } from './call';

/** Cloud paths allow a limited character set; the real file name travels separately. */
function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/_+/g, '_');
  return cleaned.slice(-60) || 'file';
}

function randomId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * @param localFile weapp: a temp file path from chooseMessageFile; H5: the File from an <input>.
 * @param fileName the name the user sees, e.g. 名单.xlsx
 */
export async function uploadFile(localFile: string | Blob, fileName: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof localFile === 'string') throw networkError();
    const answer = await postH5(`/api/upload?name=${encodeURIComponent(fileName)}`, localFile, 'application/octet-stream');
    const data = unwrap<{ fileID?: unknown }>(answer);
    if (typeof data?.fileID !== 'string') throw networkError();
    return data.fileID;
  }
  if (typeof localFile !== 'string') throw networkError();
  initCloud();
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `uploads/${randomId()}-${safeName(fileName)}`, filePath: localFile });
    return res.fileID;
  } catch {
    throw networkError();
  }
}
