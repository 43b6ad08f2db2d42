// The event editor's form model: a blank form or one from a saved event, its changes, the checks
// worth saying before the round trip, the saveEvent payload, the publish question and why an event
// can no longer be edited. Pure (no React, no Taro), unit-tested in
// test/unit/event-editor-model.test.ts; the server checks everything again.
import type { EventAdminView, EventDraft, MeMember } from '@core/contracts';
import { eventTimesProblem, type EventKind } from '@core/domain/event';
import { audienceNames, audienceOf, audienceUnitIds, hasAudience, toggleAudience, type Audience } from '@/components/Editor/audience';
import { eventWhen } from '@/utils/event-format';
import { defaultEventTimes, moveStart, type EventTimesForm } from './components/format';

export interface EventForm extends EventTimesForm, Audience {
  kind: EventKind;
  title: string;
  description: string;
  /** fileID of the uploaded cover, or null. */
  cover: string | null;
  /** What to show for the cover: a local preview or the saved cover's URL. */
  coverPreview: string | null;
  place: string;
  /** 0 = no limit. */
  capacity: number;
  waitlist: boolean;
  approval: boolean;
  cancelHours: number;
}

/** What the form reads from a saved event. */
export type SavedEvent = Pick<
  EventAdminView,
  | 'kind'
  | 'title'
  | 'description'
  | 'cover'
  | 'coverUrl'
  | 'place'
  | 'signupOpensAt'
  | 'signupClosesAt'
  | 'startsAt'
  | 'endsAt'
  | 'capacity'
  | 'waitlist'
  | 'approval'
  | 'unitIds'
  | 'cancelHours'
>;

/**
 * A new event: a 宣讲 with the default times (format.ts), no seat limit, a waitlist, no review,
 * cancellable until 2 hours before. An org admin addresses the whole organisation; a branch
 * organiser with one branch, that branch.
 */
export function blankEventForm(now: number, viewer: Pick<MeMember, 'role'>, branches: Array<{ id: string }>): EventForm {
  const isOrgAdmin = viewer.role === 'org_admin';
  return {
    kind: 'lecture_tour',
    title: '',
    description: '',
    cover: null,
    coverPreview: null,
    place: '',
    ...defaultEventTimes(now),
    capacity: 0,
    waitlist: true,
    approval: false,
    allUnits: isOrgAdmin,
    unitIds: !isOrgAdmin && branches.length === 1 ? [branches[0].id] : [],
    cancelHours: 2,
  };
}

export function eventFormOf(view: SavedEvent): EventForm {
  return {
    kind: view.kind,
    title: view.title,
    description: view.description,
    cover: view.cover,
    coverPreview: view.coverUrl,
    place: view.place,
    signupOpensAt: view.signupOpensAt,
    signupClosesAt: view.signupClosesAt,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    capacity: view.capacity,
    waitlist: view.waitlist,
    approval: view.approval,
    ...audienceOf(view.unitIds),
    cancelHours: view.cancelHours,
  };
}

/** Fields set as they are; the audience, the start and the cover have their own changes. */
export type EventPlainFields = Omit<EventForm, 'allUnits' | 'unitIds' | 'startsAt' | 'cover' | 'coverPreview'>;

export type EventFormChange =
  | { type: 'set'; patch: Partial<EventPlainFields> }
  /** A unit chip ('all' for the whole organisation). */
  | { type: 'toggleUnit'; chip: string }
  /** A new start moves the end with it (the length stays). */
  | { type: 'startsAt'; startsAt: number }
  /** An uploaded cover and what to show for it; nulls: no cover. */
  | { type: 'cover'; cover: string | null; preview: string | null };

export function updateEventForm(form: EventForm, change: EventFormChange): EventForm {
  switch (change.type) {
    case 'set':
      return { ...form, ...change.patch };
    case 'toggleUnit':
      return toggleAudience(form, change.chip);
    case 'startsAt':
      return moveStart(form, change.startsAt);
    case 'cover':
      return { ...form, cover: change.cover, coverPreview: change.preview };
  }
}

/** Problems worth saying before the round trip; the server checks everything again. */
export function eventFormProblem(form: EventForm): string | null {
  if (form.title.trim().length < 2) return '请填写活动名称（至少2个字）';
  if (form.place.trim() === '') return '请填写活动地点';
  if (!hasAudience(form)) return '请选择面向的支部';
  return eventTimesProblem(form);
}

/** The saveEvent payload. */
export function eventDraftOf(form: EventForm): EventDraft {
  return {
    kind: form.kind,
    title: form.title.trim(),
    description: form.description.trim(),
    cover: form.cover,
    place: form.place.trim(),
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    signupOpensAt: form.signupOpensAt,
    signupClosesAt: form.signupClosesAt,
    capacity: form.capacity,
    waitlist: form.waitlist,
    approval: form.approval,
    unitIds: audienceUnitIds(form),
    cancelHours: form.cancelHours,
  };
}

/** The seats in words for the publish question: 人数不限, 限N人, 限N人，满后可候补. */
export function seatsSummary(form: Pick<EventForm, 'capacity' | 'waitlist'>): string {
  return form.capacity > 0 ? `限${form.capacity}人${form.waitlist ? '，满后可候补' : ''}` : '人数不限';
}

/** The question before publishing: for whom, when, how many seats. */
export function eventPublishQuestion(form: EventForm, branches: Array<{ id: string; name: string }>, now: number): string {
  const audience = audienceNames(form, branches, '全单位');
  return `面向${audience}，${eventWhen(form.startsAt, form.endsAt, now)}，${seatsSummary(form)}。发布后党员就可以看到并报名，确定发布吗？`;
}

/** Why a saved event opens as a notice instead of the form; null when it may be edited. */
export function eventEditRefusal(v: Pick<EventAdminView, 'canEdit' | 'status' | 'phase'>): string | null {
  if (v.status === 'cancelled') return '活动已取消，不能再修改';
  if (v.phase === 'ended') return '活动已结束，不能再修改';
  if (!v.canEdit) return '只有发起人或单位管理员可以修改这个活动';
  return null;
}
