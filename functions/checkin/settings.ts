// The organisation's check-in settings: make-up rules and the daily reminder. One document per
// organisation (`_id` = orgId); absent means the defaults.

import type { CheckinSettings } from '../../core/contracts/checkin';
import { DEFAULT_MAKEUP_RULES, type MakeupRules } from '../../core/domain/checkin';
import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import type { Caller } from '../org/ports';
import type { SettingsDoc } from './model';

export const DEFAULT_REMINDER_TIME = '20:00';

export type OrgCheckinSettings = Omit<SettingsDoc, '_id' | 'updatedAt' | 'updatedBy'>;

export const DEFAULT_SETTINGS: OrgCheckinSettings = {
  makeupWindowDays: DEFAULT_MAKEUP_RULES.windowDays,
  makeupPerMonth: DEFAULT_MAKEUP_RULES.perMonth,
  reminderEnabled: true,
  reminderTime: DEFAULT_REMINDER_TIME,
};

export async function readSettings(db: Database, orgId: string): Promise<OrgCheckinSettings> {
  const doc = await getById<SettingsDoc>(db, COLLECTIONS.checkinSettings, orgId);
  if (!doc) return DEFAULT_SETTINGS;
  return { makeupWindowDays: doc.makeupWindowDays, makeupPerMonth: doc.makeupPerMonth, reminderEnabled: doc.reminderEnabled, reminderTime: doc.reminderTime };
}

export function rulesOf(s: OrgCheckinSettings): MakeupRules {
  return { windowDays: s.makeupWindowDays, perMonth: s.makeupPerMonth };
}

/** The organisation's make-up rules (one read by _id). */
export async function rulesFor(db: Database, member: Caller): Promise<MakeupRules> {
  return rulesOf(await readSettings(db, member.orgId));
}

/** The settings as the page shows them: org admins may change them. */
export function settingsView(s: OrgCheckinSettings, member: Caller): CheckinSettings {
  return { ...s, canEdit: member.role === 'org_admin' };
}
