// Matching an import's rows with the bank (issue 15): which stored question each row names (by the
// file's ID, else by type + folded stem), what the row would change in it, and the digest of that
// plan that the commit must find again.

import { createHash } from 'node:crypto';
import type { QuestionSheetRow } from '../../core/contracts/examImport';
import { describeChanges, mergedContent, type FileColumns } from '../../core/domain/exam/questionIdentity';
import { questionKey, type QuestionContent } from '../../core/domain/exam/questions';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { contentOf } from './bank';
import type { QuestionDoc } from './model';

/** A sound row of the file, first of its identity in the file. */
export interface ReadyRow {
  report: QuestionSheetRow;
  content: QuestionContent;
  ident: string;
  ref: string | null;
  /** Set by planImport: the stored question the row names and what it becomes. */
  match?: QuestionDoc;
  merged?: QuestionContent;
}

async function storedBy(db: Database, orgId: string, field: 'ident' | 'ref', values: string[]): Promise<Map<string, QuestionDoc[]>> {
  const _ = db.command;
  const found = new Map<string, QuestionDoc[]>();
  const wanted = [...new Set(values)];
  // 500 values a read: an older bank may hold a few questions per identity (the limit is 1000).
  for (let i = 0; i < wanted.length; i += 500) {
    const docs = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ orgId, [field]: _.in(wanted.slice(i, i + 500)) }).limit(1000));
    for (const d of docs) {
      const v = d[field];
      if (v) found.set(v, [...(found.get(v) ?? []), d]);
    }
  }
  return found;
}

/**
 * Marks each row new, unchanged or an update of the question it names; rows that name more than
 * one stored question are refused. Returns the rows that are new.
 */
export async function planImport(db: Database, orgId: string, ready: ReadyRow[], cols: FileColumns): Promise<ReadyRow[]> {
  const byRef = await storedBy(db, orgId, 'ref', ready.flatMap((x) => (x.ref ? [x.ref] : [])));
  const byIdent = await storedBy(db, orgId, 'ident', ready.map((x) => x.ident));
  const fresh: ReadyRow[] = [];
  for (const x of ready) {
    let match = x.ref ? byRef.get(x.ref)?.[0] : undefined;
    if (!match) {
      // A stored question with another file ID is another question, even with this stem.
      const same = (byIdent.get(x.ident) ?? []).filter((q) => !x.ref || !q.ref);
      const exact = same.filter((q) => q.key === questionKey(x.content.stem, x.content.options));
      const candidates = same.length > 1 && exact.length === 1 ? exact : same;
      if (candidates.length > 1) {
        x.report.status = 'invalid';
        x.report.reason = `题库中有 ${candidates.length} 道题干相同的题，无法确定要更新哪一道（可在文件中加「题目编号」列）`;
        continue;
      }
      match = candidates[0];
    }
    if (!match) {
      fresh.push(x);
      continue;
    }
    const merged = mergedContent(contentOf(match), x.content, cols);
    const changes = describeChanges(contentOf(match), merged);
    x.report.questionId = match._id;
    x.report.version = match.version;
    if (changes.length === 0) {
      x.report.status = 'duplicate';
      x.report.reason = '无变化';
      continue;
    }
    x.match = match;
    x.merged = merged;
    x.report.status = 'update';
    x.report.change = changes.join('，');
  }
  return fresh;
}

/** What the import would write, as a digest: new identities, and each update with the version it starts from. */
export function planDigest(rows: QuestionSheetRow[], ready: ReadyRow[]): string {
  const lines = ready.flatMap((x) => {
    if (x.report.status === 'ready') return [`new ${x.ident}`];
    if (x.report.status === 'update') return [`update ${x.report.questionId} ${x.report.version} ${x.report.change}`];
    return [];
  });
  lines.push(`rows ${rows.length}`);
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 32);
}
