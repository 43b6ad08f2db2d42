// A wx-server-sdk database handle for scripts and tests, in this process.
// Against the local cloud: the env from LocalCloud.sdkEnv() routes every admin call to it.
// Against a real CloudBase environment: pass its id, with TENCENTCLOUD_SECRETID/SECRETKEY set.

import type { Database } from '../../functions/lib/db';

export function sdkDatabase(target: { env: Record<string, string> } | { envId: string }): Database {
  if ('env' in target) Object.assign(process.env, target.env);
  // Required after the environment is set: the SDK reads it on each request.
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  cloud.init({ env: 'envId' in target ? target.envId : (cloud.DYNAMIC_CURRENT_ENV as unknown as string) });
  return cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]);
}
