// draftContestReport: once a contest has ended, its organiser drafts a post from it — the window and
// rules, participation of the audience and of each unit below it, and the first places of those
// who chose to appear by name, and a closing paragraph to write — written by the feed through its
// public module as plain paragraphs (core/domain/report.ts), to edit and publish from 宣传文章管理;
// the organiser gets them back as text. Drafting again refreshes the draft until it is published.
// Reads: identity, the contest, the subtree's units, the roll-ups, the top 10 with opt-ins and units.

import type { QuizResponses } from '../../../core/contracts/quiz';
import { HIDDEN_NAME } from '../../../core/domain/quiz/contest';
import { reportParagraphs, reportTitle } from '../../../core/domain/report';
import { formatBeijing } from '../../../core/domain/time';
import { AppError, precondition } from '../../lib/errors';
import type { ActionContext } from '../../lib/router';
import { saveReportDraft } from '../../feed/ports';
import { requireOrganiser } from '../../org/ports';
import { contestForOrganiser } from '../contestAccess';
import { topPeople, unitFigures } from '../contestBoards';
import { ALL_DAYS } from '../contestModel';

/** Places named in the draft. */
const WINNERS = 10;

export async function draftContestReport(input: { contestId: string }, ctx: ActionContext): Promise<QuizResponses['draftContestReport']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const c = await contestForOrganiser(db, me, input.contestId);
  const now = clock.now();
  if (c.status !== 'published' || now < c.closesAt) throw precondition('竞赛结束后才能生成宣传稿');
  const f = await unitFigures(db, c, c.audienceUnitId, ALL_DAYS, null);
  const { people } = await topPeople(db, 'contestScores', { contestId: c._id }, '', c.orgId, WINNERS);
  // Only those who opted in are named; the others' places are not mentioned at all.
  const named = people.filter((p) => p.name !== HIDDEN_NAME);
  const rules = c.secondsPerQuestion === null ? `每局${c.questionsPerRound}道题、不限时` : `每局${c.questionsPerRound}道题、每题限时${c.secondsPerQuestion}秒`;
  const title = reportTitle('知识竞赛', c.title);
  const paragraphs = reportParagraphs([
    `${formatBeijing(c.opensAt).slice(0, 10)}至${formatBeijing(c.closesAt - 1).slice(0, 10)}，${c.audienceName}组织开展了“${c.title}”知识竞赛，${rules}，每天前${c.countingRounds}局计分。`,
    `${f.unit.members}名党员中有${f.unit.participants}人参加，参与率${f.unit.rate}%，共完成计分答题${f.unit.rounds}局，平均每局${f.unit.average}分。`,
    f.rows.length > 0 ? `各单位参与情况：${f.rows.map((r) => `${r.name}${r.rate}%（${r.participants}/${r.members}人）`).join('；')}。` : '',
    named.length > 0 ? `总成绩排名前列的同志：${named.map((p) => `第${p.rank}名${p.name}（${p.unitName ? `${p.unitName}，` : ''}${p.total}分）`).join('；')}。` : '',
    c.description ? `竞赛说明：${c.description}` : '',
  ]);
  let draft: { postId: string; text: string };
  try {
    draft = await saveReportDraft(
      db,
      {
        postId: ids.derive('post', `contest|${c._id}`),
        orgId: c.orgId,
        unitId: c.audienceUnitId,
        unitName: c.audienceName,
        title,
        paragraphs,
        cover: null,
        images: [],
        tags: ['基层动态'],
        author: { id: me._id, name: me.name },
        source: { type: 'contest', id: c._id },
      },
      now,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') throw precondition('这个竞赛的宣传稿已经发布');
    throw err;
  }
  return { postId: draft.postId, title, text: draft.text };
}
