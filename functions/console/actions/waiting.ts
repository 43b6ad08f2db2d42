// "待您处理" at the top of 工作台: each queue the organiser can act on, counted through its owner's
// port and restricted as the queue's own page restricts it, so a count never promises an item the
// page will not show. Feed submissions and comments, bind requests, today's 答题异常, open 纠错.

import type { WaitingItem } from '../../../core/contracts/console';
import { openReportCount } from '../../exam/ports';
import { feedWaiting } from '../../feed/ports';
import type { Database } from '../../lib/db';
import type { UnitDoc } from '../../lib/model';
import { pendingBindRequestCount, scopeIds, type Caller } from '../../org/ports';
import { quizFlagCount } from '../../quiz/ports';

export async function waitingFor(db: Database, me: Caller, managed: readonly UnitDoc[], today: string): Promise<WaitingItem[]> {
  const ids = managed.map((u) => u._id);
  const [feed, binds, flags, reports] = await Promise.all([
    feedWaiting(db, me, new Set(ids)),
    pendingBindRequestCount(db, ids),
    quizFlagCount(db, me.orgId, scopeIds(me), today),
    openReportCount(db, me),
  ]);
  return [
    { kind: 'submissions', label: '投稿待审核', count: feed.submissions, more: feed.submissionsMore },
    { kind: 'bindRequests', label: '绑定申请待确认', count: binds, more: false },
    { kind: 'comments', label: '被举报或待审的评论', count: feed.comments, more: feed.commentsMore },
    { kind: 'quizFlags', label: '今日答题异常', count: flags, more: false },
    { kind: 'questionReports', label: '题目纠错待处理', count: reports, more: false },
  ];
}
