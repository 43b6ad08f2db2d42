// The two APIs the deploy talks to, as the parts of their libraries it uses: miniprogram-ci (the
// mini-program's code and each function's code, with the appid and the upload key) and
// @cloudbase/manager-node (what miniprogram-ci cannot: function settings, triggers, collections,
// permissions and indexes, and the web app's static hosting, with Tencent Cloud API keys). The types are the libraries' own, so a
// stand-in (test/integration/deploy-standin.test.ts) records calls of exactly these shapes, and the
// libraries are loaded only by a real deploy: the dry run needs neither, nor the network.

import type CloudBase from '@cloudbase/manager-node';
import type * as MiniprogramCi from 'miniprogram-ci';

type Functions = CloudBase['functions'];
type Database = CloudBase['database'];
type Permission = CloudBase['permission'];
type Hosting = CloudBase['hosting'];

/** What the deploy uses of miniprogram-ci. */
export interface CiApi {
  Project: new (options: ConstructorParameters<typeof MiniprogramCi.Project>[0]) => InstanceType<typeof MiniprogramCi.Project>;
  upload: typeof MiniprogramCi.upload;
  cloud: Pick<typeof MiniprogramCi.cloud, 'uploadFunction'>;
}

/** What the deploy uses of the CloudBase manager. */
export interface ManagerApi {
  functions: Pick<Functions, 'listFunctions' | 'getFunctionDetail' | 'createFunction' | 'updateFunctionConfig' | 'createFunctionTriggers' | 'deleteFunctionTrigger'>;
  database: Pick<Database, 'createCollectionIfNotExists' | 'describeCollection' | 'updateCollection'>;
  permission: Pick<Permission, 'modifyResourcePermission'>;
  hosting: Pick<Hosting, 'getInfo' | 'uploadFiles'>;
}

/** One static hosting as the manager describes it (getInfo answers a list: none when not opened). */
export type HostingInfo = Awaited<ReturnType<Hosting['getInfo']>>[number];

export interface DeployClients {
  ci: CiApi;
  manager: ManagerApi;
}

/** The real clients, for a configuration already checked complete (configProblems). */
export async function loadClients(options: { envId: string; secretId: string; secretKey: string }): Promise<DeployClients> {
  const ci = (await import('miniprogram-ci')) as unknown as CiApi;
  const { default: Manager } = (await import('@cloudbase/manager-node')) as unknown as { default: typeof CloudBase };
  const manager = new Manager({ secretId: options.secretId, secretKey: options.secretKey, envId: options.envId });
  return { ci, manager };
}
