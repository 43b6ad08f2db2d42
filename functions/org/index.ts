// Entry of the `org` cloud function: wiring only. Deployed as cloudfunctions/org/index.js.

import cloud from 'wx-server-sdk';
import { orgSchemas, type OrgResponses } from '../../core/contracts/org';
import { consoleLogger, ids, platformClock } from '../lib/deps';
import type { Database } from '../lib/db';
import { createRouter } from '../lib/router';
import { bindMember } from './actions/bindMember';
import { listBindRequests, reviewBindRequest } from './actions/bindRequests';
import { getMe } from './actions/getMe';
import { importRoster } from './actions/importRoster';
import { listMembers } from './actions/listMembers';
import { listUnits } from './actions/listUnits';
import { resetInviteCode } from './actions/resetInviteCode';
import { setMemberRole } from './actions/setMemberRole';
import { unbindMember } from './actions/unbindMember';

// DYNAMIC_CURRENT_ENV is a symbol; the SDK's typings only admit strings.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
// throwOnNotFound:false makes doc(id).get() answer null for a missing document instead of throwing.
const db = cloud.database({ throwOnNotFound: false } as Parameters<typeof cloud.database>[0]) as Database;

export const main = createRouter<typeof orgSchemas, OrgResponses>(
  'org',
  orgSchemas,
  {
    getMe,
    bindMember,
    listUnits,
    listMembers,
    importRoster,
    listBindRequests,
    reviewBindRequest,
    setMemberRole,
    resetInviteCode,
    unbindMember,
  },
  {
    getOpenid: () => cloud.getWXContext().OPENID,
    deps: {
      db,
      storage: {
        download: async (fileID) => (await cloud.downloadFile({ fileID })).fileContent as Buffer,
      },
      clock: platformClock,
      ids,
      log: consoleLogger,
    },
  },
);
