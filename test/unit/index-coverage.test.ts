import { isIndexed } from '../helpers/index-coverage';

const indexes = { members: [['unitId', 'name'], ['unitId', 'openid', 'name']] };
const shape = (filter: string[], sort: string[] = []) => ({ collection: 'members', op: 'get' as const, filter, sort });

describe('index coverage rule', () => {
  it('a lookup by _id is always served by the primary key', () => {
    expect(isIndexed({ ...shape(['_id']), collection: 'anything' }, indexes)).toBe(true);
  });

  it('a filter led by the index prefix, sorted along the index, is served', () => {
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
