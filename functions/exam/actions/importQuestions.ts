// importQuestions: an organiser's xlsx or csv of questions, first as a preview with a row-by-row
// report (each question as members will see it, the sheet read and the others to choose from),
// then committed. Bad rows are rejected with their reason, duplicates (within the file or
// already in the bank) are reported, good rows are saved; each question is written whole or not
// at all, and ids derived from the content make a repeated or racing import create each once.

import type { ExamResponses } from '../../../core/contracts/exam';
import type { QuestionSheetRow } from '../../../core/contracts/examImport';
import { cleanCell } from '../../../core/domain/text';
import { findQuestionHeader, parseQuestionRow, questionKey, type ColumnKey, type QuestionContent, type RowColumn } from '../../../core/domain/exam/questions';
import { COLLECTIONS } from '../../lib/collections';
import { existingIds, insert, insertBatch } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { downloadOwnUpload } from '../../lib/uploads';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { readSheets, type NamedSheet, type SheetRow } from '../../lib/sheet';
import { questionDoc, questionIdOf } from '../bank';

const MAX_ROWS = 2000;
const BATCH = 100;
/** How far down a sheet the header may be (a title row or two above it). */
const HEADER_ROWS = 10;

interface Input {
  fileID: string;
  fileName: string;
  commit: boolean;
  sheet?: string | null;
}

const nonBlankRows = (rows: SheetRow[]) => rows.filter((r) => r.cells.some((c) => cleanCell(c) !== ''));

/**
 * The sheet to read: the one the organiser chose, else the first whose first rows hold a question
 * header (an instruction sheet such as 填写说明 comes first in many exam systems' templates).
 */
function pickSheet(sheets: NamedSheet[], chosen: string | null | undefined) {
  const where = (s: NamedSheet) => (s.name === null ? '文件' : `「${s.name}」表`);
  const missing = `没有找到表头（需要「题干」和「答案」列）`;
  if (chosen) {
    const sheet = sheets.find((s) => s.name === chosen);
    if (!sheet) throw invalid(`文件中没有「${chosen.slice(0, 30)}」这张表，请重新选择`);
    const rows = nonBlankRows(sheet.rows);
    const header = findQuestionHeader(rows.map((r) => r.cells));
    if (!header) throw invalid(`在${where(sheet)}的前 ${Math.min(HEADER_ROWS, rows.length)} 行${missing}`);
    return { sheet, rows, header };
  }
  for (const sheet of sheets) {
    const rows = nonBlankRows(sheet.rows);
    const header = findQuestionHeader(rows.map((r) => r.cells));
    if (header) return { sheet, rows, header };
  }
  if (sheets.length === 0) throw invalid('文件中没有内容');
  const searched = Math.max(...sheets.map((s) => Math.min(HEADER_ROWS, nonBlankRows(s.rows).length)));
  throw invalid(`在${sheets.map(where).join('、')}的前 ${searched} 行${missing}`);
}

/** The header cell of a problem's column, as the file writes it. */
function columnName(column: RowColumn | undefined, header: string[], columns: Map<ColumnKey, number>): string | null {
  if (column === undefined) return null;
  if (column === 'options') return '选项';
  const c = columns.get(column);
  return c === undefined ? null : cleanCell(header[c] ?? '') || null;
}

export async function importQuestions(input: Input, ctx: ActionContext): Promise<ExamResponses['importQuestions']> {
  const { db, storage, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  // Only a sheet the caller uploaded through their own ticket: not another's file, not an export.
  const bytes = await downloadOwnUpload(storage, { openid: ctx.openid, context: 'exam', purpose: 'sheet' }, input.fileID, () => invalid('找不到上传的文件，请重新选择文件'));
  const sheets = await readSheets(bytes, input.fileName);
  const { sheet, rows: nonBlank, header } = pickSheet(sheets, input.sheet);
  const blankRows = sheet.rows.length - nonBlank.length;
  const headerCells = nonBlank[header.index].cells;
  const dataRows = nonBlank.slice(header.index + 1);
  if (dataRows.length > MAX_ROWS) throw invalid(`一次最多导入 ${MAX_ROWS} 道题，请分成几个文件`);

  const rows: QuestionSheetRow[] = [];
  const ready: Array<{ report: QuestionSheetRow; content: QuestionContent; id: string }> = [];
  const seen = new Map<string, number>();
  for (const r of dataRows) {
    const parsed = parseQuestionRow(r.cells, header.columns);
    const stemCell = cleanCell(r.cells[header.columns.get('stem') ?? -1] ?? '');
    if (!parsed.ok) {
      const column = columnName(parsed.column, headerCells, header.columns);
      rows.push({ row: r.row, stem: stemCell.slice(0, 60), type: null, status: 'invalid', reason: parsed.reason, column, question: null });
      continue;
    }
    const q = parsed.question;
    const key = questionKey(q.stem, q.options);
    const report: QuestionSheetRow = { row: r.row, stem: q.stem.slice(0, 60), type: q.type, status: 'ready', reason: null, column: null, question: q };
    rows.push(report);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report.status = 'duplicate';
      report.reason = `与第 ${earlier} 行重复`;
      continue;
    }
    seen.set(key, r.row);
    ready.push({ report, content: q, id: questionIdOf(ids, me.orgId, key) });
  }

  const inBank = await existingIds(db, COLLECTIONS.questions, ready.map((x) => x.id));
  const fresh = ready.filter((x) => {
    if (!inBank.has(x.id)) return true;
    x.report.status = 'duplicate';
    x.report.reason = '题库中已有相同的题目';
    return false;
  });

  if (input.commit && fresh.length > 0) {
    const now = new Date(clock.now());
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      const docs = batch.map((x) => ({ ...questionDoc(ids, me.orgId, x.content, 'import', me._id, now) }));
      const created = await insertBatch(db, COLLECTIONS.questions, docs);
      batch.forEach((x, k) => {
        x.report.status = created[k] ? 'created' : 'duplicate';
        if (!created[k]) x.report.reason = '题库中已有相同的题目';
      });
    }
  }

  const count = (s: QuestionSheetRow['status']) => rows.filter((r) => r.status === s).length;
  const result = {
    committed: input.commit,
    fileName: input.fileName,
    sheet: sheet.name,
    sheets: sheets.flatMap((s) => (s.name === null ? [] : [s.name])),
    total: rows.length,
    ready: count('ready'),
    created: count('created'),
    duplicate: count('duplicate'),
    invalid: count('invalid'),
    blankRows,
    rows,
  };
  if (input.commit) {
    await insert(db, COLLECTIONS.questionImports, {
      orgId: me.orgId,
      by: me._id,
      fileName: input.fileName,
      total: result.total,
      created: result.created,
      duplicate: result.duplicate,
      invalid: result.invalid,
      createdAt: new Date(clock.now()),
    });
  }
  return result;
}
