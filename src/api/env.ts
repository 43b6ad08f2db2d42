// Build-time settings read once. process.env.* here is replaced by Taro's DefinePlugin.
import { chooseTransport } from './transport';

/** WeChat cloud environment id; empty means the mini-program's default environment. */
export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV ?? '';

/** H5: origin of the function host, without a trailing slash; empty means same origin. */
export const API_BASE: string = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');

export const IS_H5 = process.env.TARO_ENV === 'h5';

/**
 * H5 on a real CloudBase environment (docs/WEB-APP.md): its id and region (e.g. ap-shanghai). With
 * an id the web app signs in through @cloudbase/js-sdk; without, it talks to the local cloud.
 */
export const CLOUDBASE_ENV: string = process.env.TARO_APP_CLOUDBASE_ENV ?? '';
export const CLOUDBASE_REGION: string = process.env.TARO_APP_CLOUDBASE_REGION ?? '';

export const TRANSPORT = chooseTransport({ taroEnv: process.env.TARO_ENV, cloudbaseEnv: CLOUDBASE_ENV });
