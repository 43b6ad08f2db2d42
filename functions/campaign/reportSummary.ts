// What getCampaign shows of the reports at the top of a campaign's page: per ask, the totals over
// the units below the unit seen from, and that unit's own reports owed upward.
// SKELETON (answers nothing yet): built with the reports part (functions/campaign/reports.ts).

import type { CampaignView } from '../../core/contracts/campaign';
import type { Database } from '../lib/db';
import type { UnitDoc } from '../lib/model';
import type { CampaignDoc } from './model';

export interface ReportSummaryInput {
  db: Database;
  campaign: CampaignDoc;
  /** The unit the campaign is seen from. */
  seen: UnitDoc;
  /** Every open unit the campaign reaches (campaignUnits), already read. */
  units: readonly UnitDoc[];
  now: number;
}

export async function reportSummary(input: ReportSummaryInput): Promise<Pick<CampaignView, 'askTotals' | 'ownReports'>> {
  void input;
  return { askTotals: [], ownReports: [] };
}
