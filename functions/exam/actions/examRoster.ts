// examRoster: one unit's members in one exam, with their status and the absentees' text.

import type { ExamResponses, RosterRow } from '../../../core/contracts/exam';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { branchOf, examForOrganiser } from '../access';
import { branchRoster } from '../roster';

export async function examRoster(
  input: { examId: string; unitId: string; filter: 'all' | 'absent' | 'passed' | 'failed' | 'flagged' | 'in_progress' },
  ctx: ActionContext,
): Promise<ExamResponses['examRoster']> {
  const { db } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'view');
  const unit = await branchOf(ctx, me, exam, input.unitId);
  const roster = await branchRoster(db, exam, unit._id, true);
  const all: RosterRow[] = roster.rows.map(({ openid: _o, ...row }) => row);
  const rows = all.filter((r) => input.filter === 'all' || (input.filter === 'flagged' ? r.flagged : r.status === input.filter));
  const absent = all.filter((r) => r.status === 'absent').map((r) => r.name);
  return {
    examId: exam._id,
    unitId: unit._id,
    unitName: unit.name,
    rows,
    absentText: absent.length ? `「${exam.title}」尚未参加（${absent.length}人）：${absent.join('、')}` : '',
    leaders: {
      total: all.filter((r) => r.leader).length,
      taken: all.filter((r) => r.leader && (r.status === 'passed' || r.status === 'failed')).length,
      passed: all.filter((r) => r.leader && r.status === 'passed').length,
    },
  };
}
