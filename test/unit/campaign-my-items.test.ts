// 我负责的实事: which of a member's items are shown and in what order (core/domain/campaign/myItems.ts).
import { isShownToOwner, myDoneSince, MY_DONE_DAYS, orderMyItems } from '../../core/domain/campaign/myItems';

const DAY = 86_400_000;
const NOW = Date.UTC(2036, 11, 10, 2);

describe('my task items', () => {
  it('shows every open item and the items done in the last 30 days, the boundary included', () => {
    expect(MY_DONE_DAYS).toBe(30);
    expect(myDoneSince(NOW)).toBe(NOW - 30 * DAY);
    expect(isShownToOwner({ status: 'todo', doneAt: null }, NOW)).toBe(true);
    expect(isShownToOwner({ status: 'doing', doneAt: null }, NOW)).toBe(true);
    expect(isShownToOwner({ status: 'done', doneAt: NOW - 30 * DAY }, NOW)).toBe(true);
    expect(isShownToOwner({ status: 'done', doneAt: NOW - 30 * DAY - 1 }, NOW)).toBe(false);
    expect(isShownToOwner({ status: 'done', doneAt: null }, NOW)).toBe(false);
  });

  it('orders open items by deadline (overdue first), then title; done items after them, the latest first', () => {
    const items = [
      { title: '乙', status: 'done' as const, deadlineDay: '2036-12-01', doneAt: NOW - 5 * DAY },
      { title: '丙', status: 'doing' as const, deadlineDay: '2036-12-20', doneAt: null },
      { title: '甲', status: 'todo' as const, deadlineDay: '2036-12-05', doneAt: null },
      { title: '丁', status: 'done' as const, deadlineDay: '2036-12-30', doneAt: NOW - DAY },
      { title: '戊', status: 'todo' as const, deadlineDay: '2036-12-20', doneAt: null },
    ];
    expect(orderMyItems(items).map((i) => i.title)).toEqual(['甲', '丙', '戊', '丁', '乙']);
  });
});
