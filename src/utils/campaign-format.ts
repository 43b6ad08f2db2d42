// Pure display helpers of the 专项行动 pages (campaign-admin): a report's state, kind and lateness
// in words, how far a due day is, the reminder's honest sentence, file sizes and the attachment
// rules checked before an upload. No Taro, no I/O; unit-tested in test/unit/campaign-format.test.ts.
// The rules themselves are the server's (docs/CAMPAIGNS.md); these only word what it answers.
import type { AttachedActivity, CampaignAsk, CampaignResponses, ReportKind, ReportState, ReportStatusRow } from '@core/contracts';
import { lateWords } from '@core/domain/campaign/reports';
import { beijingDayStart, beijingParts } from '@core/domain/time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A report's kind: 活动方案, 阶段报告, 专题报告. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  plan: '活动方案',
  stage: '阶段报告',
  final: '专题报告',
};

/** Who owes an ask. */
export const AUDIENCE_LABELS: Record<CampaignAsk['audience'], string> = {
  all: '所有下级单位',
  children: '直属下级',
};

export type RowState = ReportStatusRow['state'];

/** A unit's report for one ask, in words: 待报送 before the due day, 未报送 after it. */
export const REPORT_STATE_LABELS: Record<RowState, string> = {
  pending: '待报送',
  missing: '未报送',
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已通过',
};

/** The tag's colour for a state; the word is always shown beside it. */
export const REPORT_STATE_TAG: Record<RowState, string> = {
  pending: 'tag',
  missing: 'tag tag--red',
  draft: 'tag tag--gold',
  submitted: 'tag tag--gold',
  returned: 'tag tag--red',
  accepted: 'tag tag--ok',
};

/**
 * The state a row shows for the caller's own report (`none`: nothing saved yet): 待报送 until the
 * due day has ended, 未报送 after it. A draft after the due day is still a draft (not sent).
 */
export function ownState(state: ReportState | 'none', dueDay: string, today: string): RowState {
  if (state !== 'none') return state;
  return today > dueDay ? 'missing' : 'pending';
}

/** A written assessment's grade. */
export const GRADE_LABELS = {
  excellent: '优秀',
  good: '良好',
  fair: '一般',
  poor: '较差',
} as const;
export type Grade = keyof typeof GRADE_LABELS;
export const GRADES = Object.keys(GRADE_LABELS) as Grade[];

/** An attached activity's kind. */
export const ACTIVITY_KIND_LABELS: Record<AttachedActivity['kind'], string> = {
  exam: '考试',
  challenge: '打卡活动',
  event: '活动',
  contest: '知识竞赛',
  taskList: '清单',
};

/**
 * How late a report came, from the server's minutes past the due day's end: 晚交 20 分钟,
 * 晚交 5 小时, 晚交 2 天 (whole units, rounded down); '' when it was on time.
 */
export function lateText(lateMinutes: number | null | undefined): string {
  // One wording with the evaluation workbook (core/domain/campaign/reports.ts).
  return lateWords(lateMinutes);
}

/** Whole Beijing days from `today` to `day` (negative when it has passed). */
export function daysUntil(day: string, today: string): number {
  return Math.round((beijingDayStart(day) - beijingDayStart(today)) / DAY_MS);
}

/** A due day seen from today: 还有 3 天截止, 明天截止, 今天截止, 已截止. */
export function dueWords(dueDay: string, today: string): string {
  const n = daysUntil(dueDay, today);
  if (n < 0) return '已截止';
  if (n === 0) return '今天截止';
  if (n === 1) return '明天截止';
  return `还有 ${n} 天截止`;
}

/** '12月3日' (the year added when it is not today's). */
export function dayText(day: string, today: string): string {
  const p = beijingParts(beijingDayStart(day));
  const year = day.slice(0, 4) === today.slice(0, 4) ? '' : `${p.y}年`;
  return `${year}${p.m}月${p.d}日`;
}

/** '12月1日 至 12月31日', or one day. */
export function dayRangeText(from: string, to: string, today: string): string {
  return from === to ? dayText(from, today) : `${dayText(from, today)} 至 ${dayText(to, today)}`;
}

/**
 * What 提醒未报送 reached, said honestly: 已提醒 3 个单位；1 个单位的管理员未开启提醒；2 个单位没有管理员.
 * Parts that are zero are left out, except the first.
 */
export function remindSentence(r: CampaignResponses['remindReports']): string {
  if (r.units === 0) return '没有需要提醒的单位';
  const parts = [`已提醒 ${r.reminded} 个单位`];
  if (r.noCredit > 0) parts.push(`${r.noCredit} 个单位的管理员未开启提醒`);
  if (r.noOrganiser > 0) parts.push(`${r.noOrganiser} 个单位没有管理员`);
  return parts.join('；');
}

/** An ask's counts at the top of the detail page: 晚交 2 · 未交 3 · 退回 1 (what needs the organiser). */
export function askTotalsText(t: { expected: number; submitted: number; late: number; missing: number; returned: number; accepted: number }): string {
  return `应交 ${t.expected} · 已交 ${t.submitted} · 晚交 ${t.late} · 未交 ${t.missing} · 退回 ${t.returned}`;
}

/** A file's size: 820 KB, 3.4 MB. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Report attachments: the kinds the server takes (it checks their first bytes too), their size and number. */
export const REPORT_FILE_EXTS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png'] as const;
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_REPORT_FILES = 10;
export const REPORT_FILE_RULE = 'PDF、Word、Excel 或图片，每个不超过20MB，最多10个';

/** The file's extension in lower case ('' when none). */
export function fileExt(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** Why a chosen file cannot be attached, in plain words, or null. `count`: files already attached. */
export function reportFileProblem(name: string, size: number, count: number): string | null {
  if (count >= MAX_REPORT_FILES) return `附件最多${MAX_REPORT_FILES}个`;
  if (!(REPORT_FILE_EXTS as readonly string[]).includes(fileExt(name))) return `“${name}”不是 PDF、Word、Excel 或图片文件`;
  if (size > MAX_REPORT_FILE_BYTES) return `“${name}”有 ${fileSizeText(size)}，超过了20MB`;
  if (size <= 0) return `“${name}”是空文件`;
  return null;
}

/** An activity's figure: 参加人数 12 / 30 (40%), or 到场人数 12 when there is no denominator. */
export function activityFigure(a: Pick<AttachedActivity, 'label' | 'done' | 'of'>): string {
  if (a.of === null) return `${a.label} ${a.done}`;
  const rate = a.of > 0 ? Math.round((a.done / a.of) * 100) : 0;
  return `${a.label} ${a.done} / ${a.of}（${rate}%）`;
}
