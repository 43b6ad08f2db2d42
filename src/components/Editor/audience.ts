// Who an exam or an event is for, as the editors hold it: the whole organisation (org admins
// only; sent as an empty unitIds) or chosen branches. Pure (no React, no Taro), so the editors'
// form models use it and their unit tests cover it.

/** The chip value that stands for the whole organisation. */
export const ALL_UNITS = 'all';

export interface Audience {
  /** The whole organisation: sent as an empty unitIds. */
  allUnits: boolean;
  unitIds: string[];
}

interface NamedUnit {
  id: string;
  name: string;
}

/** A saved item's unitIds as the form holds them: none means the whole organisation. */
export function audienceOf(unitIds: string[]): Audience {
  return { allUnits: unitIds.length === 0, unitIds };
}

/** Tapping a chip: 全体 switches the whole organisation on or off (and clears the branches); a branch clears 全体. */
export function toggleAudience<T extends Audience>(form: T, chip: string): T {
  if (chip === ALL_UNITS) return { ...form, allUnits: !form.allUnits, unitIds: [] };
  const unitIds = form.unitIds.includes(chip) ? form.unitIds.filter((u) => u !== chip) : [...form.unitIds, chip];
  return { ...form, allUnits: false, unitIds };
}

/** The chips that are on. */
export function audienceChips(a: Audience): string[] {
  return a.allUnits ? [ALL_UNITS] : a.unitIds;
}

/** False while nobody is chosen. */
export function hasAudience(a: Audience): boolean {
  return a.allUnits || a.unitIds.length > 0;
}

/** The payload's unitIds: empty for the whole organisation. */
export function audienceUnitIds(a: Audience): string[] {
  return a.allUnits ? [] : a.unitIds;
}

/** For the publish question: `allLabel`, or the chosen branches' names in the list's order, joined by 、. */
export function audienceNames(a: Audience, branches: NamedUnit[], allLabel: string): string {
  if (a.allUnits) return allLabel;
  return branches
    .filter((b) => a.unitIds.includes(b.id))
    .map((b) => b.name)
    .join('、');
}

/** The unit chips: `allLabel` first for an org admin, then each branch. */
export function unitChipOptions(isOrgAdmin: boolean, branches: NamedUnit[], allLabel: string): Array<{ value: string; label: string }> {
  return [...(isOrgAdmin ? [{ value: ALL_UNITS, label: allLabel }] : []), ...branches.map((b) => ({ value: b.id, label: b.name }))];
}
