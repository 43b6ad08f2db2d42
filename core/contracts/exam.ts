// Contract of the `exam` cloud function: the question bank, closed-book exams, make-up exams,
// attempts and the organiser's views. No response to a member carries the answer key of an exam
// whose window is still open (a test walks every action to check).

import * as z from 'zod';
import { CONTROL_CHARS, cursorField, idField, pageLimitField, type Page } from './common';
import { actionSchemas } from './lazy';
import type { DrawRule, Points, ReleasePolicy } from '../domain/exam';
import type { AttemptResult, AttemptView, BankSummary, ExamCard, ExamDraftView, ExamIntro, ExamMonitorView, ExamRosterView, ExamStatsView, ManagedExamRow, PaperResultView, QuestionChange, QuestionDetail, QuestionReportRow, QuestionRow, ExamRegradeRow, RegradeOutcome, RegradePreview, SaveResult, StaleKeyExams } from './examViews';
import type { QuestionSheetReport } from './examImport';

export type * from './examViews';

const questionTypeSchema = () => z.enum(['single', 'multiple', 'judge', 'fill']);
const tagSchema = () => z.string().trim().min(1).max(30, '标签最多30个字');
const timeSchema = () => z.number().int().min(0).max(4_102_444_800_000);

export const questionInputSchema = () => z
  .object({
    type: questionTypeSchema(),
    stem: z.string().trim().min(1, '请填写题干').max(500, '题干最多500字'),
    options: z.array(z.string().trim().min(1, '选项不能为空').max(200, '选项最多200字')).max(8, '选项最多8个').default([]),
    /** Choice: indices of the correct options. Judge: [0] 正确 or [1] 错误. Fill: []. */
    answer: z.array(z.number().int().min(0).max(7)).max(8).default([]),
    /** Fill: accepted answers per blank. */
    blanks: z.array(z.array(z.string().trim().min(1).max(50)).min(1).max(8)).max(10).default([]),
    explanation: z.string().trim().max(500, '解析最多500字').default(''),
    tags: z.array(tagSchema()).max(8, '标签最多8个').default([]),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    /**
     * 不定项: a multiple-choice key may hold one option, as the import's 不定项 type allows. Not
     * stored: a multiple-choice question with one correct option is 不定项 (isIndefiniteKey).
     */
    indefinite: z.boolean().default(false),
    /** 仅用于考试: exams only, never the daily quiz or contests. */
    examOnly: z.boolean().default(false),
  })
  .strict();

const drawRuleSchema = () => z
  .object({
    type: questionTypeSchema(),
    tag: tagSchema().nullable().default(null),
    count: z.number().int().min(1).max(100),
  })
  .strict();

const pointsSchema = () => z
  .object({
    single: z.number().min(0.5).max(100),
    multiple: z.number().min(0.5).max(100),
    judge: z.number().min(0.5).max(100),
    fill: z.number().min(0.5).max(100),
  })
  .strict();

const answerSchema = () => z
  .object({
    qid: idField(),
    choice: z.array(z.number().int().min(0).max(7)).max(8).optional(),
    text: z.array(z.string().max(50, '填空答案最多50字')).max(10).optional(),
  })
  .strict();

export const examDraftSchema = () => z
  .object({
    title: z.string().trim().min(1, '请填写考试名称').max(40, '考试名称最多40字'),
    description: z.string().trim().max(500, '考试说明最多500字').default(''),
    /** Branch ids; empty means the whole organisation (org admins only). */
    unitIds: z.array(idField()).max(500).default([]),
    opensAt: timeSchema(),
    closesAt: timeSchema(),
    durationMinutes: z.number().int().min(1, '考试时长至少1分钟').max(600, '考试时长最多600分钟'),
    paper: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('fixed'), questionIds: z.array(idField()).min(1, '请至少选择一道题').max(200, '一份试卷最多200道题') }).strict(),
      z.object({ mode: z.literal('rules'), rules: z.array(drawRuleSchema()).min(1, '请至少设置一条抽题规则').max(20) }).strict(),
    ]),
    points: pointsSchema().default({ single: 2, multiple: 3, judge: 1, fill: 2 }),
    multiplePartial: z.boolean().default(false),
    shuffleQuestions: z.boolean().default(true),
    shuffleOptions: z.boolean().default(true),
    passScore: z.number().min(0).max(10_000),
    maxAttempts: z.number().int().min(1).max(5).default(1),
    releaseAnswers: z.enum(['after_close', 'after_submit']).default('after_close'),
    switchTolerance: z.number().int().min(0).max(50).default(3),
  })
  .strict();

const regradeKeySchema = () => z
  .object({
    answer: z.array(z.number().int().min(0).max(7)).max(8).default([]),
    blanks: z.array(z.array(z.string().trim().min(1).max(50)).min(1).max(8)).max(10).default([]),
  })
  .strict();

const paperDaySchema = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '考试日期格式应为 YYYY-MM-DD');

/** A typed line of a hand record (备注, 原因): required, one line, named in every refusal. */
function paperTextSchema(what: string, min: number) {
  return z
    .string({ error: `请填写${what}` })
    .trim()
    .min(min, min === 1 ? `请填写${what}（如送题到家、纸质考试）` : `请说明${what}`)
    .max(100, `${what}最多100字`)
    .refine((v) => !CONTROL_CHARS.test(v) && !/[\r\n]/.test(v), `${what}不能包含控制字符或换行`);
}

export const examSchemas = actionSchemas({
  // ---- members ---------------------------------------------------------------------------
  listExams: () => z.object({ tab: z.enum(['todo', 'done', 'ended']).default('todo'), cursor: cursorField() }).strict(),
  getExam: () => z.object({ examId: idField() }).strict(),
  startExam: () => z.object({ examId: idField() }).strict(),
  getAttempt: () => z.object({ attemptId: idField() }).strict(),
  saveAnswers: () => z.object({ attemptId: idField(), answers: z.array(answerSchema()).min(1).max(200) }).strict(),
  reportSwitch: () => z.object({ attemptId: idField(), kind: z.enum(['hide', 'show']) }).strict(),
  submitAttempt: () => z.object({ attemptId: idField(), answers: z.array(answerSchema()).max(200).default([]) }).strict(),
  getResult: () => z.object({ attemptId: idField() }).strict(),
  reportQuestion: () => z
    .object({
      attemptId: idField(),
      qid: idField(),
      note: z.string().trim().min(2, '请写明哪里有误').max(300, '纠错说明最多300字'),
    })
    .strict(),

  // ---- organisers: the bank --------------------------------------------------------------
  listQuestions: () => z
    .object({
      status: z.enum(['active', 'retired']).default('active'),
      type: questionTypeSchema().nullish(),
      tag: tagSchema().nullish(),
      cursor: cursorField(),
      limit: pageLimitField(),
    })
    .strict(),
  getQuestion: () => z.object({ questionId: idField() }).strict(),
  /** A question's changes, newest first: who, when, from which file, the editor or a regrade. */
  listQuestionHistory: () => z.object({ questionId: idField(), cursor: cursorField() }).strict(),
  saveQuestion: () => z.object({ questionId: idField().nullish(), question: questionInputSchema() }).strict(),
  setQuestionStatus: () => z.object({ questionId: idField(), status: z.enum(['active', 'retired']) }).strict(),
  importQuestions: () => z
    .object({
      fileID: z.string().min(1).max(512),
      fileName: z.string().min(1).max(200),
      commit: z.boolean(),
      /** A sheet of the workbook to read instead of the first with a question header. */
      sheet: z.string().trim().min(1).max(100).nullish(),
      /** The preview's plan (QuestionSheetReport.plan): the commit applies it or refuses. */
      plan: z.string().max(100).nullish(),
    })
    .strict(),
  questionTemplate: () => z.object({}).strict(),
  installSeedBank: () => z.object({}).strict(),
  bankSummary: () => z.object({}).strict(),
  listQuestionReports: () => z.object({ status: z.enum(['open', 'closed']).default('open'), cursor: cursorField() }).strict(),
  resolveQuestionReport: () => z
    .object({
      reportId: idField(),
      resolution: z.enum(['fixed', 'dismissed']),
      reply: z.string().trim().max(200).default(''),
    })
    .strict(),

  // ---- organisers: exams -------------------------------------------------------------------
  listManagedExams: () => z.object({ cursor: cursorField() }).strict(),
  getExamDraft: () => z.object({ examId: idField() }).strict(),
  saveExam: () => z.object({ examId: idField().nullish(), exam: examDraftSchema() }).strict(),
  publishExam: () => z.object({ examId: idField() }).strict(),
  createMakeup: () => z
    .object({
      examId: idField(),
      include: z.enum(['absent', 'failed', 'both']),
      opensAt: timeSchema(),
      closesAt: timeSchema(),
      title: z.string().trim().min(1).max(40).nullish(),
    })
    .strict(),
  grantExtraTime: () => z
    .object({
      examId: idField(),
      memberIds: z.array(idField()).min(1, '请选择党员').max(200),
      minutes: z.number().int().min(1).max(120),
      reason: z.string().trim().min(1, '请说明补时原因').max(100),
    })
    .strict(),
  reopenAttempt: () => z
    .object({
      attemptId: idField(),
      minutes: z.number().int().min(1).max(120),
      reason: z.string().trim().min(1, '请说明重新开放的原因').max(100),
    })
    .strict(),
  forceSubmit: () => z
    .object({
      attemptId: idField(),
      reason: z.string().trim().min(1, '请说明强制交卷的原因').max(100),
    })
    .strict(),
  examMonitor: () => z.object({ examId: idField() }).strict(),
  examStats: () => z.object({ examId: idField(), unitId: idField().nullish() }).strict(),
  examRoster: () => z
    .object({
      examId: idField(),
      unitId: idField(),
      filter: z.enum(['all', 'absent', 'passed', 'failed', 'flagged', 'in_progress']).default('all'),
    })
    .strict(),
  remindAbsentees: () => z.object({ examId: idField(), unitId: idField() }).strict(),
  exportResults: () => z.object({ examId: idField() }).strict(),
  /** Once closed: a draft post of its figures (participation, pass rate, per unit, questions often missed) in the feed. */
  draftExamReport: () => z.object({ examId: idField() }).strict(),
  /** A corrected key for one pinned question: choices (single, multiple, judge) or blanks (fill); none: the question and its pinned key. */
  previewRegrade: () => z.object({ examId: idField(), questionId: idField(), key: regradeKeySchema().nullish() }).strict(),
  regradeExam: () => z
    .object({
      examId: idField(),
      questionId: idField(),
      key: regradeKeySchema(),
      reason: z.string().trim().min(2, '请说明更正的原因').max(200, '原因最多200字'),
      /** Also correct the bank's question, so later exams use the right key. */
      fixBank: z.boolean().default(true),
    })
    .strict(),
  /** An exam's regrades, newest first (a make-up's are its original's): who, when, why, the question, the keys, the counts. */
  listExamRegrades: () => z.object({ examId: idField() }).strict(),
  /** After a bank key changed: the published exams whose pinned copy of the question grades with another key. Never a key. */
  listStaleExamKeys: () => z.object({ questionId: idField() }).strict(),
  // ---- organisers: paper results (送题到家, 纸质考试), recorded by hand ----------------------
  /** A roster member's paper score; the exam's pass score decides the pass. Same call again: recorded once. */
  recordPaperResult: () => z
    .object({
      examId: idField(),
      memberId: idField(),
      score: z.number({ error: '成绩应为数字' }),
      takenOn: paperDaySchema(),
      note: paperTextSchema('备注', 1),
    })
    .strict(),
  /** Corrects a hand record's score, or withdraws it (score null); every change is kept in its trace. */
  amendPaperResult: () => z
    .object({
      examId: idField(),
      memberId: idField(),
      score: z.number({ error: '成绩应为数字' }).nullable(),
      reason: paperTextSchema('原因', 2),
    })
    .strict(),
  /** Timer job: closes attempts whose deadline passed. Also runs on every timer trigger. */
  sweepAttempts: () => z.object({}).strict(),
  /** Organisers: a cloud path to upload a question sheet to (an upload ticket); the import accepts only that file. */
  uploadTicket: () => z.object({ purpose: z.enum(['sheet']), name: z.string().trim().min(1).max(200) }).strict(),
} as const);

export type ExamRequests = { [A in keyof typeof examSchemas]: z.input<(typeof examSchemas)[A]> };
export type QuestionInput = z.input<ReturnType<typeof questionInputSchema>>;
export type ExamDraftInput = z.input<ReturnType<typeof examDraftSchema>>;
export type ExamDraft = z.output<ReturnType<typeof examDraftSchema>>;

export interface ExamResponses {
  uploadTicket: { cloudPath: string };
  listExams: Page<ExamCard>;
  getExam: ExamIntro;
  startExam: AttemptView;
  getAttempt: AttemptView | AttemptResult;
  saveAnswers: SaveResult;
  reportSwitch: { switchCount: number; flagged: boolean; switchTolerance: number };
  submitAttempt: AttemptResult;
  getResult: AttemptResult;
  reportQuestion: { reportId: string };

  listQuestions: Page<QuestionRow>;
  getQuestion: QuestionDetail;
  listQuestionHistory: Page<QuestionChange>;
  saveQuestion: QuestionDetail;
  setQuestionStatus: { questionId: string; status: 'active' | 'retired' };
  importQuestions: QuestionSheetReport;
  questionTemplate: { fileID: string; url: string; fileName: string };
  installSeedBank: { created: number; existing: number };
  bankSummary: BankSummary;
  listQuestionReports: Page<QuestionReportRow>;
  resolveQuestionReport: { reportId: string; status: 'fixed' | 'dismissed' };

  listManagedExams: Page<ManagedExamRow>;
  getExamDraft: ExamDraftView;
  saveExam: ExamDraftView;
  publishExam: { examId: string; questionCount: number; totalScore: number };
  createMakeup: { examId: string; invited: number };
  grantExtraTime: { updated: number };
  reopenAttempt: { attemptId: string; deadline: number };
  forceSubmit: AttemptResult;
  examMonitor: ExamMonitorView;
  examStats: ExamStatsView;
  examRoster: ExamRosterView;
  /** withoutCredit: bound but holding no exam reminder; unbound: never bound to WeChat (no reminder can reach them). */
  remindAbsentees: { sent: number; withoutCredit: number; unbound: number };
  exportResults: { fileID: string; url: string; fileName: string };
  /** The draft as the organiser reads it, one paragraph a line; missedHeld: the questions often missed left out while a window may still use them. */
  draftExamReport: { postId: string; title: string; text: string; missedHeld: boolean };
  previewRegrade: RegradePreview;
  regradeExam: RegradeOutcome;
  listExamRegrades: { rows: ExamRegradeRow[] };
  listStaleExamKeys: StaleKeyExams;
  recordPaperResult: PaperResultView;
  amendPaperResult: PaperResultView;
  sweepAttempts: { closed: number };
}

export type { DrawRule, Points, ReleasePolicy };
