// Entry of the `checkin` cloud function: wiring only. Deployed as cloudfunctions/checkin/index.js.

import { checkinSchemas, type CheckinResponses } from '../../core/contracts/checkin';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { uploadTicket } from './actions/uploadTicket';
import { branchCompletion } from './actions/branchCompletion';
import { branchDayRoster } from './actions/branchDayRoster';
import { completionTrend } from './actions/completionTrend';
import { exportCompletion } from './actions/exportCompletion';
import { challengeProgress } from './actions/challengeProgress';
import { cancelChallenge } from './actions/cancelChallenge';
import { createChallenge } from './actions/createChallenge';
import { listChallenges } from './actions/listChallenges';
import { myChallenges } from './actions/myChallenges';
import { checkIn } from './actions/checkIn';
import { sharedCheckins } from './actions/sharedCheckins';
import { getMyCheckins } from './actions/getMyCheckins';
import { makeUp } from './actions/makeUp';
import { remindBranch } from './actions/remindBranch';
import { sendDailyReminders } from './reminders';
import { runRollups } from './rollups';
import { repairDailyCounts } from './dailyRepair';
import { getSettings } from './actions/getSettings';
import { updateSettings } from './actions/updateSettings';

export const main = createRouter<typeof checkinSchemas, CheckinResponses>(
  'checkin',
  checkinSchemas,
  {
    uploadTicket,
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
    createChallenge,
    cancelChallenge,
    listChallenges,
    challengeProgress,
    myChallenges,
    sharedCheckins,
  },
  {
    getOpenid,
    deps: platformDeps,
    // Names before challenges and shared check-ins got their own (phones on the older version).
    aliases: {
      createCampaign: 'createChallenge',
      cancelCampaign: { action: 'cancelChallenge', fields: { campaignId: 'challengeId' } },
      listCampaigns: 'listChallenges',
      campaignProgress: { action: 'challengeProgress', fields: { campaignId: 'challengeId' } },
      myCampaigns: 'myChallenges',
      completionTrend: { action: 'completionTrend', fields: { campaignId: 'challengeId' } },
      branchFeed: 'sharedCheckins',
    },
    // One trigger per function (WeChat): the reminders, the repair of daily counters a died call
    // left short (before the roll-ups read them), then the closed-day roll-ups.
    onTimer: async (deps) => {
      const reminders = await sendDailyReminders(deps, 30_000);
      const daily = await repairDailyCounts(deps);
      return { ...reminders, daily, rollups: await runRollups(deps) };
    },
  },
);
