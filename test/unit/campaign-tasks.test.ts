// Rules of task lists (core/domain/campaign/tasks.ts): overdue from the counters and today, done
// late, how each write of an item moves the counters, deadlines and notes refused by name, and the
// public projection that carries nothing but what may be shown.
import {
  applyDelta,
  counterDelta,
  deadlineProblem,
  EMPTY_COUNTERS,
  isDoneLate,
  isOverdue,
  isZeroDelta,
  MAX_NOTES,
  notesProblem,
  overdueCount,
  publicProjection,
  statusAfterNote,
  sumCounters,
  type TaskCounters,
} from '../../core/domain/campaign/tasks';

const beijing = (d: string, hh: number, mm = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm);

describe('overdue and done late', () => {
  it('counts the open items whose deadline day is before today, not today itself', () => {
    const open = { '2026-03-01': 2, '2026-03-09': 1, '2026-03-10': 4, '2026-04-01': 3 };
    expect(overdueCount(open, '2026-03-10')).toBe(3);
    expect(overdueCount(open, '2026-03-11')).toBe(7);
    expect(overdueCount({}, '2026-03-11')).toBe(0);
  });

  it('an item is overdue when not done and its deadline day has passed', () => {
    expect(isOverdue({ status: 'doing', deadlineDay: '2026-03-09' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ status: 'todo', deadlineDay: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isOverdue({ status: 'done', deadlineDay: '2026-03-01' }, '2026-03-10')).toBe(false);
  });

  it('done on the deadline day (Beijing) is on time, the next Beijing day is late', () => {
    expect(isDoneLate('2026-03-10', beijing('2026-03-10', 23, 59))).toBe(false);
    expect(isDoneLate('2026-03-10', beijing('2026-03-11', 0, 0))).toBe(true);
    // 2026-03-10 20:00 UTC is already 03-11 in Beijing.
    expect(isDoneLate('2026-03-10', Date.UTC(2026, 2, 10, 20))).toBe(true);
  });
});

describe('counter deltas, one per transition', () => {
  const todo = { status: 'todo' as const, deadlineDay: '2026-03-10' };
  it('adding an item counts it in total and open by its deadline', () => {
    expect(counterDelta(null, todo)).toEqual({ total: 1, done: 0, openByDeadline: { '2026-03-10': 1 } });
  });
  it('a progress note (todo → doing) moves nothing', () => {
    const d = counterDelta(todo, { ...todo, status: 'doing' });
    expect(isZeroDelta(d)).toBe(true);
  });
  it('closing moves it from open to done; reopening back', () => {
    expect(counterDelta({ ...todo, status: 'doing' }, { ...todo, status: 'done' })).toEqual({ total: 0, done: 1, openByDeadline: { '2026-03-10': -1 } });
    expect(counterDelta({ ...todo, status: 'done' }, { ...todo, status: 'doing' })).toEqual({ total: 0, done: -1, openByDeadline: { '2026-03-10': 1 } });
  });
  it('a new deadline moves an open item between days; a done item stays where it is', () => {
    expect(counterDelta(todo, { ...todo, deadlineDay: '2026-04-01' })).toEqual({ total: 0, done: 0, openByDeadline: { '2026-03-10': -1, '2026-04-01': 1 } });
    expect(isZeroDelta(counterDelta({ ...todo, status: 'done' }, { status: 'done', deadlineDay: '2026-04-01' }))).toBe(true);
  });
  it('applying deltas drops days left empty and never goes below zero', () => {
    let c: TaskCounters = EMPTY_COUNTERS;
    c = applyDelta(c, counterDelta(null, todo));
    c = applyDelta(c, counterDelta(null, { ...todo, deadlineDay: '2026-03-12' }));
    expect(c).toEqual({ total: 2, done: 0, openByDeadline: { '2026-03-10': 1, '2026-03-12': 1 } });
    c = applyDelta(c, counterDelta(todo, { ...todo, status: 'done' }));
    expect(c).toEqual({ total: 2, done: 1, openByDeadline: { '2026-03-12': 1 } });
    expect(applyDelta(null, { total: -1, done: -1, openByDeadline: { '2026-03-01': -1 } })).toEqual(EMPTY_COUNTERS);
  });
  it('sums the counters of several units', () => {
    const a = { total: 3, done: 1, openByDeadline: { '2026-03-10': 2 } };
    const b = { total: 2, done: 0, openByDeadline: { '2026-03-10': 1, '2026-03-11': 1 } };
    expect(sumCounters([a, b, {}])).toEqual({ total: 5, done: 1, openByDeadline: { '2026-03-10': 3, '2026-03-11': 1 } });
  });
});

describe('deadlines and notes', () => {
  it('refuses a day that does not exist and a day before today, naming 截止日期', () => {
    expect(deadlineProblem('2026-02-30', '2026-01-01')).toMatch(/^截止日期：2026-02-30 不是有效的日期/);
    expect(deadlineProblem('2026-02-28', '2026-03-01')).toBe('截止日期不能早于今天');
    expect(deadlineProblem('2026-03-01', '2026-03-01')).toBeNull();
    expect(deadlineProblem('2028-02-29', '2026-03-01')).toBeNull();
  });
  it(`keeps at most ${MAX_NOTES} notes on an item`, () => {
    expect(notesProblem(MAX_NOTES - 1)).toBeNull();
    expect(notesProblem(MAX_NOTES)).toContain(`最多记录${MAX_NOTES}条`);
  });
  it('a note on an item not started puts it under way', () => {
    expect(statusAfterNote('todo')).toBe('doing');
    expect(statusAfterNote('doing')).toBe('doing');
  });
});

describe('the public projection', () => {
  it('carries titles, status, deadline, day done and the public photos’ links only', () => {
    const items = [
      {
        title: '修缮小区路灯',
        status: 'done' as const,
        deadlineDay: '2026-03-10',
        doneAt: beijing('2026-03-09', 22),
        ownerName: '王秀英',
        ownerMemberId: 'demo-member-21',
        notes: [
          { text: '联系了物业 13800000000', byName: '王秀英', photos: [{ fileID: 'f-public', public: true }, { fileID: 'f-private', public: false }] },
          { text: '完工', byName: '王秀英', photos: [{ fileID: 'f-nourl', public: true }] },
        ],
      },
      { title: '清理楼道杂物', status: 'doing' as const, deadlineDay: '2026-04-01', doneAt: null, notes: [] },
    ];
    const urls = new Map([
      ['f-public', 'https://tmp/a1'],
      ['f-private', 'https://tmp/b2'],
    ]);
    const view = publicProjection({ title: '为民办实事清单', kind: 'service' }, '离退休干部党支部', items, urls);
    expect(view).toEqual({
      title: '为民办实事清单',
      kind: 'service',
      unitName: '离退休干部党支部',
      items: [
        { title: '修缮小区路灯', status: 'done', deadlineDay: '2026-03-10', doneDay: '2026-03-09', photos: [{ url: 'https://tmp/a1' }] },
        { title: '清理楼道杂物', status: 'doing', deadlineDay: '2026-04-01', doneDay: null, photos: [] },
      ],
      totals: { total: 2, done: 1 },
    });
    const json = JSON.stringify(view);
    for (const secret of ['王秀英', 'demo-member-21', '13800000000', '联系了物业', 'f-private', 'f-public', 'https://tmp/b2']) expect(json).not.toContain(secret);
  });
});
