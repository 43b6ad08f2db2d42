// The organisation's check-in settings: make-up rules and the daily reminder. One document per
// organisation (`_id` = orgId); absent means the defaults.

import type { CheckinSettings } from '../../core/contracts/checkin';
import { DEFAULT_MAKEUP_RULES, type MakeupRules } from '../../core/domain/checkin';
import { COLLECTIONS } from '../lib/collections';
import { getById, insert, isDuplicateKeyError, updateById, type Database } from '../lib/db';
import { forbidden } from '../lib/errors';
import { type Caller, requireMember } from '../org/ports';
import type { ActionContext } from '../lib/router';
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

function view(s: OrgCheckinSettings, member: Caller): CheckinSettings {
  return { ...s, canEdit: member.role === 'org_admin' };
}

export async function getSettings(_input: object, ctx: ActionContext): Promise<CheckinSettings> {
  const member = await requireMember(ctx);
  return view(await readSettings(ctx.deps.db, member.orgId), member);
}

export async function updateSettings(input: OrgCheckinSettings, ctx: ActionContext): Promise<CheckinSettings> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  if (member.role !== 'org_admin') throw forbidden('只有单位管理员可以修改打卡设置');
  const data = { ...input, updatedAt: clock.now(), updatedBy: member._id };
  // Written whole, so a second writer simply wins; the insert-or-update settles a first write race.
  if ((await updateById(db, COLLECTIONS.checkinSettings, member.orgId, data)) === 0) {
    try {
      await insert(db, COLLECTIONS.checkinSettings, { _id: member.orgId, ...data });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      await updateById(db, COLLECTIONS.checkinSettings, member.orgId, data);
    }
  }
  return view(input, member);
}
