// Closed-day roll-ups: a unit's own count is added to itself and every unit above it.
import { subtreeSums } from '../../functions/checkin/rollups';

describe('subtreeSums', () => {
  const units = [
    { _id: 'org', path: ['org'] },
    { _id: 'county', path: ['org', 'county'] },
    { _id: 'school', path: ['org', 'county', 'school'] },
    { _id: 'office', path: ['org', 'office'] },
  ];

  test('GIVEN counts at several levels THEN each unit totals its whole subtree', () => {
    const sums = subtreeSums(units, new Map([['school', 5], ['county', 2], ['office', 3]]));
    expect(Object.fromEntries(sums)).toEqual({ org: 10, county: 7, school: 5, office: 3 });
  });

  test('a count of a unit no longer in the tree is dropped, not guessed', () => {
    expect(Object.fromEntries(subtreeSums(units, new Map([['gone', 4], ['office', 1]])))).toEqual({ org: 1, office: 1 });
  });

  test('GIVEN a unit that moved THEN its count follows its new path (history moves with the unit)', () => {
    const moved = units.map((u) => (u._id === 'school' ? { ...u, path: ['org', 'office', 'school'] } : u));
    expect(Object.fromEntries(subtreeSums(moved, new Map([['school', 5]])))).toEqual({ org: 5, office: 5, school: 5 });
  });
});
