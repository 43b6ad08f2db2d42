// examRoster: one unit's members in one exam, with their status and the text for the group chat.
// While the exam is open, not having taken it is 未参加 and the text is a nudge to the bound
// members (those never bound need an invitation first); after the close it is 缺考 and the text
// lists who missed it.

import type { ExamResponses, RosterRow } from '../../../core/contracts/exam';
import { bareTitle, nudgeText } from '../../../core/domain/nudge';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { branchOf, examForOrganiser } from '../access';
import { branchRoster } from '../roster';

export async function examRoster(
  input: { examId: string; unitId: string; filter: 'all' | 'absent' | 'passed' | 'failed' | 'flagged' | 'in_progress' },
  ctx: ActionContext,
): Promise<ExamResponses['examRoster']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const unit = await branchOf(ctx, me, exam, input.unitId);
  const roster = await branchRoster(db, exam, unit._id, true);
  const all: RosterRow[] = roster.rows.map(({ openid: _o, ...row }) => row);
  const rows = all.filter((r) => input.filter === 'all' || (input.filter === 'flagged' ? r.flagged : r.status === input.filter));
  const now = clock.now();
  const closed = now >= exam.closesAt;
  const absent = all.filter((r) => r.status === 'absent');
  const waiting = absent.filter((r) => r.bound).map((r) => r.name);
  const missed = absent.filter((r) => r.bound).map((r) => r.name);
  const neverBound = absent.filter((r) => !r.bound).map((r) => r.name);
  // After the close: who missed it, and apart from them who never bound WeChat (they could not have taken it).
  const closedText = [
    missed.length ? `缺考（${missed.length}人）：${missed.join('、')}` : '',
    neverBound.length ? `未绑定微信（${neverBound.length}人）：${neverBound.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  const absentText = closed
    ? closedText
      ? `「${bareTitle(exam.title)}」${closedText}`
      : ''
    : waiting.length
      ? nudgeText({ activity: 'exam', title: exam.title, deadline: exam.closesAt, names: waiting, now })
      : '';
  return {
    examId: exam._id,
    unitId: unit._id,
    unitName: unit.name,
    rows,
    absentText,
    absentLabel: closed ? '缺考' : '未参加',
    leaders: {
      total: all.filter((r) => r.leader).length,
      taken: all.filter((r) => r.leader && (r.status === 'passed' || r.status === 'failed')).length,
      passed: all.filter((r) => r.leader && r.status === 'passed').length,
    },
  };
}
