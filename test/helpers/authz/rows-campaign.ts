// The campaign context's rows: campaigns, reports owed upward, the evaluation and task lists.

import { campaignCampaignsRows } from './rows-campaign-campaigns';
import { campaignEvaluationRows } from './rows-campaign-evaluation';
import { campaignReportsRows } from './rows-campaign-reports';
import { campaignTasksRows } from './rows-campaign-tasks';
import type { Table } from './types';

export const campaignRows: Table = { ...campaignCampaignsRows, ...campaignReportsRows, ...campaignEvaluationRows, ...campaignTasksRows };
