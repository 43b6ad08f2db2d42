// Rules of the daily quiz (core/domain/quiz): which questions a round tries first, the 30 days a
// seen question is kept away, the bounded memory of what was seen, the streak across the Beijing
// day boundary (a round begun at 23:59 finishing after midnight), the reading threshold, and the
// subtree totals the timer writes.
import { CANDIDATES, optionOrder, pickCandidates, readingThresholdMs, isTooFast, RECENT_MAX, rememberSeen, ROUND_SIZE, SEEN_WINDOW_DAYS, type Seen } from '../../core/domain/quiz';
import { addQuizDay, currentQuizStreak, dayDone, EMPTY_STREAK } from '../../core/domain/quiz/streak';
import { subtreeFigures } from '../../core/domain/quiz/rollup';
import { addDays } from '../../core/domain/time';

/** A seeded generator, so a failure repeats. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ids = (n: number, prefix = 'q') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
const TODAY = '2036-11-20';

describe('choosing a round', () => {
  it('tries every question not seen in the last 30 days before any that was', () => {
    const pool = ids(40);
    const recent: Seen[] = pool.slice(0, 30).map((q, i) => ({ q, d: addDays(TODAY, -(i % 29)) }));
    for (let seed = 1; seed < 20; seed++) {
      const order = pickCandidates(pool, recent, TODAY, 40, rng(seed));
      expect(new Set(order.slice(0, 10))).toEqual(new Set(pool.slice(30)));
      expect(order).toHaveLength(40);
    }
  });

  it('counts a question seen 30 days ago or more as new again', () => {
    const pool = ids(10);
    const recent: Seen[] = [
      { q: 'q000', d: addDays(TODAY, -(SEEN_WINDOW_DAYS - 1)) }, // 29 days ago: still kept away
      { q: 'q001', d: addDays(TODAY, -SEEN_WINDOW_DAYS) }, // 30 days ago: new again
    ];
    const order = pickCandidates(pool, recent, TODAY, 10, rng(7));
    expect(order[9]).toBe('q000');
    expect(order.slice(0, 9)).toContain('q001');
  });

  it('when the pool is smaller than a month of rounds, offers the questions seen longest ago first', () => {
    const pool = ids(6);
    const recent: Seen[] = pool.map((q, i) => ({ q, d: addDays(TODAY, -i) }));
    expect(pickCandidates(pool, recent, TODAY, 6, rng(3))).toEqual(['q005', 'q004', 'q003', 'q002', 'q001', 'q000']);
  });

  it('reads a few candidates, never the whole pool, and spreads rounds over the pool', () => {
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= 300; seed++) {
      const order = pickCandidates(ids(300), [], TODAY, CANDIDATES, rng(seed));
      expect(order).toHaveLength(CANDIDATES);
      for (const q of order.slice(0, ROUND_SIZE)) counts.set(q, (counts.get(q) ?? 0) + 1);
    }
    // 1,500 draws over 300 questions: every question about five times, none hugely favoured.
    expect(counts.size).toBeGreaterThan(270);
    expect(Math.max(...counts.values())).toBeLessThan(20);
  });

  it('remembers what was served, forgetting what left the 30-day window and the oldest beyond RECENT_MAX', () => {
    const old: Seen[] = [{ q: 'a', d: addDays(TODAY, -30) }, { q: 'b', d: addDays(TODAY, -29) }];
    expect(rememberSeen(old, ['c'], TODAY)).toEqual([{ q: 'b', d: addDays(TODAY, -29) }, { q: 'c', d: TODAY }]);
    // A question served again moves to the end with today's date.
    expect(rememberSeen([{ q: 'c', d: addDays(TODAY, -3) }, { q: 'd', d: TODAY }], ['c'], TODAY)).toEqual([{ q: 'd', d: TODAY }, { q: 'c', d: TODAY }]);
    const many = ids(RECENT_MAX).map((q) => ({ q, d: addDays(TODAY, -1) }));
    const next = rememberSeen(many, ['new1', 'new2'], TODAY);
    expect(next).toHaveLength(RECENT_MAX);
    expect(next.slice(-2).map((s) => s.q)).toEqual(['new1', 'new2']);
    expect(next[0].q).toBe('q002');
  });

  it('shuffles the options of choice questions only: judge stays 正确 then 错误', () => {
    expect(optionOrder('judge', 2, rng(1))).toEqual([0, 1]);
    expect(optionOrder('fill', 0, rng(1))).toEqual([]);
    const orders = new Set(Array.from({ length: 30 }, (_, s) => optionOrder('single', 4, rng(s + 1)).join('')));
    expect(orders.size).toBeGreaterThan(5);
    for (const o of orders) expect([...o].sort().join('')).toBe('0123');
  });
});

describe('the streak', () => {
  it('grows by consecutive Beijing days, breaks after a missed day, and keeps the longest', () => {
    let s = EMPTY_STREAK;
    for (const d of ['2036-11-01', '2036-11-02', '2036-11-03']) s = addQuizDay(s, d, d);
    expect(currentQuizStreak(s, '2036-11-03')).toBe(3);
    expect(currentQuizStreak(s, '2036-11-04')).toBe(3); // today's round may still come
    expect(currentQuizStreak(s, '2036-11-05')).toBe(0);
    s = addQuizDay(s, '2036-11-05', '2036-11-05');
    expect(currentQuizStreak(s, '2036-11-05')).toBe(1);
    expect(s).toMatchObject({ longest: 3, days: 4 });
    expect(addQuizDay(s, '2036-11-05', '2036-11-05')).toBe(s); // the same day twice counts once
  });

  it('merges a day finished late (a round begun at 23:59:59 and ended after the next day’s)', () => {
    let s = addQuizDay(EMPTY_STREAK, '2036-11-24', '2036-11-24');
    // 25th's round begun at 23:59:59 is still open; the 26th's is finished first, then the 25th's.
    s = addQuizDay(s, '2036-11-26', '2036-11-26');
    expect(currentQuizStreak(s, '2036-11-26')).toBe(1);
    expect(dayDone(s, '2036-11-25')).toBe(false);
    s = addQuizDay(s, '2036-11-25', '2036-11-26');
    expect(currentQuizStreak(s, '2036-11-26')).toBe(3);
    expect(s).toMatchObject({ longest: 3, days: 3, runs: [{ from: '2036-11-24', to: '2036-11-26' }] });
  });

  it('keeps two runs at most: older ones cannot grow again', () => {
    let s = EMPTY_STREAK;
    for (const d of ['2036-11-01', '2036-11-03', '2036-11-05', '2036-11-07']) s = addQuizDay(s, d, d);
    expect(s.runs.length).toBeLessThanOrEqual(2);
    expect(s.days).toBe(4);
  });
});

describe('the reading threshold', () => {
  it('is 1 s plus 40 ms per character of the stem, at most 8 s', () => {
    expect(readingThresholdMs('')).toBe(1_000);
    expect(readingThresholdMs('中国共产党成立于哪一年？')).toBe(1_000 + 40 * 12);
    expect(readingThresholdMs('党'.repeat(500))).toBe(8_000);
    // Spaces are not read.
    expect(readingThresholdMs('党 章')).toBe(1_080);
  });

  it('flags an answer only below the threshold, measured from when the server served the question', () => {
    const stem = '中国共产党成立于哪一年？'; // 1,480 ms
    expect(isTooFast(stem, 10_000, 11_479)).toBe(true);
    expect(isTooFast(stem, 10_000, 11_480)).toBe(false);
  });
});

describe('subtree totals', () => {
  it('adds each unit’s figures to every unit on its path, dropping units no longer in the tree', () => {
    const units = [
      { _id: 'root', path: ['root'] },
      { _id: 'c', path: ['root', 'c'] },
      { _id: 'b1', path: ['root', 'c', 'b1'] },
      { _id: 'b2', path: ['root', 'b2'] },
    ];
    const f = (unitId: string, participants: number, correct: number) => ({ unitId, participants, correct, answered: participants * 5, perfect: 0 });
    const sums = subtreeFigures(units, [f('b1', 2, 7), f('b2', 1, 5), f('gone', 9, 9)]);
    expect(sums.get('root')).toEqual({ participants: 3, correct: 12, answered: 15, perfect: 0 });
    expect(sums.get('c')).toEqual({ participants: 2, correct: 7, answered: 10, perfect: 0 });
    expect(sums.has('gone')).toBe(false);
  });
});
