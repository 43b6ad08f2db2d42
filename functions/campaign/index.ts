// Entry of the `campaign` cloud function (专项行动): wiring only. Deployed as
// cloudfunctions/campaign/index.js.

import { campaignSchemas, type CampaignResponses } from '../../core/contracts/campaign';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { campaignsHandlers } from './campaigns';
import { evaluationHandlers } from './evaluation';
import { campaignTimer } from './reminders';
import { reportsHandlers } from './reports';
import { tasksHandlers } from './tasks';

export const main = createRouter<typeof campaignSchemas, CampaignResponses>(
  'campaign',
  campaignSchemas,
  { ...campaignsHandlers, ...reportsHandlers, ...evaluationHandlers, ...tasksHandlers },
  // The daily trigger (function.ts): reminders before a report's due day.
  { getOpenid, deps: platformDeps, onTimer: (deps) => campaignTimer(deps) },
);
