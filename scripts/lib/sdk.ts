// wx-server-sdk handles for scripts and tests, in this process.
// Against the local cloud: the env from LocalCloud.sdkEnv() routes every admin call to it.
// Against a real CloudBase environment: pass its id, with TENCENTCLOUD_SECRETID/SECRETKEY set.

import type { Database } from '../../functions/lib/db';

type Cloud = typeof import('wx-server-sdk');
export type SdkTarget = { env: Record<string, string> } | { envId: string };

export function sdkCloud(target: SdkTarget): Cloud {
  if ('env' in target) Object.assign(process.env, target.env);
  // Required after the environment is set; the SDK also re-reads it on each request.
  const cloud = require('wx-server-sdk') as Cloud;
  cloud.init({ env: 'envId' in target ? target.envId : (cloud.DYNAMIC_CURRENT_ENV as unknown as string) });
  return cloud;
}

export function sdkDatabase(target: SdkTarget): Database {
  return sdkCloud(target).database({ throwOnNotFound: false } as Parameters<Cloud['database']>[0]);
}
