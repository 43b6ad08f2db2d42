// The event editor's form model: a new event's defaults (and whom it addresses by the organiser's
// role), a saved event as the form, each change, the checks said before saving (in the order the
// editor says them), the saveEvent payload, which the contract's schema accepts, the question
// before publishing, and why an event can no longer be edited.
import { eventSchemas } from '../../core/contracts/event';
import {
  blankEventForm,
  eventDraftOf,
  eventEditRefusal,
  eventFormOf,
  eventFormProblem,
  eventPublishQuestion,
  seatsSummary,
  updateEventForm,
  type EventForm,
  type SavedEvent,
} from '../../src/subpackages/event-admin/editorModel';
import { defaultEventTimes } from '../../src/subpackages/event-admin/components/format';
import { eventWhen } from '../../src/utils/event-format';

/** UTC instant of a Beijing wall time. */
const beijing = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const HOUR = 3_600_000;
const NOW = beijing(2025, 5, 1, 10, 17); // Thursday 1 May 2025, 10:17 Beijing
const ORG_ADMIN = { role: 'org_admin' as const };
const ORGANISER = { role: 'unit_organiser' as const };
const BRANCHES = [
  { id: 'br-school', name: '实验中学党支部' },
  { id: 'br-office', name: '机关党支部' },
];

/** A blank form that passes every check. */
const valid = (patch: Partial<EventForm> = {}): EventForm => ({ ...blankEventForm(NOW, ORGANISER, BRANCHES), title: '专题党课', place: '学校报告厅', unitIds: ['br-school'], ...patch });

const savedEvent = (patch: Partial<SavedEvent> = {}): SavedEvent => ({
  kind: 'party_day',
  title: '主题党日',
  description: '请带好笔记本',
  cover: 'cloud://env/covers/a.jpg',
  coverUrl: 'https://tmp.example/a.jpg',
  place: '三楼会议室',
  signupOpensAt: beijing(2025, 5, 1, 9),
  signupClosesAt: beijing(2025, 5, 5, 18),
  startsAt: beijing(2025, 5, 6, 14),
  endsAt: beijing(2025, 5, 6, 16),
  capacity: 30,
  waitlist: false,
  approval: true,
  unitIds: ['br-office'],
  cancelHours: 12,
  ...patch,
});

describe('a new event', () => {
  it('is a 宣讲 at the default times, no seat limit, a waitlist, no review, cancellable until 2 hours before', () => {
    expect(blankEventForm(NOW, ORGANISER, BRANCHES)).toEqual({
      kind: 'lecture_tour',
      title: '',
      description: '',
      cover: null,
      coverPreview: null,
      place: '',
      ...defaultEventTimes(NOW),
      capacity: 0,
      waitlist: true,
      approval: false,
      allUnits: false,
      unitIds: [],
      cancelHours: 2,
    });
  });

  it('addresses the whole organisation for an org admin, even with one branch', () => {
    expect(blankEventForm(NOW, ORG_ADMIN, BRANCHES)).toMatchObject({ allUnits: true, unitIds: [] });
    expect(blankEventForm(NOW, ORG_ADMIN, [BRANCHES[0]])).toMatchObject({ allUnits: true, unitIds: [] });
  });

  it('addresses a branch organiser’s only branch; with several, none until one is chosen', () => {
    expect(blankEventForm(NOW, ORGANISER, [BRANCHES[1]])).toMatchObject({ allUnits: false, unitIds: ['br-office'] });
    expect(blankEventForm(NOW, ORGANISER, BRANCHES)).toMatchObject({ allUnits: false, unitIds: [] });
  });
});

describe('a saved event as the form', () => {
  it('keeps every field and shows the saved cover by its URL', () => {
    expect(eventFormOf(savedEvent())).toEqual({
      kind: 'party_day',
      title: '主题党日',
      description: '请带好笔记本',
      cover: 'cloud://env/covers/a.jpg',
      coverPreview: 'https://tmp.example/a.jpg',
      place: '三楼会议室',
      signupOpensAt: beijing(2025, 5, 1, 9),
      signupClosesAt: beijing(2025, 5, 5, 18),
      startsAt: beijing(2025, 5, 6, 14),
      endsAt: beijing(2025, 5, 6, 16),
      capacity: 30,
      waitlist: false,
      approval: true,
      allUnits: false,
      unitIds: ['br-office'],
      cancelHours: 12,
    });
  });

  it('reads no units as the whole organisation, and no cover as none', () => {
    expect(eventFormOf(savedEvent({ unitIds: [], cover: null, coverUrl: null }))).toMatchObject({ allUnits: true, unitIds: [], cover: null, coverPreview: null });
  });
});

describe('changes', () => {
  it('set changes the named fields only', () => {
    const form = valid();
    expect(updateEventForm(form, { type: 'set', patch: { capacity: 40, approval: true } })).toEqual({ ...form, capacity: 40, approval: true });
  });

  it('moving the start moves the end with it; the end alone moves by itself', () => {
    const form = valid();
    const moved = updateEventForm(form, { type: 'startsAt', startsAt: form.startsAt + 24 * HOUR });
    expect(moved.endsAt - moved.startsAt).toBe(form.endsAt - form.startsAt);
    expect(moved.startsAt).toBe(form.startsAt + 24 * HOUR);
    expect(moved.signupClosesAt).toBe(form.signupClosesAt);
    expect(updateEventForm(form, { type: 'set', patch: { endsAt: form.endsAt + HOUR } }).startsAt).toBe(form.startsAt);
  });

  it('an uploaded cover is kept with its preview; 不用封面 clears both', () => {
    const withCover = updateEventForm(valid(), { type: 'cover', cover: 'cloud://env/c.png', preview: 'blob:local' });
    expect(withCover).toMatchObject({ cover: 'cloud://env/c.png', coverPreview: 'blob:local' });
    expect(updateEventForm(withCover, { type: 'cover', cover: null, preview: null })).toMatchObject({ cover: null, coverPreview: null });
  });

  it('branch chips add and remove branches; 全单位 clears them and is cleared by choosing one', () => {
    let form = valid({ unitIds: [] });
    form = updateEventForm(form, { type: 'toggleUnit', chip: 'br-office' });
    form = updateEventForm(form, { type: 'toggleUnit', chip: 'br-school' });
    expect(form).toMatchObject({ allUnits: false, unitIds: ['br-office', 'br-school'] });
    form = updateEventForm(form, { type: 'toggleUnit', chip: 'br-office' });
    expect(form.unitIds).toEqual(['br-school']);
    form = updateEventForm(form, { type: 'toggleUnit', chip: 'all' });
    expect(form).toMatchObject({ allUnits: true, unitIds: [] });
    form = updateEventForm(form, { type: 'toggleUnit', chip: 'br-school' });
    expect(form).toMatchObject({ allUnits: false, unitIds: ['br-school'] });
  });
});

describe('checks before saving', () => {
  it('a complete form (and the default times) has no problem', () => {
    expect(eventFormProblem(valid())).toBeNull();
    expect(eventFormProblem(valid({ allUnits: true, unitIds: [] }))).toBeNull();
  });

  it('wants a title of at least 2 characters, not counting the spaces around it', () => {
    expect(eventFormProblem(valid({ title: '' }))).toBe('请填写活动名称（至少2个字）');
    expect(eventFormProblem(valid({ title: '  课 ' }))).toBe('请填写活动名称（至少2个字）');
    expect(eventFormProblem(valid({ title: ' 党课 ' }))).toBeNull();
  });

  it('asks for a place (spaces are not one)', () => {
    expect(eventFormProblem(valid({ place: '  ' }))).toBe('请填写活动地点');
  });

  it('asks whom it is for', () => {
    expect(eventFormProblem(valid({ unitIds: [] }))).toBe('请选择面向的支部');
  });

  it('checks the times as the server does', () => {
    const form = valid();
    expect(eventFormProblem({ ...form, endsAt: form.startsAt })).toBe('结束时间应晚于开始时间');
    expect(eventFormProblem({ ...form, endsAt: form.startsAt + 7 * 24 * HOUR + 60_000 })).toBe('一次活动最长7天');
    expect(eventFormProblem({ ...form, signupClosesAt: form.signupOpensAt })).toBe('报名截止时间应晚于报名开始时间');
    expect(eventFormProblem({ ...form, signupClosesAt: form.startsAt + 60_000 })).toBe('报名截止时间不能晚于活动开始时间');
    expect(eventFormProblem({ ...form, signupClosesAt: form.startsAt })).toBeNull();
  });

  it('says the first problem, in the order of the form', () => {
    expect(eventFormProblem(blankEventForm(NOW, ORGANISER, BRANCHES))).toBe('请填写活动名称（至少2个字）');
    expect(eventFormProblem(valid({ place: '', unitIds: [], endsAt: 0 }))).toBe('请填写活动地点');
    expect(eventFormProblem(valid({ unitIds: [], endsAt: 0 }))).toBe('请选择面向的支部');
  });
});

describe('the saveEvent payload', () => {
  it('trims the words, sends the times, seats and branches, and fits the contract', () => {
    const form = valid({ title: ' 专题党课  ', description: '\n 请带好笔记本 ', place: ' 学校报告厅 ', capacity: 3, cover: 'cloud://env/c.png', coverPreview: 'blob:x' });
    const event = eventDraftOf(form);
    expect(event).toEqual({
      kind: 'lecture_tour',
      title: '专题党课',
      description: '请带好笔记本',
      cover: 'cloud://env/c.png',
      place: '学校报告厅',
      ...defaultEventTimes(NOW),
      capacity: 3,
      waitlist: true,
      approval: false,
      unitIds: ['br-school'],
      cancelHours: 2,
    });
    expect(eventSchemas.saveEvent.safeParse({ eventId: null, event }).success).toBe(true);
  });

  it('sends no cover as null and the whole organisation as no units', () => {
    const event = eventDraftOf({ ...valid(), allUnits: true, unitIds: ['br-school'] });
    expect(event).toMatchObject({ cover: null, unitIds: [] });
    expect(eventSchemas.saveEvent.safeParse({ eventId: 'ev-1', event }).success).toBe(true);
  });

  it('a saved event round-trips to the same payload', () => {
    const saved = savedEvent();
    const { coverUrl: _url, ...draft } = saved;
    expect(eventDraftOf(eventFormOf(saved))).toEqual(draft);
  });
});

describe('the question before publishing', () => {
  it('says the seats: 人数不限, 限N人, and whether a full event takes a waitlist', () => {
    expect(seatsSummary({ capacity: 0, waitlist: true })).toBe('人数不限');
    expect(seatsSummary({ capacity: 3, waitlist: true })).toBe('限3人，满后可候补');
    expect(seatsSummary({ capacity: 3, waitlist: false })).toBe('限3人');
  });

  it('names the branches in the list’s order, or 全单位, with the time and the seats', () => {
    const form = valid({ unitIds: ['br-office', 'br-school'], capacity: 3 });
    const when = eventWhen(form.startsAt, form.endsAt, NOW);
    expect(eventPublishQuestion(form, BRANCHES, NOW)).toBe(`面向实验中学党支部、机关党支部，${when}，限3人，满后可候补。发布后党员就可以看到并报名，确定发布吗？`);
    expect(eventPublishQuestion({ ...form, allUnits: true, unitIds: [] }, BRANCHES, NOW)).toBe(`面向全单位，${when}，限3人，满后可候补。发布后党员就可以看到并报名，确定发布吗？`);
  });
});

describe('which saved events may be edited', () => {
  it('a draft or a published event not yet ended, by someone who may edit it', () => {
    expect(eventEditRefusal({ canEdit: true, status: 'draft', phase: 'upcoming' })).toBeNull();
    expect(eventEditRefusal({ canEdit: true, status: 'published', phase: 'ongoing' })).toBeNull();
  });

  it('says why not: cancelled, then ended, then not the organiser’s to edit', () => {
    expect(eventEditRefusal({ canEdit: false, status: 'cancelled', phase: 'ended' })).toBe('活动已取消，不能再修改');
    expect(eventEditRefusal({ canEdit: false, status: 'published', phase: 'ended' })).toBe('活动已结束，不能再修改');
    expect(eventEditRefusal({ canEdit: false, status: 'published', phase: 'signup_open' })).toBe('只有发起人或单位管理员可以修改这个活动');
  });
});
