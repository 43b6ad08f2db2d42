// Integration and browser tests run the built function bundles, as WeChat's cloud would:
// build them once before the run.
import { buildFunctions } from '../../scripts/build-functions';

export default async function globalSetup(): Promise<void> {
  await buildFunctions({ quiet: true });
}
