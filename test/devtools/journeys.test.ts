// The shared journeys (test/journeys) in WeChat DevTools: the weapp build driven by
// miniprogram-automator, its cloud calls answered by a local cloud started here (see
// test/journeys/drivers/devtools.ts and docs/DEVTOOLS-TESTS.md). Needs WECHAT_DEVTOOLS_CLI and a
// logged-in DevTools with its service port on; skipped, saying so once, everywhere else.
import { startTestCloud, type TestCloud } from '../helpers/cloud';
import { JOURNEYS } from '../journeys';
import { devtoolsOptions, devtoolsSkipReason, runInDevtools } from '../journeys/drivers/devtools';

const reason = devtoolsSkipReason(process.env);
const cases = JOURNEYS.map((j) => [j.name, j] as const);

if (reason !== null) {
  process.stderr.write(`\n${reason}\n\n`);
  describe.skip('shared journeys in WeChat DevTools (skipped: WECHAT_DEVTOOLS_CLI not set or not found)', () => {
    it.each(cases)('%s', () => undefined);
  });
} else {
  // Each journey opens the project in DevTools once per identity: minutes, not seconds.
  jest.setTimeout(600_000);
  let t: TestCloud;
  beforeAll(async () => {
    t = await startTestCloud();
  }, 240_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('shared journeys in WeChat DevTools', () => {
    it.each(cases)('%s', async (_name, journey) => {
      await runInDevtools(t, journey, devtoolsOptions(process.env));
    });
  });
}
