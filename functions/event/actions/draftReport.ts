// draftReport: a draft activity report from an ended event, in plain paragraphs (the day, the
// organising unit, the title and the place; signed up, attended and the rate, by unit when more
// than one; what it was about; a closing paragraph to write), written by the feed through its
// public module for organisers to edit and publish. The organiser gets the paragraphs back as text.
// Reads: identity, the event, the organiser's units, the draft post; one write.

import type { EventResponses } from '../../../core/contracts/event';
import { EVENT_KIND_LABELS } from '../../../core/domain/event';
import { audienceReaches } from '../../../core/domain/org/units';
import { eventReportParagraphs, type ReportRow, reportTitle } from '../../../core/domain/report';
import { AppError, precondition } from '../../lib/errors';
import { requireImage } from '../../lib/images';
import type { UnitDoc } from '../../lib/model';
import type { ActionContext } from '../../lib/router';
import { saveReportDraft } from '../../feed/ports';
import type { PostTag } from '../../../core/domain/feed';
import type { EventDoc } from '../model';
import { ALL_UNITS, loadForOrganiser } from '../access';

const KIND_TAG: Record<EventDoc['kind'], PostTag> = { lecture_tour: '宣讲', party_lecture: '党课', party_day: '主题党日', volunteer: '志愿服务' };

/** The unit that organised it: the one the audience names, or the lowest unit above all it names. */
function organisingUnit(e: EventDoc, units: UnitDoc[]): UnitDoc | null {
  const byId = new Map(units.map((u) => [u._id, u]));
  if (e.audience.includes(ALL_UNITS)) return units.find((u) => u.parentId === null) ?? null;
  const paths = e.audience.map((id) => byId.get(id)?.path ?? null);
  if (paths.length === 0 || paths.some((p) => p === null)) return null;
  const [first, ...rest] = paths as string[][];
  let common: string | null = null;
  for (let i = 0; i < first.length && rest.every((p) => p[i] === first[i]); i++) common = first[i];
  return common ? (byId.get(common) ?? null) : null;
}

/** Attendance of each unit the event reached that anyone signed up from: upper levels first, then by place among siblings. */
function unitRows(e: EventDoc, units: UnitDoc[]): ReportRow[] {
  return units
    .filter((u) => u.parentId !== null && audienceReaches(e.audience, u.path, ALL_UNITS) && (e.byUnit[u._id]?.c ?? 0) > 0)
    .sort((a, b) => a.path.length - b.path.length || a.order - b.order || a.name.localeCompare(b.name, 'zh-CN'))
    .map((u) => ({ name: u.name, part: e.byUnit[u._id]?.a ?? 0, whole: e.byUnit[u._id]?.c ?? 0 }));
}

/** A draft activity report from an ended event, in plain paragraphs, with the photos chosen. */
export async function draftReport(input: { eventId: string; photos: string[] }, ctx: ActionContext): Promise<EventResponses['draftReport']> {
  const { db, clock, ids } = ctx.deps;
  const scope = await loadForOrganiser(ctx, input.eventId, 'edit');
  const e = scope.event;
  if (e.status !== 'published' || clock.now() <= e.endsAt) throw precondition('活动结束后才能生成活动报道');
  for (const p of input.photos) await requireImage(ctx.deps.storage, { openid: ctx.openid, context: 'event', purpose: 'photo' }, p, '照片');
  const title = reportTitle(EVENT_KIND_LABELS[e.kind], e.title);
  const unitId = e.audience.length === 1 && e.audience[0] !== ALL_UNITS ? e.audience[0] : null;
  // The draft is written by the feed (its public module); this context only says what it says.
  let draft: { postId: string; text: string };
  try {
    draft = await saveReportDraft(
      db,
      {
        postId: ids.derive('post', `event|${e._id}`),
        orgId: e.orgId,
        unitId,
        unitName: unitId ? (scope.units.find((u) => u._id === unitId)?.name ?? null) : null,
        title,
        paragraphs: eventReportParagraphs({
          startsAt: e.startsAt,
          organiser: organisingUnit(e, scope.units)?.name ?? e.createdByName,
          kindLabel: EVENT_KIND_LABELS[e.kind],
          title: e.title,
          place: e.place,
          confirmed: e.confirmed,
          attended: e.attended,
          rows: unitRows(e, scope.units),
          description: e.description,
        }),
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
  return { postId: draft.postId, title, text: draft.text, photos: input.photos, attended: e.attended };
}
