// importQuestions: an organiser's xlsx or csv of questions, first as a preview with a row-by-row
// report (each question as members will see it, the sheet read and the others to choose from,
// what a row changes in a question the bank holds), then committed. A row names a stored question
// by the file's ID column or by type + folded stem (../reimport.ts); a changed answer, option,
// explanation, tag or difficulty (and, by ID, the type) updates it, conditional on the version the
// preview read, with a history record. Bad rows are rejected with their reason; each question is
// written whole or not at all, and ids derived from the content make a repeated or racing import
// create each once.

import type { ExamResponses } from '../../../core/contracts/exam';
import { IMPORT_ROWS_SHOWN, isQuestionRowProblem, type QuestionSheetRow } from '../../../core/contracts/examImport';
import { cleanCell } from '../../../core/domain/text';
import { normaliseRef, questionIdent, rowConflict } from '../../../core/domain/exam/questionIdentity';
import { findQuestionHeader, LIMITS, parseQuestionRow, parseTags, questionKey, type ColumnKey, type RowColumn } from '../../../core/domain/exam/questions';
import { COLLECTIONS } from '../../lib/collections';
import { insert, insertBatch, updateWhere } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import { downloadOwnUpload } from '../../lib/uploads';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { readSheets, type NamedSheet, type SheetRow } from '../../lib/sheet';
import { backfillIdents, eachLimited, historyDoc, keepLastChanges, questionDoc, staleIdents, writeHistory } from '../bank';
import { heldKeys } from '../keys';
import type { QuestionHistoryDoc } from '../model';
import { planDigest, planImport, restampUnchanged, stampAfterUpdate, type ReadyRow } from '../reimport';

const MAX_ROWS = 2000;
const BATCH = 100;
/** Insert batches in flight at once (a 1,500-row file is 15 batches: 4 round trips instead of 15). */
const INSERT_PARALLEL = 4;
/** Conditional updates in flight at once. */
const UPDATE_PARALLEL = 20;
/** How far down a sheet the header may be (a title row or two above it). */
const HEADER_ROWS = 10;

interface Input {
  fileID: string;
  fileName: string;
  commit: boolean;
  sheet?: string | null;
  plan?: string | null;
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

/**
 * 标签“…”过长，已截为 30 字: the tags of a row longer than the limit, which the parser cuts
 * (questions.ts) rather than refuse the question; read again from the cell to say so.
 */
function cutTags(cells: string[], columns: Map<ColumnKey, number>): string[] {
  const c = columns.get('tags');
  // No tag is longer than its cell: most cells are read no further.
  if (c === undefined || (cells[c] ?? '').length <= LIMITS.tag) return [];
  return parseTags(cells[c] ?? '')
    .filter((t) => t.length > LIMITS.tag)
    .map((t) => `标签“${t.slice(0, 12)}…”过长，已截为 ${LIMITS.tag} 字`);
}

/**
 * Rows carry their question only where the preview's table can show it: the first
 * IMPORT_ROWS_SHOWN rows, and as many of the rows with a problem (its 只看有问题的). The rest keep
 * their stem, status and change lines; the counts cover every row.
 */
function keepQuestionsShown(rows: QuestionSheetRow[]): void {
  let problems = 0;
  rows.forEach((r, i) => {
    const problem = isQuestionRowProblem(r);
    if (problem) problems++;
    if (i >= IMPORT_ROWS_SHOWN && !(problem && problems <= IMPORT_ROWS_SHOWN)) r.question = null;
  });
}

export async function importQuestions(input: Input, ctx: ActionContext): Promise<ExamResponses['importQuestions']> {
  const { db, storage, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  // The bank's questions of an earlier identity rule: read while the file is fetched and parsed
  // (it needs only the organisation). Awaited below; a refused file leaves it unread by anyone.
  const staleRead = staleIdents(db, me.orgId);
  staleRead.catch(() => undefined);
  // Only a sheet the caller uploaded through their own ticket: not another's file, not an export.
  const bytes = await downloadOwnUpload(storage, { openid: ctx.openid, context: 'exam', purpose: 'sheet' }, input.fileID, () => invalid('找不到上传的文件，请重新选择文件'));
  const sheets = await readSheets(bytes, input.fileName);
  const { sheet, rows: nonBlank, header } = pickSheet(sheets, input.sheet);
  const blankRows = sheet.rows.length - nonBlank.length;
  const headerCells = nonBlank[header.index].cells;
  const dataRows = nonBlank.slice(header.index + 1);
  if (dataRows.length > MAX_ROWS) throw invalid(`一次最多导入 ${MAX_ROWS} 道题，请分成几个文件`);
  const refColumn = header.columns.get('ref');

  const rows: QuestionSheetRow[] = [];
  const ready: ReadyRow[] = [];
  // Rows of this file by identity: the file's ID when it has one, else type + folded stem.
  const seen = new Map<string, ReadyRow>();
  for (const r of dataRows) {
    const parsed = parseQuestionRow(r.cells, header.columns);
    const stemCell = cleanCell(r.cells[header.columns.get('stem') ?? -1] ?? '');
    const base = { row: r.row, change: null, changes: [], questionId: null, version: null };
    if (!parsed.ok) {
      const column = columnName(parsed.column, headerCells, header.columns);
      rows.push({ ...base, stem: stemCell.slice(0, 60), type: null, status: 'invalid', reason: parsed.reason, column, question: null, notes: [] });
      continue;
    }
    const q = parsed.question;
    const report: QuestionSheetRow = { ...base, stem: q.stem.slice(0, 60), type: q.type, status: 'ready', reason: null, column: null, question: q, notes: cutTags(r.cells, header.columns) };
    rows.push(report);
    const x: ReadyRow = { report, content: q, ident: questionIdent(q.type, q.stem), ref: refColumn === undefined ? null : normaliseRef(cleanCell(r.cells[refColumn] ?? '')) };
    const within = x.ref ? `ref ${x.ref}` : `ident ${x.ident}`;
    const earlier = seen.get(within);
    if (earlier) {
      const differs = rowConflict(earlier.content, q);
      const n = earlier.report.row;
      if (differs) {
        report.status = 'invalid';
        report.reason = `第 ${r.row} 行与第 ${n} 行是同一题，但${differs}`;
        report.column = columnName(differs.startsWith('题型') ? 'type' : differs.startsWith('选项') ? 'options' : 'answer', headerCells, header.columns);
      } else {
        report.status = 'duplicate';
        report.reason = JSON.stringify(earlier.content) === JSON.stringify(q) ? `与第 ${n} 行相同，已合并` : `与第 ${n} 行是同一题，已合并（以第 ${n} 行为准）`;
      }
      continue;
    }
    seen.set(within, x);
    ready.push(x);
  }

  const now = new Date(clock.now());
  // Questions stored before identities, or with one of an earlier rule (a stem that kept its
  // label), are matched by the identity they should have; the commit stores it.
  const stale = await staleRead;
  const has = (k: ColumnKey) => header.columns.has(k);
  const fresh = await planImport(db, me.orgId, ready, { explanation: has('explanation'), tags: has('tags'), difficulty: has('difficulty'), examOnly: has('examOnly') }, stale);
  // A key held from this organiser (an open exam they may take) is not revealed or changed by an import.
  const toUpdate = ready.filter((x) => x.report.status === 'update');
  const held = await heldKeys(db, me, toUpdate.map((x) => x.match!._id), now.getTime(), 'bank');
  for (const x of toUpdate) {
    if (!held.has(x.match!._id)) continue;
    Object.assign(x.report, { status: 'invalid', reason: '这道题在你还可以参加的考试中，考试结束后才能通过导入修改', change: null, changes: [] });
  }
  const plan = planDigest(rows, ready);
  if (input.commit && input.plan && input.plan !== plan) throw precondition('题库在预览之后有变化（有题被修改或新增），请重新预览，确认后再导入');

  if (input.commit) {
    // New questions in batches of BATCH, INSERT_PARALLEL batches in flight: each batch is its own
    // request, and ids derived from the content keep a racing or repeated import to one copy.
    const batches: ReadyRow[][] = [];
    for (let i = 0; i < fresh.length; i += BATCH) batches.push(fresh.slice(i, i + BATCH));
    await eachLimited(batches, INSERT_PARALLEL, async (batch) => {
      const docs = batch.map((x) => ({ ...questionDoc(ids, me.orgId, x.content, 'import', me._id, now, x.ref) }));
      const created = await insertBatch(db, COLLECTIONS.questions, docs);
      batch.forEach((x, k) => {
        x.report.status = created[k] ? 'created' : 'duplicate';
        if (!created[k]) x.report.reason = '题库中已有相同的题目';
      });
    });
    const history: QuestionHistoryDoc[] = [];
    const _ = db.command;
    // One conditional write per changed question (each has its own content), UPDATE_PARALLEL in
    // flight (a re-import that cleans a legacy bank updates every question: 1,500 writes). Its
    // history record rides on that write (lastChange), so no change lands without it; the records
    // are then copied to the history in batches (a transaction per question would cost a read and
    // three writes each). A record an earlier import left there uncopied is kept first.
    const updates = ready.filter((r) => r.report.status === 'update');
    await keepLastChanges(db, updates.map((x) => x.match!));
    await eachLimited(updates, UPDATE_PARALLEL, async (x) => {
      const q = x.match!;
      const m = x.merged!;
      const h = historyDoc(q, m, { by: me._id, at: now, source: 'import', fileName: input.fileName });
      const n = await updateWhere(db.collection(COLLECTIONS.questions).where({ _id: q._id, version: q.version }), {
        ...m,
        options: _.set(m.options),
        answer: _.set(m.answer),
        blanks: _.set(m.blanks),
        tags: _.set(m.tags),
        key: questionKey(m.stem, m.options),
        ident: questionIdent(m.type, m.stem),
        ...(x.ref ? { ref: x.ref } : {}),
        contentDigest: stampAfterUpdate(q, m),
        version: _.inc(1),
        updatedAt: now,
        lastChange: h ? _.set({ ...h }) : null,
      });
      if (n !== 1) {
        Object.assign(x.report, { status: 'invalid', reason: '这道题在预览之后被修改过，没有更新，请重新导入', change: null, changes: [] });
        return;
      }
      x.report.status = 'updated';
      if (h) history.push(h);
    });
    await writeHistory(db, history);
    const identOf = new Map(stale.map((q) => [q._id, q.ident]));
    const restamped = await restampUnchanged(db, ready, identOf);
    // The rest of the stale identities: those this file's updates did not write.
    const written = new Set([...restamped, ...updates.flatMap((x) => (x.report.status === 'updated' ? [x.match!._id] : []))]);
    await backfillIdents(db, stale.filter((q) => !written.has(q._id)));
  }

  const count = (...s: Array<QuestionSheetRow['status']>) => rows.filter((r) => s.includes(r.status)).length;
  keepQuestionsShown(rows);
  const result = {
    committed: input.commit,
    fileName: input.fileName,
    sheet: sheet.name,
    sheets: sheets.flatMap((s) => (s.name === null ? [] : [s.name])),
    total: rows.length,
    ready: count('ready'),
    created: count('created'),
    duplicate: count('duplicate'),
    update: count('update', 'updated'),
    unchanged: rows.filter((r) => r.status === 'duplicate' && r.questionId !== null).length,
    invalid: count('invalid'),
    blankRows,
    rows,
    plan,
  };
  if (input.commit) {
    await insert(db, COLLECTIONS.questionImports, {
      orgId: me.orgId,
      by: me._id,
      fileName: input.fileName,
      total: result.total,
      created: result.created,
      updated: result.update,
      duplicate: result.duplicate,
      invalid: result.invalid,
      createdAt: now,
    });
  }
  return result;
}
