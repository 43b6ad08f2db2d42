// Entry of the `checkin` cloud function: wiring only. Deployed as cloudfunctions/checkin/index.js.

import { checkinSchemas, type CheckinResponses } from '../../core/contracts/checkin';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { branchCompletion, branchDayRoster } from './actions/branchViews';
import { checkIn } from './actions/checkIn';
import { getMyCheckins } from './actions/getMyCheckins';
import { makeUp } from './actions/makeUp';

export const main = createRouter<typeof checkinSchemas, CheckinResponses>('checkin', checkinSchemas, { checkIn, makeUp, getMyCheckins, branchCompletion, branchDayRoster }, { getOpenid, deps: platformDeps });
