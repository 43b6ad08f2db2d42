// Ids of the exam context's documents, derived from what they belong to, so a retried or racing
// write finds the document already there.

import type { Ids } from '../lib/deps';

export const takerId = (examId: string, memberId: string) => `${examId}_${memberId}`;
export const attemptId = (examId: string, memberId: string, n: number) => `${examId}_${memberId}_${n}`;
export const statsId = (examId: string, unitId: string) => `${examId}_${unitId}`;
/** A question pinned by an exam (`source`: the exam whose publish pinned it). */
export const pinnedId = (source: string, qid: string) => `${source}_${qid}`;
/** A member's error report on a question: one per member and question. */
export const reportId = (ids: Ids, qid: string, memberId: string) => ids.derive('qr', `${qid}|${memberId}`);
