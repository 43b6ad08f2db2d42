// Matching an import's rows with the bank (issue 15): which stored question each row names (by the
// file's ID, else by type + folded stem), what the row would change in it, and the digest of that
// plan that the commit must find again.
//
// The bank is read in two steps. First, for every row, only what says whether its question changes:
// id, identity, version, content digest (digest.ts) and the content the file does not replace. A
// row whose merged content hashes to the stored digest is unchanged, with nothing more read. Then,
// whole, only the questions a row changes, several questions share one identity, or the digest
// cannot vouch for (stored before digests, or written since without a restamp: the import, the
// editor and a regrade's bank fix all restamp); those rows are judged from the whole question.

import { createHash } from 'node:crypto';
import type { QuestionSheetRow } from '../../core/contracts/examImport';
import { describeChanges, mergedContent, type FileColumns } from '../../core/domain/exam/questionIdentity';
import { questionKey, type QuestionContent } from '../../core/domain/exam/questions';
import { COLLECTIONS } from '../lib/collections';
import { list, updateWhere, type Database } from '../lib/db';
import { contentOf, type StaleIdent } from './bank';
import { contentStamp } from './digest';
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
  /** Set by planImport: an unchanged question read whole because its digest was missing or stale. */
  restamp?: QuestionDoc;
}

/** Always from the file (mergedContent), so never read for the first step. */
const FROM_FILE = ['type', 'stem', 'options', 'answer', 'blanks'];

/**
 * The fields of the first step: the question's id, identity and digest, and the content the file
 * keeps from the bank (every content field of a parsed row but those the file gives).
 */
function stubFields(ready: ReadyRow[], cols: FileColumns): Record<string, true> {
  const given = new Set([...FROM_FILE, ...Object.entries(cols).flatMap(([k, has]) => (has ? [k] : []))]);
  const kept = Object.keys(ready[0]?.content ?? {}).filter((k) => !given.has(k));
  return Object.fromEntries(['_id', 'ident', 'ref', 'version', 'contentDigest', ...kept].map((k) => [k, true]));
}

async function storedBy(db: Database, orgId: string, field: 'ident' | 'ref', values: string[], fields: Record<string, true>): Promise<Map<string, QuestionDoc[]>> {
  const _ = db.command;
  const found = new Map<string, QuestionDoc[]>();
  const wanted = [...new Set(values)];
  // 500 values a read, the reads at once: an older bank may hold a few questions per identity (the
  // limit is 1000). Each value is in one read, so its questions keep their order.
  const chunks: string[][] = [];
  for (let i = 0; i < wanted.length; i += 500) chunks.push(wanted.slice(i, i + 500));
  // Typed whole, read in part: only `fields` are there.
  const pages = await Promise.all(chunks.map((chunk) => list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ orgId, [field]: _.in(chunk) }).field(fields).limit(1000))));
  for (const docs of pages) {
    for (const d of docs) {
      const v = d[field];
      if (v) found.set(v, [...(found.get(v) ?? []), d]);
    }
  }
  return found;
}

async function wholeQuestions(db: Database, orgId: string, ids: string[]): Promise<Map<string, QuestionDoc>> {
  const _ = db.command;
  const found = new Map<string, QuestionDoc>();
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  const pages = await Promise.all(chunks.map((chunk) => list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ orgId, _id: _.in(chunk) }).limit(500))));
  for (const docs of pages) for (const d of docs) found.set(d._id, d);
  return found;
}

/** The stored questions a row may name: the one with its file ID, else those of its identity. */
function namedBy(x: ReadyRow, byRef: Map<string, QuestionDoc[]>, byIdent: Map<string, QuestionDoc[]>): { byRef: QuestionDoc | undefined; same: QuestionDoc[] } {
  const ref = x.ref ? byRef.get(x.ref)?.[0] : undefined;
  // A stored question with another file ID is another question, even with this stem.
  return { byRef: ref, same: ref ? [] : (byIdent.get(x.ident) ?? []).filter((q) => !x.ref || !q.ref) };
}

function unchanged(x: ReadyRow, q: QuestionDoc) {
  x.report.questionId = q._id;
  x.report.version = q.version;
  x.report.status = 'duplicate';
  x.report.reason = '无变化';
}

/**
 * Marks each row new, unchanged or an update of the question it names; rows that name more than
 * one stored question are refused. Returns the rows that are new.
 */
export async function planImport(db: Database, orgId: string, ready: ReadyRow[], cols: FileColumns, stale: StaleIdent[] = []): Promise<ReadyRow[]> {
  const fields = stubFields(ready, cols);
  const [stubRef, stubIdent] = await Promise.all([
    storedBy(db, orgId, 'ref', ready.flatMap((x) => (x.ref ? [x.ref] : [])), fields),
    storedBy(db, orgId, 'ident', ready.map((x) => x.ident), fields),
  ]);
  // Questions whose stored identity is missing or of an earlier rule (never found above: theirs
  // lacks the current prefix) are named by the identity they should have. Without a digest in
  // the stub they are read whole below.
  const wantedIdents = new Set(ready.map((x) => x.ident));
  for (const q of stale) {
    if (wantedIdents.has(q.ident)) stubIdent.set(q.ident, [...(stubIdent.get(q.ident) ?? []), { _id: q._id, ident: q.ident } as QuestionDoc]);
  }
  const fresh: ReadyRow[] = [];
  const pending: ReadyRow[] = [];
  const wanted = new Set<string>();
  for (const x of ready) {
    const named = namedBy(x, stubRef, stubIdent);
    const found = named.byRef ? [named.byRef] : named.same;
    if (found.length === 0) {
      fresh.push(x);
      continue;
    }
    const q = found[0];
    if (found.length === 1 && q.contentDigest && q.contentDigest === contentStamp(q.version, contentOf({ ...q, ...mergedContent(contentOf(q), x.content, cols) }))) {
      unchanged(x, q);
      continue;
    }
    found.forEach((d) => wanted.add(d._id));
    pending.push(x);
  }
  if (pending.length === 0) return fresh;

  const whole = await wholeQuestions(db, orgId, [...wanted]);
  const wholeOf = (m: Map<string, QuestionDoc[]>) => new Map([...m].map(([k, qs]) => [k, qs.flatMap((q) => whole.get(q._id) ?? [])]));
  const byRef = wholeOf(stubRef);
  const byIdent = wholeOf(stubIdent);
  for (const x of pending) {
    const named = namedBy(x, byRef, byIdent);
    let match = named.byRef;
    if (!match) {
      const exact = named.same.filter((q) => q.key === questionKey(x.content.stem, x.content.options));
      const candidates = named.same.length > 1 && exact.length === 1 ? exact : named.same;
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
    if (changes.length === 0) {
      unchanged(x, match);
      if (match.contentDigest !== contentStamp(match.version, contentOf(match))) x.restamp = match;
      continue;
    }
    x.report.questionId = match._id;
    x.report.version = match.version;
    x.match = match;
    x.merged = merged;
    x.report.status = 'update';
    x.report.change = changes.join('，');
    x.report.changes = changes;
  }
  return fresh;
}

/** The digest an import's update of `q` to `merged` stores with it (the version after the update). */
export function stampAfterUpdate(q: QuestionDoc, merged: QuestionContent): string {
  return contentStamp(q.version + 1, contentOf({ ...q, ...merged }));
}

/**
 * The commit gives their digest to the unchanged questions it had to read whole, so the next
 * re-import of the bank settles them from the digest: one write each, ten at a time, conditional
 * on the version read (a question edited meanwhile keeps its own); with it, the current identity
 * of those `identOf` names (stale: bank.ts, staleIdents). Returns the ids written.
 */
export async function restampUnchanged(db: Database, ready: ReadyRow[], identOf: Map<string, string> = new Map()): Promise<string[]> {
  const stale = ready.flatMap((x) => (x.restamp && x.report.status === 'duplicate' ? [x.restamp] : []));
  for (let i = 0; i < stale.length; i += 10) {
    await Promise.all(
      stale.slice(i, i + 10).map((q) => {
        // A question whose identity is stale gets the current one in the same write.
        const ident = identOf.get(q._id);
        return updateWhere(db.collection(COLLECTIONS.questions).where({ _id: q._id, version: q.version }), { contentDigest: contentStamp(q.version, contentOf(q)), ...(ident ? { ident } : {}) });
      }),
    );
  }
  return stale.map((q) => q._id);
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
