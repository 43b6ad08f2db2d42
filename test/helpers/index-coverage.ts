// Rule 9, "a declared index for every query shape", checked by the tests themselves: the local
// cloud records the shape of every query (collection, filter fields, sort fields), and each test
// cloud, when it closes, fails the test file if a shape has no declared index to serve it.

import type { QueryShape } from '../../localcloud';

/**
 * A shape is served when it looks documents up by `_id`, or when one declared compound index
 * starts with a filtered field and contains every filtered and sorted field (MongoDB can then
 * scan that index's range and sort along it; `_id` as a tie-breaker rides along).
 */
export function isIndexed(shape: QueryShape, indexes: Record<string, string[][]>): boolean {
  if (shape.filter.includes('_id')) return true;
  return (indexes[shape.collection] ?? []).some(
    (index) =>
      shape.filter.includes(index[0]) &&
      shape.filter.every((f) => index.includes(f)) &&
      shape.sort.every((f) => f === '_id' || index.includes(f)),
  );
}

export function unindexedShapes(shapes: QueryShape[], indexes: Record<string, string[][]>): QueryShape[] {
  return shapes.filter((s) => !isIndexed(s, indexes));
}
