// The question import's report (issue 15): each row as members will see it, the column a problem
// is in, and which sheet of the workbook was read.
import type { QuestionContent } from '../domain/exam/questions';
import type { QuestionImportRow } from './examViews';

export interface QuestionSheetRow extends QuestionImportRow {
  /** The header of the column a problem is in, as the file writes it; null when the row is sound. */
  column: string | null;
  /** The question as it will be stored and shown to members; null when the row cannot be one. */
  question: QuestionContent | null;
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
  duplicate: number;
  invalid: number;
  blankRows: number;
  rows: QuestionSheetRow[];
}
