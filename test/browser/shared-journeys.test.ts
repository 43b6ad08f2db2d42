// The shared journey descriptions (test/journeys), run by the Chromium driver against the H5 build
// with the local cloud behind it. The same descriptions run in WeChat DevTools with
// `npm run test:devtools` (test/devtools), so their assertions run here at least once.
import { startBrowserEnv, type BrowserEnv } from '../helpers/browser';
import { JOURNEYS } from '../journeys';
import { runInChromium } from '../journeys/drivers/chromium';

jest.setTimeout(90_000);

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe('shared journeys in Chromium', () => {
  it.each(JOURNEYS.map((j) => [j.name, j] as const))('%s', async (_name, journey) => {
    await runInChromium(env, journey);
  });
});
