// No reading text under 16 px (32 design px, 32rpx) — issue 17. Two checks: the stylesheets in
// src/ (every font-size, through fs() or not), and the checker the weapp build runs on its
// compiled wxss (scripts/package-size.ts), here on small samples of what the build writes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MIN_FONT_RPX, smallFontSizes, sizesOf } from '../../scripts/lib/wxss-sizes';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function scssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return scssFiles(full);
    return e.name.endsWith('.scss') ? [full] : [];
  });
}

describe('font sizes in src/**/*.scss', () => {
  it('are 32 design px or more, except lines marked as a documented size exception', () => {
    const problems: string[] = [];
    for (const file of scssFiles(SRC)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const decl = /^\s*(?:font-size|--[\w-]*font-size[\w-]*)\s*:\s*(.+?);/.exec(line);
        if (!decl) return;
        const sizes = [...decl[1].matchAll(/fs\((\d+(?:\.\d+)?)\)|(\d+(?:\.\d+)?)px/g)].map((m) => parseFloat(m[1] ?? m[2]));
        const small = sizes.filter((n) => n > 0 && n < MIN_FONT_RPX);
        if (small.length === 0) return;
        if (/size-exception:/.test(lines[i - 1] ?? '')) return;
        problems.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });
});

describe('the compiled wxss check', () => {
  const sheet = (css: string) => [{ file: 'x.wxss', css }];

  it('flags a small size written directly or through fs()', () => {
    const found = smallFontSizes(sheet('.a{color:red;font-size:calc(28rpx*var(--fs-scale, 1))}.b{font-size:32rpx}.c .d{font-size:20px}'));
    // 20px is left by the build as 40 design px: not small.
    expect(found.map((p) => [p.selector, p.rpx])).toEqual([['.a', 28]]);
  });

  it('reads px as half a design px (the build leaves only sizes it could not convert)', () => {
    expect(sizesOf('12px', new Map())).toEqual([24]);
    expect(smallFontSizes(sheet('.e{font-size:12px}')).map((p) => p.rpx)).toEqual([24]);
  });

  it('follows variables: the app’s own definitions win over a fallback, and a fallback counts when there is none', () => {
    const nut = '.nut-button--small{font-size:var(--nutui-button-small-font-size,var(--nutui-font-size-s,24rpx))}';
    expect(smallFontSizes(sheet(nut)).map((p) => p.rpx)).toEqual([24]);
    expect(smallFontSizes(sheet(`${nut}.shell{--nutui-font-size-s:calc(32rpx*var(--fs-scale, 1))}`))).toEqual([]);
    expect(smallFontSizes(sheet(`${nut}.shell{--nutui-button-small-font-size:calc(30rpx*var(--fs-scale, 1))}`)).map((p) => p.rpx)).toEqual([30]);
  });

  it('ignores relative sizes, zero, the scale multiplier and comments', () => {
    expect(smallFontSizes(sheet('/* font-size:10rpx */.f{font-size:inherit}.g{font-size:0}.h{font-size:1.2em}.shell--senior{--fs-scale:1.25}'))).toEqual([]);
  });

  it('sees into @media and keeps the documented exceptions', () => {
    expect(smallFontSizes(sheet('@media (min-width:400px){.i{font-size:26rpx}}')).map((p) => p.selector)).toEqual(['.i']);
    expect(smallFontSizes(sheet('.qr-content{font-size:20rpx}'))).toEqual([]);
  });
});
