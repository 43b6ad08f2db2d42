// A member's answers as sent by the exam page (saved as they go, or riding along with the submit),
// checked against their own paper before anything is written.

import type { AnswerValue } from '../../core/domain/exam';
import { invalid } from '../lib/errors';
import type { AttemptDoc } from './model';

export type AnswerInput = { qid: string; choice?: number[]; text?: string[] };

/** Answers keyed by question, each on the member's paper and shaped like its question. */
export function checkAnswers(attempt: AttemptDoc, answers: AnswerInput[]): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const onPaper = new Map(attempt.paper.map((p, i) => [p.qid, { item: p, index: i + 1 }]));
  for (const a of answers) {
    const found = onPaper.get(a.qid);
    if (!found) throw invalid('题目不在您的试卷上');
    const k = attempt.key[a.qid];
    const label = `第 ${found.index} 题`;
    if (k.type === 'fill') {
      if (a.choice !== undefined) throw invalid(`${label}是填空题，请填写文字`);
      const text = (a.text ?? []).map((t) => t.trim());
      if (text.length > k.blanks.length) throw invalid(`${label}只有 ${k.blanks.length} 个空`);
      out[a.qid] = { text };
    } else {
      if (a.text !== undefined) throw invalid(`${label}是选择题，请选择选项`);
      const choice = [...new Set(a.choice ?? [])].sort((x, y) => x - y);
      if (choice.some((c) => c >= found.item.order.length)) throw invalid(`${label}没有这个选项`);
      if ((k.type === 'single' || k.type === 'judge') && choice.length > 1) throw invalid(`${label}只能选一个答案`);
      out[a.qid] = { choice };
    }
  }
  return out;
}
