// Entry of the `org` cloud function: wiring only. Deployed as cloudfunctions/org/index.js.

import { orgSchemas, type OrgResponses } from '../../core/contracts/org';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { uploadTicket } from './actions/uploadTicket';
import { bindMember } from './actions/bindMember';
import { closeUnit } from './actions/closeUnit';
import { createUnit } from './actions/createUnit';
import { listBindRequests } from './actions/listBindRequests';
import { reviewBindRequest } from './actions/reviewBindRequest';
import { getMe } from './actions/getMe';
import { getRollup } from './actions/getRollup';
import { getSetup } from './actions/getSetup';
import { getToday } from './actions/getToday';
import { grantReminders } from './actions/grantReminders';
import { importRoster } from './actions/importRoster';
import { importUnits } from './actions/importUnits';
import { inviteCard } from './actions/inviteCard';
import { listMembers } from './actions/listMembers';
import { listOrganisers } from './actions/listOrganisers';
import { listUnits } from './actions/listUnits';
import { moveMember } from './actions/moveMember';
import { moveUnit } from './actions/moveUnit';
import { resetInviteCode } from './actions/resetInviteCode';
import { setLeader } from './actions/setLeader';
import { setMemberRole } from './actions/setMemberRole';
import { unbindMember } from './actions/unbindMember';
import { updateUnit } from './actions/updateUnit';
import { issueWebCode } from './actions/issueWebCode';
import { redeemWebCode } from './actions/redeemWebCode';
import { revokeWebKey } from './actions/revokeWebKey';
import { signOutWeb } from './actions/signOutWeb';

export const main = createRouter<typeof orgSchemas, OrgResponses>(
  'org',
  orgSchemas,
  {
    uploadTicket,
    getMe,
    getToday,
    bindMember,
    listUnits,
    createUnit,
    updateUnit,
    moveUnit,
    closeUnit,
    moveMember,
    setLeader,
    listMembers,
    importRoster,
    importUnits,
    listBindRequests,
    reviewBindRequest,
    setMemberRole,
    resetInviteCode,
    inviteCard,
    getRollup,
    getSetup,
    listOrganisers,
    unbindMember,
    grantReminders,
    issueWebCode,
    redeemWebCode,
    signOutWeb,
    revokeWebKey,
  },
  {
    getOpenid,
    deps: platformDeps,
    // A web caller without a web key may sign in with a code (or sign out), nothing else.
    webOpen: ['redeemWebCode', 'signOutWeb'],
  },
);
