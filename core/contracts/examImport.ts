// The question import's report (issue 15): each row as members will see it, the column a problem
// is in, which sheet of the workbook was read, and what a re-import changes in the bank.
import type { QuestionContent, QuestionType } from '../domain/exam/questions';

/** The rows an import's table shows at most, of all rows and of the rows with a problem. */
export const IMPORT_ROWS_SHOWN = 200;

/** A row the table lists under 只看有问题的: refused, or writing nothing. */
export const isQuestionRowProblem = (r: Pick<QuestionSheetRow, 'status'>): boolean => r.status === 'invalid' || r.status === 'duplicate';

export interface QuestionSheetRow {
  /** The row's number in the sheet, as the organiser's spreadsheet shows it. */
  row: number;
  stem: string;
  type: QuestionType | null;
  /**
   * ready/created: a new question. update/updated: a question of the bank that this row changes.
   * duplicate: nothing to write (无变化, or merged into an earlier row of the file). invalid: refused.
   */
  status: 'ready' | 'created' | 'duplicate' | 'invalid' | 'update' | 'updated';
  reason: string | null;
  /** The header of the column a problem is in, as the file writes it; null when the row is sound. */
  column: string | null;
  /**
   * The question as it will be stored and shown to members; null when the row cannot be one, and on
   * rows past those the preview's table can show (IMPORT_ROWS_SHOWN of all rows, and as many of the
   * rows with a problem): a 1,500-row file would otherwise carry every question to the phone.
   */
  question: QuestionContent | null;
  /** What the row changes in the bank's question (答案 A → B，标签 +…); null when it changes nothing. */
  change: string | null;
  /** The same, one line per change (选项 B：“…” → “…”; 解析：“…” → “…”); empty when it changes nothing. */
  changes: string[];
  /** What the import did to the row's cells that the organiser should know (标签“…”过长，已截为 30 字). */
  notes: string[];
  /** The bank's question this row names and the version the preview read; null for a new question. */
  questionId: string | null;
  version: number | null;
}

export interface QuestionSheetReport {
  committed: boolean;
  fileName: string;
  /** The sheet read; null for a CSV file. */
  sheet: string | null;
  /** Every sheet of the workbook with content, in order, so the organiser can choose another. */
  sheets: string[];
  total: number;
  ready: number;
  created: number;
  /** Rows that write nothing: unchanged questions of the bank and rows merged into an earlier one. */
  duplicate: number;
  /** Questions of the bank this file changes (preview) or changed (commit). */
  update: number;
  /** Rows naming a question of the bank that they leave as it is. */
  unchanged: number;
  invalid: number;
  blankRows: number;
  rows: QuestionSheetRow[];
  /**
   * A digest of what the preview would write: sent back with the commit, which refuses to apply a
   * different plan (the bank changed after the preview).
   */
  plan: string;
}
