// Taro build configuration shared by the weapp and H5 builds.
// weapp goes to dist/ (project.config.json points WeChat DevTools there); H5 goes to .build/h5,
// which the local host serves with an SPA fallback.
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { LegacySyntaxPlugin } from './legacy-syntax';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const isH5 = process.env.TARO_ENV === 'h5';

/** NutUI's stylesheets are drawn for a 375 px wide design; ours for 750. */
function designWidth(input?: unknown): number {
  const raw = typeof input === 'object' && input !== null ? (input as { file?: unknown }).file : undefined;
  const file = typeof raw === 'string' ? raw.replace(/\\+/g, '/') : '';
  return file.includes('@nutui/') ? 375 : 750;
}

/** Values exposed to app code as process.env.TARO_APP_*; a shell variable or .env.* file wins. */
function publicEnv(): Record<string, string> {
  return {
    // WeChat cloud environment id for Taro.cloud.init; empty = the mini-program's default env.
    TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    // H5 only: origin of the local function host; empty = same origin as the page.
    TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
  };
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangjian-study',
    date: '2025-11-22',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? '.build/h5' : 'dist',
    plugins: [],
    env: publicEnv(),
    defineConstants: {},
    alias: {
      '@': path.join(root, 'src'),
      '@core': path.join(root, 'core'),
    },
    // H5: the page the on-site check-in code's URL opens (/qr/checkin), forwarding into the app (docs/ONSITE-CHECKIN.md).
    copy: { patterns: isH5 ? [{ from: 'src/web/qr/checkin/index.html', to: '.build/h5/qr/checkin/index.html' }] : [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Persistent cache stays off: with core/ outside src a stale cache could hide contract changes.
    cache: { enable: false },
    mini: {
      // core/ sits beside src/ and is TypeScript: it must go through Babel like src/ does.
      compile: { include: [path.join(root, 'core')] },
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        // Old iPhones parse ES2015 at most: lower every emitted file, whoever wrote it.
        chain.plugin('legacySyntax').use(LegacySyntaxPlugin);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [path.join(root, 'core')] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Pages are async chunks in H5; let them share NutUI, React glue and src/ modules instead
        // of each page carrying its own copy (Taro's default splits initial chunks only).
        chain.optimization.merge({ splitChunks: { chunks: 'all' } });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
