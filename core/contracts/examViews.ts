// The exam function's answers (the views members and organisers get), beside its requests in
// exam.ts. No view sent to a member carries the key of a question of a window still open to them.

import type { PaperTraceEntry } from '../domain/exam/paper';
import type { QuestionType } from '../domain/exam/questions';
import type { Points, ReleasePolicy } from '../domain/exam';
import type { ExamDraft } from './exam';

// ---------------------------------------------------------------------------------------------
// Member views

/** A member's standing in one exam. */
export type MyExamStatus =
  | 'upcoming' // the window has not opened
  | 'open' // may start
  | 'in_progress' // an attempt is running
  | 'passed'
  | 'failed' // graded, attempts may remain
  | 'missed' // the window closed without an attempt
  | 'closed'; // the window closed (organiser's view) or the exam was cancelled

export interface ExamCard {
  id: string;
  title: string;
  kind: 'exam' | 'makeup';
  opensAt: number;
  closesAt: number;
  durationMinutes: number;
  questionCount: number;
  totalScore: number;
  passScore: number;
  status: MyExamStatus;
  attemptsLeft: number;
  bestScore: number | null;
}

export interface ExamIntro extends ExamCard {
  description: string;
  maxAttempts: number;
  releaseAnswers: ReleasePolicy;
  switchTolerance: number;
  typeCounts: Record<QuestionType, number>;
  points: Points;
  multiplePartial: boolean;
  /** The running attempt to resume, or the last graded one. */
  attemptId: string | null;
  attempts: AttemptSummary[];
  serverNow: number;
}

export interface AttemptSummary {
  id: string;
  number: number;
  status: 'open' | 'submitted';
  score: number | null;
  passed: boolean | null;
  submittedAt: number | null;
  flagged: boolean;
  /** A corrected key changed this attempt's score (本题答案已更正，成绩已重新计算). */
  regraded: boolean;
}

export interface PaperQuestion {
  qid: string;
  /** 1-based position on this paper. */
  index: number;
  type: QuestionType;
  stem: string;
  /** In the order this member sees them. Judge: 正确, 错误. Fill: []. */
  options: string[];
  /** Fill questions: how many blanks to type. */
  blankCount: number;
  points: number;
}

export interface AnswerView {
  choice?: number[];
  text?: string[];
}

export interface AttemptView {
  attemptId: string;
  examId: string;
  title: string;
  number: number;
  status: 'open' | 'submitted';
  startedAt: number;
  deadline: number;
  serverNow: number;
  switchCount: number;
  switchTolerance: number;
  questions: PaperQuestion[];
  answers: Record<string, AnswerView>;
}

export interface AttemptResult {
  attemptId: string;
  examId: string;
  title: string;
  status: 'submitted';
  score: number;
  total: number;
  passScore: number;
  passed: boolean;
  correctCount: number;
  answeredCount: number;
  questionCount: number;
  durationSeconds: number;
  submittedAt: number;
  /** How it ended: by the member, at the deadline, or by an organiser. */
  closedBy: 'member' | 'deadline' | 'organiser';
  /** When correct answers are shown (null: already shown). */
  reviewAt: number | null;
  /** Present only once answers are released. */
  review: ReviewItem[] | null;
  /** Set when an organiser corrected a key and the attempt was graded again (never the key itself). */
  regrade: RegradeNotice | null;
}

/** "本题答案已更正，成绩已重新计算": the score before the first correction and now. */
export interface RegradeNotice {
  notice: string;
  scoreBefore: number;
  scoreAfter: number;
  passedBefore: boolean;
  passedAfter: boolean;
  /** Positions (1-based) on this paper of the corrected questions. */
  questions: number[];
}

export interface ReviewItem extends PaperQuestion {
  mine: AnswerView | null;
  /** Shown positions of the correct options (choice and judge). */
  correctChoice: number[];
  /** Fill: accepted answers per blank. */
  correctBlanks: string[][];
  correct: boolean;
  earned: number;
  explanation: string;
  reported: boolean;
  /**
   * Set when the question is on another window still open to this member (a make-up, another
   * exam): its key is held until that window closes — `correctChoice`, `correctBlanks` and
   * `explanation` come empty, `correct` false and `earned` 0 (the score above still counts it).
   */
  keyHeld: KeyHold | null;
}

/**
 * Why a question comes without its key (docs/SECURITY.md): it is on a window the reader may still
 * take or is taking. `windows`: those windows' titles (empty when there were too many to read).
 */
export interface KeyHold {
  windows: string[];
}

export interface SaveResult {
  savedAt: number;
  serverNow: number;
  deadline: number;
  answeredCount: number;
}

// ---------------------------------------------------------------------------------------------
// Organiser views

export interface QuestionRow {
  id: string;
  type: QuestionType;
  stem: string;
  tags: string[];
  difficulty: 1 | 2 | 3;
  status: 'active' | 'retired';
  version: number;
  openReports: number;
  updatedAt: number;
  /** 仅用于考试: kept out of the daily quiz and contests. */
  examOnly: boolean;
}

export interface QuestionDetail extends QuestionRow {
  options: string[];
  answer: number[];
  blanks: string[][];
  explanation: string;
  /**
   * Set when the question is on a window the organiser may still take or is taking: `answer`,
   * `blanks` and `explanation` come empty. Saving it with them left empty keeps the stored ones.
   */
  keyHeld: KeyHold | null;
}

/** One change of a question (修改记录). Only change lines: the contents before and after stay on the server. */
export interface QuestionChange {
  id: string;
  /** The question's version after the change (a retire or restore keeps it). */
  version: number;
  at: number;
  /** Who made it, as the roster names them now. */
  byName: string;
  source: 'import' | 'editor' | 'regrade';
  /** The file an import read. */
  fileName: string | null;
  /** 答案 A → B，标签 +…: what changed, in the words of the import's preview. */
  changes: string[];
  /** The key is held from the reader (docs/SECURITY.md, rule 2): a line naming it says only 答案有改动, one quoting the explanation 解析有改动. */
  keyHeld: boolean;
}

export interface BankSummary {
  active: number;
  retired: number;
  byType: Record<QuestionType, number>;
  byTag: Array<{ tag: string; count: number }>;
  openReports: number;
}

export interface QuestionReportRow {
  id: string;
  questionId: string;
  /** The exam it was filed on (its key can be corrected and the exam regraded from the report). */
  examId: string;
  stem: string;
  note: string;
  memberName: string;
  unitName: string;
  status: 'open' | 'fixed' | 'dismissed';
  reply: string;
  createdAt: number;
  /** Set when the question is on a window the organiser may still take: `note` and `reply` (which may name the key) come empty. */
  keyHeld: KeyHold | null;
}

export interface ManagedExamRow {
  id: string;
  title: string;
  kind: 'exam' | 'makeup';
  parentId: string | null;
  status: 'draft' | 'published';
  phase: 'draft' | 'upcoming' | 'open' | 'closed';
  opensAt: number;
  closesAt: number;
  unitNames: string[];
  submitted: number;
  /** Members expected to take it, in the branches this organiser sees. */
  audience: number;
}

export interface ExamDraftView {
  id: string;
  status: 'draft' | 'published';
  exam: ExamDraft;
  totalScore: number;
  questionCount: number;
}

export interface UnitStats {
  unitId: string;
  unitName: string;
  audience: number;
  started: number;
  submitted: number;
  /** Started, not yet handed in. */
  inProgress: number;
  /** Never started (缺考 once the window has closed). */
  absent: number;
  passed: number;
  failed: number;
  flagged: number;
  averageScore: number | null;
  averageSeconds: number | null;
  /** Of `submitted`, results recorded by hand from paper (手工录入); they have no time and are left out of averageSeconds. */
  handRecorded: number;
  /** Members per score band (SCORE_BUCKET_LABELS). */
  distribution: number[];
}

export interface QuestionStat {
  qid: string;
  index: number;
  type: QuestionType;
  stem: string;
  /** Graded papers carrying this question (a blank answer counts as wrong). */
  answered: number;
  correct: number;
  accuracy: number | null;
}

export interface ExamStatsView {
  examId: string;
  title: string;
  kind: 'exam' | 'makeup';
  parentId: string | null;
  totalScore: number;
  passScore: number;
  phase: ManagedExamRow['phase'];
  units: UnitStats[];
  overall: UnitStats;
  questions: QuestionStat[];
}

export interface RosterRow {
  memberId: string;
  name: string;
  /** 领导班子成员: listed first, and counted apart ("leaders first"). */
  leader: boolean;
  status: 'absent' | 'in_progress' | 'passed' | 'failed';
  score: number | null;
  attempts: number;
  durationSeconds: number | null;
  submittedAt: number | null;
  flagged: boolean;
  extraMinutes: number;
  attemptId: string | null;
  hasReminderCredit: boolean;
  /** Bound to WeChat: an entry never bound cannot take the exam or be reminded (it needs an invitation). */
  bound: boolean;
  /** A result recorded by hand from paper (手工录入): its day, note and trace; null for online results. */
  paper: PaperMark | null;
}

/** How a hand-recorded result is shown in a roster: marked, with its trace lines (traceLine). */
export interface PaperMark {
  takenOn: string;
  note: string;
  recordedBy: string;
  trace: string[];
}

/** A member's hand record as stored after a record or an amendment. */
export interface PaperResultView {
  examId: string;
  memberId: string;
  /** Null once withdrawn. */
  score: number | null;
  passed: boolean | null;
  takenOn: string;
  note: string;
  withdrawn: boolean;
  trace: PaperTraceEntry[];
}

export interface ExamRosterView {
  examId: string;
  unitId: string;
  unitName: string;
  rows: RosterRow[];
  /**
   * Ready to paste into a group chat: while the exam is open (or yet to open), a nudge to the bound
   * members who have not taken it (nudgeText); after the close, the list of who missed it.
   */
  absentText: string;
  /** The word for not having taken it, by the server's clock: 未参加 while open, 缺考 only after the close. */
  absentLabel: '未参加' | '缺考';
  /** The leadership's own figures (over the whole roster, whatever the filter). */
  leaders: { total: number; taken: number; passed: number };
}

export interface MonitorAttempt {
  attemptId: string;
  memberId: string;
  name: string;
  unitName: string;
  startedAt: number;
  deadline: number;
  answeredCount: number;
  questionCount: number;
  switchCount: number;
  flagged: boolean;
}

export interface ExamMonitorView {
  examId: string;
  title: string;
  phase: ManagedExamRow['phase'];
  serverNow: number;
  inProgress: number;
  submitted: number;
  flagged: number;
  attempts: MonitorAttempt[];
}

// ---------------------------------------------------------------------------------------------
// Regrade after a wrong key

export interface RegradeKeyView {
  answer: number[];
  blanks: string[][];
}

export interface RegradeChange {
  name: string;
  unitId: string;
  before: number;
  after: number;
  passedBefore: boolean;
  passedAfter: boolean;
}

export interface RegradePreview {
  examId: string;
  questionId: string;
  type: QuestionType;
  stem: string;
  options: string[];
  /** The key the exam pinned (the organiser may read it: the action refuses whoever may not). */
  currentKey: RegradeKeyView;
  /** Graded attempts carrying the question (the exam and its make-ups). */
  attempts: number;
  /** Attempts whose score changes. */
  changed: number;
  /** Members passing, by their best attempt, before and after. */
  passedBefore: number;
  passedAfter: number;
  /** The first changes, by name. */
  changes: RegradeChange[];
  /** The key given is the one already pinned: nothing would change. */
  sameKey: boolean;
}

export interface RegradeOutcome {
  regradeId: string;
  changed: number;
  passedBefore: number;
  passedAfter: number;
  /** Attempts written by this call (0 when a previous or concurrent call already did them). */
  written: number;
  /** False when the call ran out of time: send the same correction again to carry on. */
  done: boolean;
}

/** One regrade of an exam, as its organisers read it (listExamRegrades). */
export interface ExamRegradeRow {
  id: string;
  at: number;
  byName: string;
  /** Empty while the key is held from the caller: a reason may name the key. */
  reason: string;
  questionId: string;
  /** Position on a fixed paper (1-based), null on a drawn paper. */
  index: number | null;
  stem: string;
  type: QuestionType;
  /** The key before and after as text ("B. 遵义会议", "第1空：22 / 二十二"); null while held from the caller (keyHeld). */
  keyBefore: string | null;
  keyAfter: string | null;
  keyHeld: KeyHold | null;
  /** Graded attempts carrying the question, those whose score changed, members passing before and after. */
  attempts: number;
  changed: number;
  passedBefore: number;
  passedAfter: number;
  bankFixed: boolean;
  /** False while the regrade has not finished (a large exam takes more than one call). */
  done: boolean;
}

/** A published exam still grading a question with a key other than the bank's (listStaleExamKeys). */
export interface StaleKeyExam {
  /** The exam holding the pinned copy (a make-up's original): what the regrade page takes. */
  examId: string;
  title: string;
  closesAt: number;
  /** Its make-ups, which grade with the same pinned copy. */
  makeups: string[];
  /** Graded attempts of the exam and its make-ups. */
  attempts: number;
}

export interface StaleKeyExams {
  questionId: string;
  /** Only exams the caller may regrade; empty when the key is held from them (keyHeld). */
  exams: StaleKeyExam[];
  keyHeld: KeyHold | null;
}
