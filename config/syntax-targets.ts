// The syntax level each build must not exceed. Plain constants: the Taro config loader and the
// build scripts both import this file.
//
// The mini-program: the minimum base library we support is 2.15.0 (set in the mini-program admin
// console, 设置 → 基本设置 → 基础库最低版本设置). WeChat documents that it needs the iOS client
// 7.0.20, which needs iOS 10, whose JavaScriptCore (Safari 10.0) parses ES2015 but not `async`
// or `**` (10.3), object spread (11.3), `?.` or `??` (13.4). WeChat's base library polyfills
// missing APIs with core-js, but not syntax, so syntax is lowered to ES2015.
//
// Cloud functions: bundled by esbuild for the Node.js runtime each declares
// (functions/<name>/function.ts); Node.js 16, the oldest Tencent offers, parses ES2021, 18 ES2022.

export const WEAPP_MIN_BASE_LIBRARY = '2.15.0';
export const WEAPP_ESBUILD_TARGET = 'es2015';
export const WEAPP_ECMA_VERSION = 2015;
export const FUNCTIONS_NODE_TARGET = 'node16';
export const FUNCTIONS_ECMA_VERSION = 2021;

/** esbuild target and parse level for a Node.js major. */
export function functionSyntax(nodeMajor: number): { target: string; ecmaVersion: 2021 | 2022 } {
  return { target: `node${nodeMajor}`, ecmaVersion: nodeMajor >= 18 ? 2022 : 2021 };
}
