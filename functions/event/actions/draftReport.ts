// draftReport: a draft activity report from an ended event (title, date, place, attendance and
// photos), written by the feed through its public module for organisers to edit and publish.

import type { EventResponses } from '../../../core/contracts/event';
import { EVENT_KIND_LABELS } from '../../../core/domain/event';
import { formatBeijing } from '../../../core/domain/time';
import { AppError, precondition } from '../../lib/errors';
import { requireImage } from '../../lib/images';
import type { ActionContext } from '../../lib/router';
import { saveReportDraft } from '../../feed/ports';
import type { PostTag } from '../../../core/domain/feed';
import type { EventDoc } from '../model';
import { ALL_UNITS, loadForOrganiser } from '../access';

const KIND_TAG: Record<EventDoc['kind'], PostTag> = { lecture_tour: '宣讲', party_lecture: '党课', party_day: '主题党日', volunteer: '志愿服务' };

/** A draft activity report from an ended event: title, date, place, attendance and photos. */
export async function draftReport(input: { eventId: string; photos: string[] }, ctx: ActionContext): Promise<EventResponses['draftReport']> {
  const { db, clock, ids } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
  const e = scope.event;
  if (e.status !== 'published' || clock.now() <= e.endsAt) throw precondition('活动结束后才能生成活动报道');
  for (const p of input.photos) await requireImage(ctx.deps.storage, { openid: ctx.openid, context: 'event', purpose: 'photo' }, p, '照片');
  const day = formatBeijing(e.startsAt).slice(0, 10);
  const title = `${EVENT_KIND_LABELS[e.kind]}｜${e.title}`.slice(0, 40);
  const paragraphs = [
    `${day}，${e.createdByName}组织开展了${EVENT_KIND_LABELS[e.kind]}活动“${e.title}”，地点在${e.place}。`,
    `本次活动共${e.confirmed}人报名，${e.attended}人出席。`,
    e.description ? `活动内容：${e.description}` : '',
  ].filter(Boolean);
  const unitId = e.audience.length === 1 && e.audience[0] !== ALL_UNITS ? e.audience[0] : null;
  // The draft is written by the feed (its public module); this context only says what it says.
  let draft: { postId: string; body: string };
  try {
    draft = await saveReportDraft(
      db,
      {
        postId: ids.derive('post', `event|${e._id}`),
        orgId: e.orgId,
        unitId,
        unitName: unitId ? (scope.units.find((u) => u._id === unitId)?.name ?? null) : null,
        title,
        paragraphs,
        cover: input.photos[0] ?? e.cover,
        images: input.photos,
        tags: [KIND_TAG[e.kind]],
        author: { id: scope.me._id, name: scope.me.name },
        source: { type: 'event', id: e._id },
      },
      clock.now(),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') throw precondition('这个活动的报道已经发布');
    throw err;
  }
  return { postId: draft.postId, title, body: draft.body, photos: input.photos, attended: e.attended };
}
