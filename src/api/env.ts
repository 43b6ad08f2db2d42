// Build-time settings read once. process.env.* here is replaced by Taro's DefinePlugin.

/** WeChat cloud environment id; empty means the mini-program's default environment. */
export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV ?? '';

/** H5: origin of the function host, without a trailing slash; empty means same origin. */
export const API_BASE: string = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');

export const IS_H5 = process.env.TARO_ENV === 'h5';
