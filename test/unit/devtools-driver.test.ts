// npm test cannot open WeChat DevTools; it checks that the DevTools driver compiles (tsc covers
// test/) and loads, that every step kind any journey uses is handled by both drivers, and that the
// DevTools tests say why they are skipped when WECHAT_DEVTOOLS_CLI is unset.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JOURNEYS } from '../journeys';
import { STEP_KINDS, parseCheckinCode, type StepKind } from '../journeys/steps';
import { buildHasE2eHook, DEVTOOLS_SKIP_MESSAGE, devtoolsSkipReason, devtoolsSteps, E2E_HOOK, findAll, findOne, ROOT, textOf, type TaroNode } from '../journeys/drivers/devtools';
import { chromiumSteps } from '../journeys/drivers/chromium';

// Both tables name every step kind, and nothing else (a compile-time check, restated at run time).
const kinds = STEP_KINDS satisfies readonly (keyof typeof devtoolsSteps & keyof typeof chromiumSteps)[];

describe('the DevTools driver', () => {
  it('loads, and it and the Chromium driver handle every step kind', () => {
    expect(Object.keys(devtoolsSteps).sort()).toEqual([...kinds].sort());
    expect(Object.keys(chromiumSteps).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) {
      expect(typeof devtoolsSteps[kind]).toBe('function');
      expect(typeof chromiumSteps[kind]).toBe('function');
    }
  });

  it('handles every step kind that every journey uses', () => {
    expect(JOURNEYS.map((j) => j.name)).toEqual(['bind', 'exam', 'checkin', 'event', 'feed', 'quiz', 'console']);
    const used = new Set<StepKind>(JOURNEYS.flatMap((j) => j.steps.map((s) => s.kind)));
    for (const kind of used) {
      expect(devtoolsSteps).toHaveProperty(kind);
      expect(chromiumSteps).toHaveProperty(kind);
    }
    // Every journey signs in and asserts something on the page.
    for (const j of JOURNEYS) {
      expect(j.steps.some((s) => s.kind === 'signIn')).toBe(true);
      expect(j.steps.some((s) => s.kind === 'see')).toBe(true);
    }
  });

  it('says what to set and why when WECHAT_DEVTOOLS_CLI is unset', () => {
    expect(devtoolsSkipReason({})).toBe(DEVTOOLS_SKIP_MESSAGE);
    expect(DEVTOOLS_SKIP_MESSAGE).toContain('WECHAT_DEVTOOLS_CLI');
    expect(DEVTOOLS_SKIP_MESSAGE).toContain('服务端口');
    expect(DEVTOOLS_SKIP_MESSAGE).toContain('docs/DEVTOOLS-TESTS.md');
    expect(devtoolsSkipReason({ WECHAT_DEVTOOLS_CLI: '/nowhere/cli' })).toContain('does not exist');
  });

  it('reads Taro’s page tree: ids, classes in page order, texts, hidden parts left out', () => {
    const root: TaroNode = {
      sid: 'root',
      cn: [
        { nn: '0', sid: '_n_1', uid: 'quiz-index', cn: [{ v: '第 ' }, { v: '2' }, { v: ' / 5 题' }] },
        { nn: '0', sid: '_n_2', cl: 'quiz-option quiz-option--on', cn: [{ v: '甲' }] },
        { nn: '0', sid: '_n_3', cl: 'quiz-option', cn: [{ nn: '5', sid: '_n_4', cl: 'quiz-option__text', cn: [{ v: '乙' }] }] },
        { nn: '0', sid: '_n_5', st: 'display: none;', cn: [{ v: '看不见' }] },
      ],
    };
    expect(textOf(findOne(root, { id: 'quiz-index' }) as TaroNode)).toBe('第 2 / 5 题');
    expect(findOne(root, { cls: 'quiz-option', nth: 1 })?.sid).toBe('_n_3');
    expect(findAll(root, { cls: 'quiz-option' })).toHaveLength(2);
    expect(findOne(root, { text: '乙' })?.sid).toBe('_n_4');
    expect(findOne(root, { text: '看不见' })).toBeUndefined();
  });

  it('reads an on-site code as a page path or as an https URL', () => {
    expect(parseCheckinCode('subpackages/event/attendance?e=ev1&t=AAAA')).toEqual({ e: 'ev1', t: 'AAAA' });
    expect(parseCheckinCode('https://dj.example.org.cn/qr/checkin?e=ev1&t=BBBB')).toEqual({ e: 'ev1', t: 'BBBB' });
    expect(() => parseCheckinCode('https://dj.example.org.cn/')).toThrow(/no e\/t/);
  });

  it('the app looks for the hook the driver sets, only in a build made with TARO_APP_E2E=1', () => {
    const call = readFileSync(path.join(ROOT, 'src/api/call.ts'), 'utf8');
    expect(call).toContain(`wx.${E2E_HOOK}`);
    // The one use of the hook sits behind the build-time constant, which normal builds leave empty.
    const uses = call.split('\n').filter((line) => line.includes('await e2eHook()'));
    expect(uses).toHaveLength(1);
    expect(call).toContain("if (process.env.TARO_ENV === 'weapp' && process.env.TARO_APP_E2E === '1') {\n    const hook = await e2eHook();");
    // Taro passes a TARO_APP_* variable to the app only when a .env file names it; empty there.
    for (const file of ['.env.development', '.env.production']) {
      expect(readFileSync(path.join(ROOT, file), 'utf8')).toMatch(/^TARO_APP_E2E=$/m);
    }
  });

  it('tells an E2E weapp build from a normal one by the hook’s name in its scripts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'e2e-build-'));
    try {
      expect(buildHasE2eHook(path.join(dir, 'missing'))).toBe(false);
      writeFileSync(path.join(dir, 'app.js'), 'require("./common");');
      writeFileSync(path.join(dir, 'common.js'), 'function d(){return wx.cloud.callFunction}');
      expect(buildHasE2eHook(dir)).toBe(false);
      writeFileSync(path.join(dir, 'common.js'), `function d(){return "undefined"===typeof wx?void 0:wx.${E2E_HOOK}}`);
      expect(buildHasE2eHook(dir)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
