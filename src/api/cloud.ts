// weapp: WeChat cloud initialisation, done once at launch (and lazily before the first call).
// H5 on CloudBase: the @cloudbase/js-sdk app, loaded on first use by a dynamic import, so neither
// the mini-program nor the local H5 build loads it.
import Taro from '@tarojs/taro';
import { CLOUD_ENV, CLOUDBASE_ENV, CLOUDBASE_REGION } from './env';
import type { WebSdkApp } from './transport';

let ready = false;

export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || ready) return;
  // Without an env id wx.cloud uses the mini-program's default environment; the functions
  // themselves use DYNAMIC_CURRENT_ENV, so both sides always talk to the same environment.
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
  ready = true;
}

let sdkApp: Promise<WebSdkApp> | null = null;

/** The js-sdk app for this page (H5 with TARO_APP_CLOUDBASE_ENV only). */
export function webSdkApp(): Promise<WebSdkApp> {
  // The condition is a build-time constant: the mini-program build drops the branch, import and all.
  if (process.env.TARO_ENV === 'h5') {
    if (!sdkApp) {
      sdkApp = import(/* webpackChunkName: "cloudbase-js-sdk" */ '@cloudbase/js-sdk').then((mod) => {
        const cloudbase = ((mod as { default?: unknown }).default ?? mod) as { init(config: { env: string; region?: string }): unknown };
        return cloudbase.init(CLOUDBASE_REGION ? { env: CLOUDBASE_ENV, region: CLOUDBASE_REGION } : { env: CLOUDBASE_ENV }) as WebSdkApp;
      });
      sdkApp.catch(() => {
        sdkApp = null; // a failed chunk load is tried again on the next call
      });
    }
    return sdkApp;
  }
  return Promise.reject(new Error('the js-sdk is for the H5 build only'));
}
