// The stage a campaign is in, by name: the server answers the stage's key (CampaignSummary and
// CampaignView.currentStage); the list has no stages to look it up in, so a key of the editor's
// own shape (s1, s2 …) is worded by its number. Pure; used by the index and detail pages.
import type { CampaignStage } from '@core/contracts';

export function stageName(current: string | null, stages: ReadonlyArray<Pick<CampaignStage, 'key' | 'name'>> = []): string | null {
  if (current === null) return null;
  const found = stages.find((s) => s.key === current || s.name === current);
  if (found) return found.name;
  const n = /^s(\d{1,2})$/.exec(current);
  if (n) return `第${n[1]}阶段`;
  // Not a key (a name answered by the server): as it is.
  return /^[a-z0-9]{1,12}$/.test(current) ? null : current;
}
