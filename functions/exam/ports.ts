// What the exam context tells other contexts, read through its own collections (rule 3).

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import type { ExamDoc } from './model';

/** Titles of published exams still open or upcoming whose audience names one of `unitIds`. */
export async function openExamsFor(db: Database, orgId: string, unitIds: string[], now: number): Promise<string[]> {
  const _ = db.command;
  const docs = await list<ExamDoc>(
    db.collection(COLLECTIONS.exams).where({ orgId, status: 'published', audience: _.in(unitIds), closesAt: _.gt(now) }).limit(20),
  );
  return docs.map((e) => e.title);
}
