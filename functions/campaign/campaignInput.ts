// A campaign's fields as createCampaign and updateCampaign take them, checked beyond the schema:
// the plan's rules (core/domain/campaign/campaign.ts) turned into INVALID_ARGUMENT naming the
// field, and the attached ids each once. The attached activities are checked by ./activities.ts.

import type { CampaignAsk, CampaignAttached, CampaignStage } from '../../core/contracts/campaign';
import { checkPlan, PlanError, uniqueIds, type Plan } from '../../core/domain/campaign/campaign';
import { invalid } from '../lib/errors';

/** The fields both actions share, as the router hands them over (defaults applied). */
export interface CampaignFieldsInput {
  title: string;
  description: string;
  stages: CampaignStage[];
  asks: Array<Omit<CampaignAsk, 'stageKey'> & { stageKey?: string | null }>;
  attached: CampaignAttached;
}

export interface CampaignFields extends Plan {
  title: string;
  description: string;
  attached: CampaignAttached;
}

/** The fields as stored; INVALID_ARGUMENT naming the stage or report at fault. No read. */
export function campaignFields(input: CampaignFieldsInput): CampaignFields {
  let plan: Plan;
  try {
    plan = checkPlan({ stages: input.stages, asks: input.asks });
  } catch (err) {
    if (err instanceof PlanError) throw invalid(err.message);
    throw err;
  }
  const a = input.attached;
  return {
    title: input.title,
    description: input.description,
    ...plan,
    attached: {
      exams: uniqueIds(a.exams),
      challenges: uniqueIds(a.challenges),
      events: uniqueIds(a.events),
      contests: uniqueIds(a.contests),
      taskLists: uniqueIds(a.taskLists),
    },
  };
}
