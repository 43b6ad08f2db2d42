// Rules of the organisation tree: subtrees by path, audiences that reach down, moves that would
// make a cycle or a tree too deep, sibling-name folding and the order units are read in.
import {
  audienceReaches,
  checkMove,
  inSubtree,
  isPickableUnit,
  MAX_DEPTH,
  subtreeHeight,
  treeOrder,
  unitNameKey,
} from '../../core/domain/org/units';

const path = ['org', 'city', 'county', 'school', 'branch'];

describe('subtrees and audiences', () => {
  test('a unit is inside the subtree of every unit on its path, its own included', () => {
    expect(inSubtree(path, ['county'])).toBe(true);
    expect(inSubtree(path, ['branch'])).toBe(true);
    expect(inSubtree(path, ['other-county', 'school'])).toBe(true);
    expect(inSubtree(path, ['other-county'])).toBe(false);
    expect(inSubtree(path, [])).toBe(false);
  });

  test('an audience reaches the members of the units it names and of every unit below them', () => {
    expect(audienceReaches(['county'], path)).toBe(true);
    expect(audienceReaches(['ALL'], path)).toBe(true);
    expect(audienceReaches(['other-branch'], path)).toBe(false);
    // A unit below the member's does not reach up to them.
    expect(audienceReaches(['group-under-branch'], path)).toBe(false);
  });
});

describe('moving a unit', () => {
  const unit = { id: 'school', parentId: 'county', path: ['org', 'city', 'county', 'school'], orgId: 'org' };
  const parent = (p: string[], closed = false) => ({ id: p[p.length - 1], parentId: p[p.length - 2] ?? null, path: p, orgId: 'org', closed });

  test('GIVEN a target below the unit itself THEN the move is refused (it would make a cycle)', () => {
    expect(checkMove(unit, parent([...unit.path, 'branch']), 1)).toBe('into_itself');
    expect(checkMove(unit, parent(unit.path), 1)).toBe('into_itself');
  });

  test('refuses the root, another organisation, a closed parent and a tree deeper than the limit', () => {
    expect(checkMove({ ...unit, parentId: null, path: ['org'] }, parent(['org', 'city']), 3)).toBe('root');
    expect(checkMove(unit, { ...parent(['org2', 'x']), orgId: 'org2' }, 0)).toBe('other_org');
    expect(checkMove(unit, parent(['org', 'city', 'other'], true), 0)).toBe('closed_parent');
    const deep = Array.from({ length: MAX_DEPTH - 1 }, (_, i) => `u${i}`);
    expect(checkMove(unit, parent(deep), 0)).toBe(null);
    expect(checkMove(unit, parent(deep), 1)).toBe('too_deep');
  });

  test('GIVEN a valid target THEN no refusal; the height of a subtree is its deepest level below the unit', () => {
    expect(checkMove(unit, parent(['org', 'city']), 2)).toBe(null);
    expect(subtreeHeight(unit.path, [{ path: [...unit.path, 'a'] }, { path: [...unit.path, 'a', 'b'] }])).toBe(2);
    expect(subtreeHeight(unit.path, [])).toBe(0);
  });
});

describe('names and order', () => {
  test('sibling names compare without spaces, width or case', () => {
    expect(unitNameKey(' 第一 党支部 ')).toBe(unitNameKey('第一党支部'));
    expect(unitNameKey('ＡＢ党支部')).toBe(unitNameKey('ab党支部'));
    expect(unitNameKey('第一党支部')).not.toBe(unitNameKey('第二党支部'));
  });

  test('tree order is depth-first; siblings by order, then in the order they were made', () => {
    const u = (id: string, parentId: string | null, order: number, createdAt: number) => ({ id, parentId, order, createdAt, name: id });
    const sorted = treeOrder([u('b2', 'a', 0, 3), u('root', null, 0, 0), u('b1', 'a', 0, 2), u('a', 'root', 1, 1), u('c', 'root', 0, 5), u('b1x', 'b1', 0, 9)]);
    expect(sorted.map((x) => x.id)).toEqual(['root', 'c', 'a', 'b1', 'b1x', 'b2']);
  });

  test('a unit whose parent is outside the list starts its own tree (an organiser’s scope)', () => {
    const u = (id: string, parentId: string | null) => ({ id, parentId, order: 0, createdAt: 0, name: id });
    expect(treeOrder([u('leaf', 'mid'), u('mid', 'not-mine')]).map((x) => x.id)).toEqual(['mid', 'leaf']);
  });

  test('only open units below the organisation can be picked as an audience or a member’s place', () => {
    expect(isPickableUnit({ parentId: null, status: 'active' })).toBe(false);
    expect(isPickableUnit({ parentId: 'org', status: 'closed' })).toBe(false);
    expect(isPickableUnit({ parentId: 'org', status: 'active' })).toBe(true);
  });
});
