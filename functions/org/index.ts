// Entry of the `org` cloud function: wiring only. Deployed as cloudfunctions/org/index.js.

import { orgSchemas, type OrgResponses } from '../../core/contracts/org';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { bindMember } from './actions/bindMember';
import { listBindRequests, reviewBindRequest } from './actions/bindRequests';
import { getMe } from './actions/getMe';
import { grantReminders } from './actions/grantReminders';
import { importRoster } from './actions/importRoster';
import { listMembers } from './actions/listMembers';
import { listUnits } from './actions/listUnits';
import { resetInviteCode } from './actions/resetInviteCode';
import { setMemberRole } from './actions/setMemberRole';
import { unbindMember } from './actions/unbindMember';

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
    grantReminders,
  },
  {
    getOpenid,
    deps: platformDeps,
  },
);
