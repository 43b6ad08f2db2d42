import { INDEXES, indexFields, type IndexDeclaration } from '../../functions/lib/collections';
import { isIndexed } from '../helpers/index-coverage';

// Both declaration forms: a plain field list and an entry with options (here a unique index).
const declared: Record<string, IndexDeclaration[]> = {
  members: [['unitId', 'name'], { fields: ['unitId', 'openid', 'name'], unique: true }],
};
const indexes = indexFields(declared);
const shape = (filter: string[], sort: string[] = []) => ({ collection: 'members', op: 'get' as const, filter, sort });

describe('index coverage rule', () => {
  it('reads the fields of both declaration forms', () => {
    expect(indexes).toEqual({ members: [['unitId', 'name'], ['unitId', 'openid', 'name']] });
    // The project's own declaration reads the same way: every entry gives a non-empty field list.
    const project = indexFields(INDEXES);
    expect(Object.keys(project).sort()).toEqual(Object.keys(INDEXES).sort());
    for (const list of Object.values(project)) for (const fields of list) expect(fields.length).toBeGreaterThan(0);
  });

  it('a lookup by _id is always served by the primary key', () => {
    expect(isIndexed({ ...shape(['_id']), collection: 'anything' }, indexes)).toBe(true);
  });

  it('a filter led by the index prefix, sorted along the index, is served (by a unique index too)', () => {
    expect(isIndexed(shape(['unitId'], ['name', '_id']), indexes)).toBe(true);
    expect(isIndexed(shape(['openid', 'unitId'], ['name']), indexes)).toBe(true);
  });

  it('a filter on a field no index starts with, or a sort off the index, is not', () => {
    expect(isIndexed(shape(['name']), indexes)).toBe(false);
    expect(isIndexed(shape(['unitId'], ['createdAt']), indexes)).toBe(false);
    expect(isIndexed(shape(['unitId', 'phone']), indexes)).toBe(false);
    expect(isIndexed({ ...shape(['unitId']), collection: 'undeclared' }, indexes)).toBe(false);
  });
});
