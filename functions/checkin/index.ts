// Entry of the `checkin` cloud function: wiring only. Deployed as cloudfunctions/checkin/index.js.

import { checkinSchemas, type CheckinResponses } from '../../core/contracts/checkin';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { branchCompletion } from './actions/branchCompletion';
import { branchDayRoster } from './actions/branchDayRoster';
import { completionTrend } from './actions/completionTrend';
import { exportCompletion } from './actions/exportCompletion';
import { campaignProgress } from './actions/campaignProgress';
import { cancelCampaign } from './actions/cancelCampaign';
import { createCampaign } from './actions/createCampaign';
import { listCampaigns } from './actions/listCampaigns';
import { myCampaigns } from './actions/myCampaigns';
import { checkIn } from './actions/checkIn';
import { branchFeed } from './actions/feed';
import { getMyCheckins } from './actions/getMyCheckins';
import { makeUp } from './actions/makeUp';
import { remindBranch, sendDailyReminders } from './reminders';
import { runRollups } from './rollups';
import { getSettings, updateSettings } from './settings';

export const main = createRouter<typeof checkinSchemas, CheckinResponses>(
  'checkin',
  checkinSchemas,
  {
    checkIn,
    makeUp,
    getMyCheckins,
    branchCompletion,
    branchDayRoster,
    remindBranch,
    completionTrend,
    exportCompletion,
    getSettings,
    updateSettings,
    createCampaign,
    cancelCampaign,
    listCampaigns,
    campaignProgress,
    myCampaigns,
    branchFeed,
  },
  {
    getOpenid,
    deps: platformDeps,
    // One trigger per function (WeChat): the reminders, then the closed-day roll-ups.
    onTimer: async (deps) => ({ ...(await sendDailyReminders(deps, 30_000)), rollups: await runRollups(deps) }),
  },
);
