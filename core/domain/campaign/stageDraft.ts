// The draft post of one ended campaign stage (专项行动阶段总结), seen from a unit: the stage's name
// and days, what was held in it (the attached activities falling in its days, with their figures
// over the unit's subtree), the reports owed in it by the units below (on time, late, missing,
// the missing named), and the closing 【请补充：…】 prompt. Plain paragraphs, like the event's and
// the exam's drafts (core/domain/report.ts): the feed alone turns them into a post. Pure.

import type { AttachedActivity } from '../../contracts/campaign';
import { reportDay, reportParagraphs, reportPercent, reportTitle, shorten } from '../report';
import { beijingDayStart } from '../time';

/** Activities and missing units named one by one; the rest as a number. */
export const STAGE_DRAFT_NAMED = 20;
export const STAGE_MISSING_NAMED = 10;
const TITLE_MAX = 30;

export interface StageReportFacts {
  title: string;
  dueDay: string;
  onTime: number;
  late: number;
  missing: number;
  /** Units whose due day has not passed and that have sent nothing yet. */
  notDue: number;
  /** Names of the units that have not sent it (missing), in tree order. */
  missingUnits: string[];
}

export interface StageDraftFacts {
  /** The unit the draft speaks for (the one seen from). */
  unitName: string;
  campaignTitle: string;
  stageName: string;
  startDay: string;
  endDay: string;
  activities: ReadonlyArray<Pick<AttachedActivity, 'kind' | 'title' | 'done' | 'of'>>;
  reports: readonly StageReportFacts[];
}

const dayWords = (day: string) => reportDay(beijingDayStart(day));

export function stageDraftTitle(campaignTitle: string, stageName: string): string {
  return reportTitle('专项行动', `${campaignTitle}·${stageName}`);
}

/** One attached activity in words, its figure over the subtree seen. */
export function activityText(a: StageDraftFacts['activities'][number]): string {
  const t = `“${shorten(a.title, TITLE_MAX)}”`;
  switch (a.kind) {
    case 'exam': {
      const p = a.of === null ? null : reportPercent(a.done, a.of);
      return `考试${t}交卷${a.done}人${a.of === null ? '' : `（应考${a.of}人${p === null ? '' : `，参考率${p}%`}）`}`;
    }
    case 'event': {
      const p = a.of === null ? null : reportPercent(a.done, a.of);
      return `活动${t}到场${a.done}人${a.of === null ? '' : `（报名${a.of}人${p === null ? '' : `，出席率${p}%`}）`}`;
    }
    case 'challenge':
      return `学习打卡${t}打卡${a.done}人次`;
    case 'contest':
      return `知识竞赛${t}参加${a.done}人`;
    case 'taskList':
      return `任务清单${t}已完成${a.done}项${a.of === null ? '' : `（共${a.of}项）`}`;
  }
}

function reportText(r: StageReportFacts): string {
  const owed = r.onTime + r.late + r.missing;
  const named = r.missingUnits.slice(0, STAGE_MISSING_NAMED);
  const rest = r.missingUnits.length - named.length;
  const missing = r.missing > 0 && named.length > 0 ? `（未报送：${named.join('、')}${rest > 0 ? `等${r.missingUnits.length}个单位` : ''}）` : '';
  const notDue = r.notDue > 0 ? `，另有${r.notDue}个单位尚未到截止日期` : '';
  if (owed === 0) return `“${r.title}”（${dayWords(r.dueDay)}截止）${r.notDue > 0 ? `尚未到截止日期，${r.notDue}个单位待报送` : '本单位以下无须报送'}`;
  return `“${r.title}”（${dayWords(r.dueDay)}截止）应报送${owed}个单位，按时报送${r.onTime}个，晚交${r.late}个，未报送${r.missing}个${missing}${notDue}`;
}

export function stageDraftParagraphs(f: StageDraftFacts): string[] {
  const named = f.activities.slice(0, STAGE_DRAFT_NAMED);
  const rest = f.activities.length - named.length;
  const held =
    f.activities.length === 0
      ? null
      : `本阶段开展的工作：${named.map(activityText).join('；')}${rest > 0 ? `；另有${rest}项略` : ''}。`;
  const reports = f.reports.length === 0 ? null : `本阶段报告报送情况：${f.reports.map(reportText).join('；')}。`;
  return reportParagraphs([
    `${dayWords(f.startDay)}至${dayWords(f.endDay)}，${f.unitName}开展“${f.campaignTitle}”${f.stageName}阶段工作。`,
    held,
    reports,
  ]);
}
