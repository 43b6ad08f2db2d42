// Pure display helpers of the task-list pages: status and kind words, deadlines in words (还有 N 天,
// 今天截止, 已逾期 N 天), how a done item went against its deadline (提前/按期/逾期完成), the list
// filters and the share text of a public list.
import {
  completionText,
  daysBetween,
  dayText,
  deadlineText,
  defaultDeadline,
  donePercent,
  doneOfText,
  filterItems,
  itemFieldOf,
  itemDeadlineLine,
  noteMoment,
  overdueText,
  publicShareText,
  statusTagClass,
  TASK_FILTERS,
  TASK_KIND_LABEL,
  TASK_KIND_OPTIONS,
  TASK_STATUS_LABEL,
} from '../../src/utils/task-format';

/** UTC instant of a Beijing wall time. */
const beijing = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const TODAY = '2025-05-10';

describe('words for a status and a kind', () => {
  it('says 未开始, 进行中 and 已完成, and names the three kinds of list', () => {
    expect(TASK_STATUS_LABEL).toEqual({ todo: '未开始', doing: '进行中', done: '已完成' });
    expect(TASK_KIND_LABEL).toEqual({ service: '为民办实事清单', problem: '问题清单', duty: '责任清单' });
    expect(TASK_KIND_OPTIONS.map((o) => o.label)).toEqual(['为民办实事清单', '问题清单', '责任清单']);
  });

  it('marks an overdue open item red and a done one green; the word always comes with it', () => {
    expect(statusTagClass('todo', false)).toBe('tag');
    expect(statusTagClass('doing', false)).toBe('tag tag--gold');
    expect(statusTagClass('doing', true)).toBe('tag tag--red');
    expect(statusTagClass('done', true)).toBe('tag tag--ok');
  });
});

describe('deadlines in words', () => {
  it('counts Beijing days across months and years', () => {
    expect(daysBetween('2025-05-10', '2025-05-13')).toBe(3);
    expect(daysBetween('2025-05-31', '2025-06-01')).toBe(1);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2025-05-10', '2025-05-08')).toBe(-2);
  });

  it('says 还有 N 天 before the deadline, 今天截止 on its day and 已逾期 N 天 after it', () => {
    expect(deadlineText('2025-05-13', TODAY)).toBe('还有 3 天');
    expect(deadlineText(TODAY, TODAY)).toBe('今天截止');
    expect(deadlineText('2025-05-08', TODAY)).toBe('已逾期 2 天');
  });

  it('says 逾期 N 天 only once the deadline day has passed', () => {
    expect(overdueText('2025-05-09', TODAY)).toBe('逾期 1 天');
    expect(overdueText(TODAY, TODAY)).toBeNull();
    expect(overdueText('2025-05-11', TODAY)).toBeNull();
  });

  it('says how a done item went against its deadline day', () => {
    expect(completionText('2025-05-01', '2025-05-03')).toBe('提前完成');
    expect(completionText('2025-05-03', '2025-05-03')).toBe('按期完成');
    expect(completionText('2025-05-04', '2025-05-03')).toBe('逾期完成');
  });

  it('writes days without the year in the current year, with it otherwise', () => {
    expect(dayText('2025-05-03', TODAY)).toBe('5月3日');
    expect(dayText('2024-12-30', TODAY)).toBe('2024年12月30日');
    expect(noteMoment(beijing(2025, 5, 3, 14, 5), TODAY)).toBe('5月3日 14:05');
  });

  it('gives one line per item: the countdown while open, the day and the timing once done', () => {
    expect(itemDeadlineLine({ deadlineDay: '2025-05-13', status: 'doing', doneAt: null }, TODAY)).toBe('截止 5月13日 · 还有 3 天');
    // Done at 23:30 Beijing on the 12th: that is the 12th's work, early for a deadline of the 13th.
    expect(itemDeadlineLine({ deadlineDay: '2025-05-13', status: 'done', doneAt: beijing(2025, 5, 12, 23, 30) }, TODAY)).toBe('5月12日完成 · 提前完成');
    expect(itemDeadlineLine({ deadlineDay: '2025-05-08', status: 'done', doneAt: beijing(2025, 5, 9, 0, 10) }, TODAY)).toBe('5月9日完成 · 逾期完成');
  });

  it('proposes a deadline a fortnight ahead', () => {
    expect(defaultDeadline(TODAY)).toBe('2025-05-24');
  });
});

describe('the list filters', () => {
  const items = [
    { id: 'a', status: 'todo' as const, overdue: false },
    { id: 'b', status: 'doing' as const, overdue: true },
    { id: 'c', status: 'done' as const, overdue: false },
  ];
  it('offers 全部, 未完成, 逾期, 已完成 and keeps the matching items', () => {
    expect(TASK_FILTERS.map((f) => f.label)).toEqual(['全部', '未完成', '逾期', '已完成']);
    expect(filterItems(items, 'all').map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(filterItems(items, 'open').map((i) => i.id)).toEqual(['a', 'b']);
    expect(filterItems(items, 'overdue').map((i) => i.id)).toEqual(['b']);
    expect(filterItems(items, 'done').map((i) => i.id)).toEqual(['c']);
  });
});

describe('totals and sharing', () => {
  it('gives the done share for a bar and the 已完成 x/y line', () => {
    expect(donePercent(0, 0)).toBe(0);
    expect(donePercent(1, 3)).toBe(33);
    expect(donePercent(5, 5)).toBe(100);
    expect(doneOfText(2, 5)).toBe('已完成 2/5');
  });

  it('writes a share text with the unit, the kind, the title and the link', () => {
    expect(publicShareText({ unitName: '实验中学党支部', kind: 'service', title: '校门口路灯' }, 'https://x/#/p')).toBe(
      '【实验中学党支部】为民办实事清单“校门口路灯”办理情况，欢迎查看和监督：https://x/#/p',
    );
  });
});

describe('a refusal next to its field', () => {
  it('finds the field a refusal names, by its key or in words', () => {
    expect(itemFieldOf('请选择负责人')).toBe('owner');
    expect(itemFieldOf('字段 ownerMemberId：不能为空')).toBe('owner');
    expect(itemFieldOf('截止日期不能早于今天')).toBe('deadline');
    expect(itemFieldOf('字段 deadlineDay：日期格式应为 YYYY-MM-DD')).toBe('deadline');
    expect(itemFieldOf('字段 title：事项名称至少2个字')).toBe('title');
    expect(itemFieldOf('事项说明最多1000字')).toBe('detail');
    expect(itemFieldOf('清单已删除')).toBeNull();
  });
});
