// Who an exam or an event is for: 全体 (org admins only) or any number of branches (audience.ts).
import Chips from '@/components/Chips';
import type { ManagedUnit } from '@core/contracts';
import { audienceChips, unitChipOptions, type Audience } from './audience';

export interface AudienceChipsProps {
  id: string;
  /** The whole organisation's chip: 全体支部, 全单位. */
  allLabel: string;
  isOrgAdmin: boolean;
  branches: ManagedUnit[];
  audience: Audience;
  onToggle: (chip: string) => void;
}

export function AudienceChips({ id, allLabel, isOrgAdmin, branches, audience, onToggle }: AudienceChipsProps) {
  return <Chips id={id} multiple options={unitChipOptions(isOrgAdmin, branches, allLabel)} selected={audienceChips(audience)} onToggle={onToggle} />;
}
