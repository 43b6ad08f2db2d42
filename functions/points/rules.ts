// The organisation's rule versions (one document per organisation, absent: the defaults) and how
// members read them: the rules in force, a change scheduled for a later day, the dated log.

import type { PointsRulesView, RulesVersionView } from '../../core/contracts/points';
import { DEFAULT_POINTS_RULES, POINT_SOURCES, rulesOn, SOURCE_LABELS, SOURCE_UNITS, type PointSource, type PointsRules, type RulesVersion, type SourceRule } from '../../core/domain/points';
import { COLLECTIONS } from '../lib/collections';
import { getById, type Database } from '../lib/db';
import type { RulesDoc } from './model';

export async function readVersions(db: Database, orgId: string): Promise<RulesVersion[]> {
  return (await getById<RulesDoc>(db, COLLECTIONS.pointsRules, orgId))?.versions ?? [];
}

/** 每答对1题 1分，每日最多 5 分 — how a source earns, in words. */
export function ruleText(source: PointSource, rule: SourceRule): string {
  if (rule.points === 0 || rule.cap === 0) return '暂不计分';
  return `${SOURCE_UNITS[source].label} ${rule.points} 分，每日最多 ${rule.cap} 分`;
}

/** What changed between two rule sets, one line per changed figure. */
export function changesOf(before: PointsRules, after: PointsRules): string[] {
  const out: string[] = [];
  for (const s of POINT_SOURCES) {
    if (before[s].points !== after[s].points) out.push(`${SOURCE_LABELS[s]}：${SOURCE_UNITS[s].label} ${before[s].points} → ${after[s].points} 分`);
    if (before[s].cap !== after[s].cap) out.push(`${SOURCE_LABELS[s]}：每日上限 ${before[s].cap} → ${after[s].cap} 分`);
  }
  return out;
}

export function rulesView(versions: readonly RulesVersion[], today: string, canEdit: boolean): PointsRulesView {
  const sorted = [...versions].sort((a, b) => (a.from === b.from ? a.v - b.v : a.from < b.from ? -1 : 1));
  const viewed: RulesVersionView[] = sorted.map((ver, i) => ({
    v: ver.v,
    from: ver.from,
    rules: ver.rules,
    byName: ver.byName,
    at: ver.at,
    note: ver.note,
    changes: changesOf(i === 0 ? DEFAULT_POINTS_RULES : sorted[i - 1].rules, ver.rules),
  }));
  const current = rulesOn(versions, today);
  const inForce = sorted.find((x) => x.v === current.v);
  return {
    today,
    current: { v: current.v, from: inForce?.from ?? null, rules: current.rules },
    scheduled: viewed.find((x) => x.from > today) ?? null,
    log: viewed.reverse(),
    sources: POINT_SOURCES.map((source) => ({ source, label: SOURCE_LABELS[source], unit: SOURCE_UNITS[source].label })),
    canEdit,
  };
}
