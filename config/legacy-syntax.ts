// Lowers every JavaScript file the weapp build emits to the syntax level old iPhones parse.
//
// Why a pass over the emitted files rather than Babel targets alone: Babel sees only src/ and
// core/, while React, NutUI, Taro's runtime and webpack's own chunk glue reach the output
// untouched, and several of them use `?.` and `??`. WeChat's base library polyfills missing
// APIs (it ships core-js) but cannot polyfill syntax; a file that does not parse leaves the
// page blank. So the last word belongs to one transform over each finished asset, in dev
// (watch) builds too, and scripts/lib/syntax-level.ts checks the result with a real parser.
//
// Runs at webpack's OPTIMIZE_COMPATIBILITY stage, i.e. before the minifier (OPTIMIZE_SIZE),
// and keeps source maps chained when the build makes them.
import { transformSync } from 'esbuild';
import type { Compiler } from 'webpack';
import { WEAPP_ESBUILD_TARGET } from './syntax-targets';

const NAME = 'LegacySyntaxPlugin';

export class LegacySyntaxPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.js')) continue;
          const asset = compilation.getAsset(name);
          if (!asset) continue;
          const { source, map } = asset.source.sourceAndMap();
          const code = typeof source === 'string' ? source : source.toString('utf8');
          let out;
          try {
            out = transformSync(code, {
              loader: 'js',
              target: WEAPP_ESBUILD_TARGET,
              sourcefile: name,
              sourcemap: map ? 'external' : false,
              // Only syntax changes here; shrinking is the minifier's job.
              minify: false,
              legalComments: 'inline',
            });
          } catch (err) {
            compilation.errors.push(new compiler.webpack.WebpackError(`${NAME}: ${name}: ${err instanceof Error ? err.message : String(err)}`));
            continue;
          }
          const next =
            map && out.map
              ? new sources.SourceMapSource(out.code, name, out.map, code, map, true)
              : new sources.RawSource(out.code);
          compilation.updateAsset(name, next);
        }
      });
    });
  }
}
