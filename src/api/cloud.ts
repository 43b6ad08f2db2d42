// weapp: WeChat cloud initialisation, done once at launch (and lazily before the first call).
import Taro from '@tarojs/taro';
import { CLOUD_ENV } from './env';

let ready = false;

export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || ready) return;
  // Without an env id wx.cloud uses the mini-program's default environment; the functions
  // themselves use DYNAMIC_CURRENT_ENV, so both sides always talk to the same environment.
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
  ready = true;
}
