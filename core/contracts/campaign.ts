// Contract of the `campaign` cloud function (专项行动): campaigns in stages over a unit's subtree,
// the activities attached to them, the reports each unit owes the level above (a plan, stage
// reports, the closing 专题报告) and their review, reminders before a due date, drafts of a stage
// report for the feed, and the 四落实 evaluation workbook with written assessments per unit.
// Task lists (实事清单 / 问题清单 / 责任清单) are in ./campaignTasks.ts. docs/CAMPAIGNS.md.

import * as z from 'zod';
import { CONTROL_CHARS, idField, lineSchema } from './common';
import { actionSchemas } from './lazy';
import { taskActions, type TaskResponses } from './campaignTasks';

const dayKeySchema = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Several lines of typed text (a report, an assessment): no control characters besides line breaks. */
function textSchema(what: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${what}最多${max}字`)
    .refine((s) => !CONTROL_CHARS.test(s), `${what}不能包含控制字符`);
}

/** A stage: 启动部署, 组织实施, 评估检验 … Its key is the client's, unique within the campaign. */
const stageSchema = () => z
  .object({
    key: z.string().regex(/^[a-z0-9]{1,12}$/, '阶段编号格式不正确'),
    name: lineSchema('阶段名称', 20).pipe(z.string().min(2, '阶段名称至少2个字')),
    startDay: dayKeySchema(),
    endDay: dayKeySchema(),
  })
  .strict();

export const REPORT_KINDS = ['plan', 'stage', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * A report the units below owe by a due day: 活动方案 (plan), 阶段报告 (stage, of one stage), 专题报告
 * (final). `audience`: every unit below the campaign's unit ('all'), or its direct children only.
 */
const askSchema = () => z
  .object({
    key: z.string().regex(/^[a-z0-9]{1,12}$/, '报告编号格式不正确'),
    kind: z.enum(REPORT_KINDS),
    title: lineSchema('报告名称', 30).pipe(z.string().min(2, '报告名称至少2个字')),
    stageKey: z.string().regex(/^[a-z0-9]{1,12}$/).nullish(),
    dueDay: dayKeySchema(),
    audience: z.enum(['all', 'children']).default('all'),
  })
  .strict();

/** Activities of the other contexts attached to a campaign, by id; each must reach the campaign's subtree. */
const attachedSchema = () => z
  .object({
    exams: z.array(idField()).max(50).default([]),
    challenges: z.array(idField()).max(50).default([]),
    events: z.array(idField()).max(100).default([]),
    contests: z.array(idField()).max(50).default([]),
    taskLists: z.array(idField()).max(50).default([]),
  })
  .strict();

const campaignFields = () => ({
  title: lineSchema('行动名称', 40).pipe(z.string().min(2, '行动名称至少2个字')),
  description: textSchema('行动说明', 2000).default(''),
  stages: z.array(stageSchema()).min(1, '请至少设一个阶段').max(8, '阶段最多8个'),
  asks: z.array(askSchema()).max(12, '报告要求最多12项').default([]),
  attached: attachedSchema().default({ exams: [], challenges: [], events: [], contests: [], taskLists: [] }),
});

/** A report's id: `<campaignId>:<askKey>:<unitId>` (derived: one report per unit and ask). */
const reportIdSchema = () => z.string().regex(/^[A-Za-z0-9_-]{1,64}:[a-z0-9]{1,12}:[A-Za-z0-9_-]{1,64}$/, '报告编号格式不正确');

/** An attachment of a report: a file uploaded through this context's `document` ticket. */
const reportFileSchema = () => z
  .object({
    fileID: z.string().min(1).max(512),
    /** The name the member chose it by (shown, never used as a path). */
    name: lineSchema('文件名', 100).pipe(z.string().min(1, '请填写文件名')),
  })
  .strict();

export const campaignSchemas = actionSchemas({
  /** Organisers: a campaign over `unitId`'s subtree (default: the first unit they manage). */
  createCampaign: () => z.object({ unitId: idField().nullish(), ...campaignFields() }).strict(),
  /** Organisers of the campaign's unit: change it; `version` from getCampaign (CONFLICT when stale). */
  updateCampaign: () => z.object({ campaignId: idField(), version: z.number().int().min(0), ...campaignFields() }).strict(),
  /**
   * Organisers of the campaign's unit: end it. `acceptLate`: reports still come in (marked late);
   * false: submissions are closed and a report is refused (FAILED_PRECONDITION).
   */
  closeCampaign: () => z.object({ campaignId: idField(), acceptLate: z.boolean() }).strict(),
  /** Organisers: campaigns that reach their units (their own and those from above), newest first. */
  listCampaigns: () => z.object({ status: z.enum(['open', 'closed', 'all']).default('all') }).strict(),
  /** Organisers of any unit the campaign reaches: the campaign, its stages and the attached activities' figures, seen from `unitId`. */
  getCampaign: () => z.object({ campaignId: idField(), unitId: idField().nullish() }).strict(),
  /**
   * Per unit below `unitId` (default: the caller's unit in the campaign), one ask's state:
   * submitted, late (by how long), missing, returned, accepted. A fixed number of reads.
   */
  reportStatus: () => z.object({ campaignId: idField(), askKey: z.string().regex(/^[a-z0-9]{1,12}$/), unitId: idField().nullish() }).strict(),
  /** One unit's report for one ask, with its history and files (organisers of the unit or above). */
  getReport: () => z.object({ campaignId: idField(), askKey: z.string().regex(/^[a-z0-9]{1,12}$/), unitId: idField() }).strict(),
  /** Organisers of the unit: keep a draft, or submit (`submit: true`) the unit's report upward. */
  saveReport: () => z
    .object({
      campaignId: idField(),
      askKey: z.string().regex(/^[a-z0-9]{1,12}$/),
      unitId: idField(),
      text: textSchema('报告正文', 20000),
      files: z.array(reportFileSchema()).max(10, '附件最多10个').default([]),
      /** Reports of the units below this one gathered into it (their ids, as reportStatus gives them). */
      gathered: z.array(reportIdSchema()).max(500).default([]),
      submit: z.boolean(),
      /** The version read (CONFLICT when another organiser changed it meanwhile); absent for a first save. */
      version: z.number().int().min(0).nullish(),
    })
    .strict(),
  /** Organisers of the level above: accept a submitted report, or return it with a reason. */
  reviewReport: () => z
    .object({
      reportId: reportIdSchema(),
      decision: z.enum(['accept', 'return']),
      reason: textSchema('退回原因', 300).default(''),
    })
    .strict(),
  /** Organisers: remind the organisers of the units below that have not submitted an ask (subscribe messages). */
  remindReports: () => z.object({ campaignId: idField(), askKey: z.string().regex(/^[a-z0-9]{1,12}$/), unitId: idField().nullish() }).strict(),
  /** Organisers: a cloud path to upload a report attachment (pdf, Word, Excel, images; ≤ 20 MB) or a task photo to. */
  uploadTicket: () => z.object({ purpose: z.enum(['document', 'photo']), name: z.string().trim().min(1).max(200) }).strict(),
  /** Organisers: a draft post for the feed about one stage, seen from `unitId`, in plain paragraphs. */
  draftStageReport: () => z.object({ campaignId: idField(), stageKey: z.string().regex(/^[a-z0-9]{1,12}$/), unitId: idField().nullish() }).strict(),
  /** Organisers of the level above a unit (or the campaign's unit): the written assessment of that unit. */
  saveAssessment: () => z
    .object({
      campaignId: idField(),
      unitId: idField(),
      grade: z.enum(['excellent', 'good', 'fair', 'poor']).nullish(),
      text: textSchema('评价', 2000),
    })
    .strict(),
  /** Organisers: the 四落实 evaluation workbook of a campaign for `unitId`'s subtree (xlsx, a temporary link). */
  exportEvaluation: () => z.object({ campaignId: idField(), unitId: idField().nullish() }).strict(),
  /** Task lists: ./campaignTasks.ts. */
  ...taskActions,
} as const);

export type CampaignRequests = { [A in keyof typeof campaignSchemas]: z.input<(typeof campaignSchemas)[A]> };

export type CampaignStatus = 'open' | 'closed';
export type ReportState = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface CampaignStage {
  key: string;
  name: string;
  startDay: string;
  endDay: string;
}

export interface CampaignAsk {
  key: string;
  kind: ReportKind;
  title: string;
  stageKey: string | null;
  dueDay: string;
  audience: 'all' | 'children';
}

export interface CampaignAttached {
  exams: string[];
  challenges: string[];
  events: string[];
  contests: string[];
  taskLists: string[];
}

export interface CampaignSummary {
  campaignId: string;
  title: string;
  unitId: string;
  unitName: string;
  status: CampaignStatus;
  /** The stage today falls in, or null before the first and after the last. */
  currentStage: string | null;
  startDay: string;
  endDay: string;
  /** The nearest due day not yet passed among the asks, or null. */
  nextDueDay: string | null;
  /** Whether the campaign was set up by the caller's scope (may edit), or reaches it from above. */
  own: boolean;
}

/** An attached activity with its figures over the subtree seen, from the owning context's roll-ups. */
export interface AttachedActivity {
  kind: 'exam' | 'challenge' | 'event' | 'contest' | 'taskList';
  id: string;
  title: string;
  /** Beijing days it runs, when it has them. */
  fromDay: string | null;
  toDay: string | null;
  /** What the figure counts, in words (参加人数, 完成打卡, 到场人数, 已完成事项…). */
  label: string;
  done: number;
  /** Out of how many; null when there is no denominator. */
  of: number | null;
  /** The activity's own page, for the organiser to open. */
  path: string;
}

export interface CampaignView {
  campaignId: string;
  version: number;
  title: string;
  description: string;
  unitId: string;
  unitName: string;
  status: CampaignStatus;
  acceptLate: boolean;
  stages: CampaignStage[];
  asks: CampaignAsk[];
  attached: CampaignAttached;
  activities: AttachedActivity[];
  currentStage: string | null;
  /** The unit it is seen from, and whether the caller may edit the campaign (organiser of its unit). */
  seenFrom: { unitId: string; unitName: string };
  mayEdit: boolean;
  /** Per ask, counted over the units below the one seen from: the top of the page. */
  askTotals: Array<{ askKey: string; expected: number; submitted: number; late: number; missing: number; returned: number; accepted: number }>;
  /** The caller's own unit's reports owed upward (the unit seen from, unless it is the campaign's unit). */
  ownReports: Array<{ askKey: string; state: ReportState | 'none'; dueDay: string; lateMinutes: number | null; reportId: string | null }>;
}

export interface ReportFile {
  fileID: string;
  name: string;
  size: number;
  ext: string;
  /** A temporary link to open it (organisers who may see the report). */
  url: string | null;
}

/**
 * A unit's written assessment in a campaign (评价等次 and 书面评价), as given by the level above.
 * Shown to the organisers who may write it (those of the unit's parent or above) and, as feedback,
 * to the unit's own organisers, who may not change it.
 */
export interface AssessmentView {
  grade: 'excellent' | 'good' | 'fair' | 'poor' | null;
  text: string;
  /** The organiser who wrote it. */
  byName: string;
  at: number;
}

/** One unit's row of an ask's status. */
export interface ReportStatusRow {
  unitId: string;
  unitName: string;
  /** Depth below the unit seen from (1: a direct child). */
  depth: number;
  parentUnitId: string | null;
  reportId: string | null;
  /** 'missing' after the due day with nothing submitted; 'pending' before it. */
  state: 'pending' | 'missing' | 'draft' | 'submitted' | 'returned' | 'accepted';
  /** When submitted after the due day's end: by how many minutes (the client words it: 晚交 2 天). */
  lateMinutes: number | null;
  submittedAt: number | null;
  returnedReason: string | null;
  fileCount: number;
  /** Whether the caller may review it (organisers of its parent unit or above). */
  mayReview: boolean;
  /** The unit's assessment in this campaign, when given (only on rows the caller may review). */
  assessment: AssessmentView | null;
}

export interface ReportStatusView {
  askKey: string;
  title: string;
  dueDay: string;
  closed: boolean;
  /** Late first, then missing, returned, pending, submitted, accepted — what needs the organiser at the top. */
  rows: ReportStatusRow[];
  /** The assessment of the unit seen from, given by the level above: feedback its own organisers read (and may not change). */
  seenAssessment: AssessmentView | null;
  totals: { expected: number; submitted: number; late: number; missing: number; returned: number; accepted: number; pending: number };
}

export interface ReportHistoryEntry {
  at: number;
  by: string;
  action: 'saved' | 'submitted' | 'returned' | 'accepted';
  reason: string | null;
}

export interface ReportView {
  reportId: string | null;
  campaignId: string;
  askKey: string;
  unitId: string;
  unitName: string;
  state: ReportState | 'none';
  version: number;
  text: string;
  files: ReportFile[];
  gathered: Array<{ reportId: string; unitName: string; state: ReportState }>;
  dueDay: string;
  submittedAt: number | null;
  lateMinutes: number | null;
  returnedReason: string | null;
  history: ReportHistoryEntry[];
  /** Whether the caller may edit and submit it (organisers of the unit), review it (of the level above). */
  mayEdit: boolean;
  mayReview: boolean;
}

export interface CampaignResponses extends TaskResponses {
  createCampaign: { campaignId: string };
  updateCampaign: { campaignId: string; version: number };
  closeCampaign: { campaignId: string; status: CampaignStatus; acceptLate: boolean };
  listCampaigns: { items: CampaignSummary[] };
  getCampaign: CampaignView;
  reportStatus: ReportStatusView;
  getReport: ReportView;
  saveReport: { reportId: string; state: ReportState; version: number; lateMinutes: number | null };
  reviewReport: { reportId: string; state: ReportState };
  /** Said honestly: reminded (held a credit), not reachable (no credit), units with no organiser bound. */
  remindReports: { units: number; reminded: number; noCredit: number; noOrganiser: number };
  uploadTicket: { cloudPath: string };
  draftStageReport: { postId: string; title: string; text: string };
  saveAssessment: { unitId: string; grade: string | null; text: string };
  exportEvaluation: { fileID: string; url: string; units: number };
}

export type * from './campaignTasks';
