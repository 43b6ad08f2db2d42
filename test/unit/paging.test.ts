// The end of a keyset page: which items make the page and whether a next cursor follows.
import { cursorPage, decodeKeyset, encodeKeyset, keysetPage } from '../../functions/lib/paging';

type Doc = { _id: string; at: number };
const docs = (n: number): Doc[] => Array.from({ length: n }, (_, i) => ({ _id: `d${i + 1}`, at: 1000 - i }));
const keyOf = (d: Doc) => [d.at, d._id];

describe('keysetPage', () => {
  it('gives no cursor when fewer than limit + 1 came back', () => {
    expect(keysetPage(docs(2), 3, keyOf)).toEqual({ page: docs(2), nextCursor: null });
    expect(keysetPage(docs(3), 3, keyOf)).toEqual({ page: docs(3), nextCursor: null });
  });

  it('with limit + 1 docs, pages the first limit and points past the limit-th', () => {
    const { page, nextCursor } = keysetPage(docs(4), 3, keyOf);
    expect(page).toEqual(docs(3));
    expect(nextCursor).toBe(encodeKeyset([998, 'd3']));
    expect(decodeKeyset(nextCursor as string, ['number', 'string'])).toEqual([998, 'd3']);
  });

  it('gives an empty page and no cursor for no docs', () => {
    expect(keysetPage([], 3, keyOf)).toEqual({ page: [], nextCursor: null });
  });
});

describe('cursorPage', () => {
  it('makes the cursor with the given function from the last item of the page', () => {
    expect(cursorPage(docs(3), 2, (d) => `after:${d._id}`)).toEqual({ page: docs(2), nextCursor: 'after:d2' });
    expect(cursorPage(docs(2), 2, (d) => `after:${d._id}`)).toEqual({ page: docs(2), nextCursor: null });
  });
});
