/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.jpg' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform Taro is building for; replaced at build time so dead branches drop out. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn';
    TARO_APP_ID?: string;
    /** WeChat cloud environment id; empty = the mini-program's default environment. */
    TARO_APP_CLOUD_ENV?: string;
    /** H5: origin of the function host, e.g. http://127.0.0.1:8787; empty = same origin. */
    TARO_APP_API_BASE?: string;
  }
}
