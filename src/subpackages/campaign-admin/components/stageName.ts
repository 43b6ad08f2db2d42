// The stage a campaign is in, by name: getCampaign answers the stage's key (listCampaigns its
// name already). Pure; used by the detail page.
import type { CampaignStage } from '@core/contracts';

export function stageName(current: string | null, stages: ReadonlyArray<Pick<CampaignStage, 'key' | 'name'>>): string | null {
  if (current === null) return null;
  return stages.find((s) => s.key === current)?.name ?? stages.find((s) => s.name === current)?.name ?? null;
}
