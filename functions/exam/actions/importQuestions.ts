// importQuestions: an organiser's xlsx or csv of questions, first as a preview with a row-by-row
// report, then committed. Bad rows are rejected with their reason, duplicates (within the file or
// already in the bank) are reported, good rows are saved; each question is written whole or not
// at all, and ids derived from the content make a repeated or racing import create each once.

import type { ExamResponses, QuestionImportRow } from '../../../core/contracts/exam';
import { cleanCell } from '../../../core/domain/text';
import { findQuestionHeader, parseQuestionRow, questionKey, type QuestionContent } from '../../../core/domain/exam/questions';
import { COLLECTIONS } from '../../lib/collections';
import { existingIds, insert, insertBatch } from '../../lib/db';
import { invalid } from '../../lib/errors';
import { downloadOwnUpload } from '../../lib/uploads';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { readSheet } from '../../lib/sheet';
import { questionDoc, questionIdOf } from '../bank';

const MAX_ROWS = 2000;
const BATCH = 100;

interface Input {
  fileID: string;
  fileName: string;
  commit: boolean;
}

export async function importQuestions(input: Input, ctx: ActionContext): Promise<ExamResponses['importQuestions']> {
  const { db, storage, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  // Only a sheet the caller uploaded through their own ticket: not another's file, not an export.
  const bytes = await downloadOwnUpload(storage, { openid: ctx.openid, context: 'exam', purpose: 'sheet' }, input.fileID, () => invalid('找不到上传的文件，请重新选择文件'));
  const sheet = await readSheet(bytes, input.fileName);
  const nonBlank = sheet.filter((r) => r.cells.some((c) => cleanCell(c) !== ''));
  const blankRows = sheet.length - nonBlank.length;
  const header = findQuestionHeader(nonBlank.map((r) => r.cells));
  if (!header) throw invalid('找不到表头：第一行应包含“题干”和“答案”两列（可下载模板对照）');
  const dataRows = nonBlank.slice(header.index + 1);
  if (dataRows.length > MAX_ROWS) throw invalid(`一次最多导入 ${MAX_ROWS} 道题，请分成几个文件`);

  const rows: QuestionImportRow[] = [];
  const ready: Array<{ report: QuestionImportRow; content: QuestionContent; id: string }> = [];
  const seen = new Map<string, number>();
  for (const r of dataRows) {
    const parsed = parseQuestionRow(r.cells, header.columns);
    const stemCell = cleanCell(r.cells[header.columns.get('stem') ?? -1] ?? '');
    if (!parsed.ok) {
      rows.push({ row: r.row, stem: stemCell.slice(0, 60), type: null, status: 'invalid', reason: parsed.reason });
      continue;
    }
    const q = parsed.question;
    const key = questionKey(q.stem, q.options);
    const report: QuestionImportRow = { row: r.row, stem: q.stem.slice(0, 60), type: q.type, status: 'ready', reason: null };
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

  const count = (s: QuestionImportRow['status']) => rows.filter((r) => r.status === s).length;
  const result = {
    committed: input.commit,
    fileName: input.fileName,
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
