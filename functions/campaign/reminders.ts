// Reminders of a report due upward (docs/CAMPAIGNS.md, "Reports"): the organisers of a unit that
// has not submitted an ask (its own organisers: those whose scopes name the unit) get a subscribe
// message, spending one of their `campaign` credits. One reminder per unit, ask and Beijing day,
// whoever sends it (an organiser's 提醒未报送 or the timer): a marker with a deterministic id
// (campaignReminders `<campaignId>:<askKey>:<unitId>:<day>`) is inserted first, so two runs racing
// for one unit send once; it is removed again when no organiser had a credit left, so the day
// stays open for a reminder once one grants it.
//
// The timer (the function's daily trigger, 09:00 Beijing): asks of open campaigns due in 3 days or
// tomorrow, each unit owing one and not having submitted it. Bounded in time (it stops after
// TIMER_BUDGET_MS and says so); a repeated run sends nothing twice.

import type { CampaignAsk } from '../../core/contracts/campaign';
import { owesStill, rowState } from '../../core/domain/campaign/reports';
import { addDays, beijingDayKey } from '../../core/domain/time';
import { COLLECTIONS } from '../lib/collections';
import { existingIds, insert, isDuplicateKeyError, list } from '../lib/db';
import type { Deps } from '../lib/deps';
import type { UnitDoc } from '../lib/model';
import { clip, creditsOf, sendReminder } from '../lib/reminders';
import { organisationRoots, unitOrganisers } from '../org/ports';
import { campaignUnits, owingUnits, type CampaignDoc, type ReminderDoc } from './model';
import { askReports } from './reportScope';

/** The report page an organiser opens from the message (its parameters: id, ask, unit). */
export const REPORT_PAGE = 'subpackages/campaign-admin/report';

export function reminderId(campaignId: string, askKey: string, unitId: string, day: string): string {
  return `${campaignId}:${askKey}:${unitId}:${day}`;
}

export interface RemindTally {
  /** Units that have not submitted (those this call was about). */
  units: number;
  /** Of them, units whose organisers were sent the reminder today (by this call or earlier). */
  reminded: number;
  /** Units with a bound organiser, none of whom holds a reminder credit. */
  noCredit: number;
  /** Units with no bound organiser of their own. */
  noOrganiser: number;
}

type Organiser = Awaited<ReturnType<typeof unitOrganisers>>[number];

/** A unit's own organisers: those whose scopes name it (an organiser with no scopes manages their own unit). */
function organisersByUnit(organisers: readonly Organiser[]): Map<string, Organiser[]> {
  const out = new Map<string, Organiser[]>();
  for (const o of organisers) {
    for (const unitId of o.manages.length > 0 ? o.manages : [o.unitId]) {
      const list = out.get(unitId) ?? [];
      list.push(o);
      out.set(unitId, list);
    }
  }
  return out;
}

const PARALLEL = 10;

export interface RemindInput {
  campaign: CampaignDoc;
  ask: CampaignAsk;
  /** The units that have not submitted the ask. */
  units: readonly UnitDoc[];
  /** Who the reminder comes from, in the message (the campaign's unit, or the organiser's). */
  from: string;
  /** The organisation's bound unit organisers (read once per run). */
  organisers: readonly Organiser[];
  /** Stop starting new units after this instant (Date.now()); the rest count as not reminded. */
  deadline?: number;
}

/**
 * Remind the organisers of `units` about `ask`. Reads: today's markers of these units and the
 * credits of their organisers (one read each per 1000). Writes per unit reminded: the marker, one
 * credit per organiser reached (and the marker's removal when none was).
 */
export async function remindUnits(deps: Pick<Deps, 'db' | 'clock' | 'notify' | 'log'>, input: RemindInput): Promise<RemindTally & { done: boolean }> {
  const { db, clock } = deps;
  const now = clock.now();
  const day = beijingDayKey(now);
  const byUnit = organisersByUnit(input.organisers);
  const tally: RemindTally & { done: boolean } = { units: input.units.length, reminded: 0, noCredit: 0, noOrganiser: 0, done: true };
  const withOrganisers = input.units.filter((u) => byUnit.has(u._id));
  // Units already reminded today (by the timer or anyone): counted as reminded, nothing sent again.
  const marks = withOrganisers.length > 0 ? await existingIds(db, COLLECTIONS.campaignReminders, withOrganisers.map((u) => reminderId(input.campaign._id, input.ask.key, u._id, day))) : new Set<string>();
  const concerned = [...new Set(withOrganisers.flatMap((u) => (byUnit.get(u._id) ?? []).map((o) => o._id)))];
  const credits = concerned.length > 0 ? await creditsOf(db, concerned, 'campaign') : new Map<string, { credits: number; openid: string }>();

  const one = async (unit: UnitDoc): Promise<'reminded' | 'noCredit' | 'noOrganiser'> => {
    const organisers = byUnit.get(unit._id) ?? [];
    if (organisers.length === 0) return 'noOrganiser';
    const markId = reminderId(input.campaign._id, input.ask.key, unit._id, day);
    if (marks.has(markId)) return 'reminded';
    // A credit counts only if granted from the organiser's current WeChat binding.
    const holders = organisers.filter((o) => {
      const c = credits.get(o._id);
      return o.openid && c && c.credits > 0 && c.openid === o.openid;
    });
    if (holders.length === 0) return 'noCredit';
    const mark: ReminderDoc = { _id: markId, campaignId: input.campaign._id, askKey: input.ask.key, unitId: unit._id, day, at: new Date(now), reminded: holders.length };
    try {
      await insert(db, COLLECTIONS.campaignReminders, mark);
    } catch (err) {
      if (isDuplicateKeyError(err)) return 'reminded';
      throw err;
    }
    let sent = 0;
    for (const o of holders) {
      const outcome = await sendReminder(deps, {
        memberId: o._id,
        openid: o.openid as string,
        topic: 'campaign',
        page: `${REPORT_PAGE}?id=${input.campaign._id}&ask=${input.ask.key}&unit=${unit._id}`,
        data: {
          thing1: { value: clip(input.ask.title) },
          date2: { value: input.ask.dueDay },
          thing3: { value: clip(`${input.from}提醒${unit.name}尚未报送`) },
        },
      });
      // Refused by WeChat still used the consent; no credit or no template id sent nothing.
      if (outcome === 'sent' || outcome === 'refused') sent++;
    }
    if (sent === 0) {
      // Spent meanwhile elsewhere: the day stays open for this unit.
      await db.collection(COLLECTIONS.campaignReminders).doc(markId).remove();
      return 'noCredit';
    }
    return 'reminded';
  };

  for (let i = 0; i < input.units.length; i += PARALLEL) {
    if (input.deadline !== undefined && Date.now() > input.deadline) {
      tally.done = false;
      break;
    }
    for (const outcome of await Promise.all(input.units.slice(i, i + PARALLEL).map(one))) tally[outcome]++;
  }
  return tally;
}

/** The timer's budget: the function may run 60 s; the reminders stop starting new units after 30. */
export const TIMER_BUDGET_MS = 30_000;
/** Days before the due day the timer reminds on. */
export const REMIND_DAYS_BEFORE = [3, 1] as const;

/**
 * The timer job: every open campaign with an ask due in 3 days or tomorrow reminds the units that
 * have not submitted it. Reads: the organisations, per organisation its open campaigns; per
 * campaign due, its units and the organisers (once per organisation), per ask due its reports.
 */
export async function campaignTimer(
  deps: Deps,
  budgetMs = TIMER_BUDGET_MS,
): Promise<{ campaigns: number; asks: number; units: number; reminded: number; noCredit: number; noOrganiser: number; done: boolean }> {
  const { db, clock } = deps;
  const deadline = Date.now() + budgetMs;
  const now = clock.now();
  const today = beijingDayKey(now);
  const dueDays = REMIND_DAYS_BEFORE.map((n) => addDays(today, n));
  // Per organisation, its open campaigns (a few at a time), those with an ask due on one of the days.
  const campaigns: CampaignDoc[] = [];
  for (const org of await organisationRoots(db)) {
    const open = await list<CampaignDoc>(db.collection(COLLECTIONS.campaigns).where({ orgId: org._id, status: 'open' }).limit(1000));
    campaigns.push(...open.filter((c) => c.asks.some((a) => dueDays.includes(a.dueDay))));
  }
  const out = { campaigns: campaigns.length, asks: 0, units: 0, reminded: 0, noCredit: 0, noOrganiser: 0, done: true };
  const organisersOf = new Map<string, Organiser[]>();
  for (const campaign of campaigns) {
    const asks = campaign.asks.filter((a) => dueDays.includes(a.dueDay));
    const units = await campaignUnits(db, campaign);
    let organisers = organisersOf.get(campaign.orgId);
    if (!organisers) {
      organisers = await unitOrganisers(db, campaign.orgId);
      organisersOf.set(campaign.orgId, organisers);
    }
    const from = units.find((u) => u._id === campaign.unitId)?.name ?? '上级组织';
    for (const ask of asks) {
      if (Date.now() > deadline) {
        out.done = false;
        return out;
      }
      out.asks++;
      const reports = await askReports(db, campaign._id, ask.key);
      const owing = owingUnits(campaign, ask, units).filter((u) => owesStill(rowState(reports.get(u._id) ?? null, ask.dueDay, now, false)));
      const t = await remindUnits(deps, { campaign, ask, units: owing, from, organisers, deadline });
      out.units += t.units;
      out.reminded += t.reminded;
      out.noCredit += t.noCredit;
      out.noOrganiser += t.noOrganiser;
      if (!t.done) {
        out.done = false;
        return out;
      }
    }
  }
  return out;
}
