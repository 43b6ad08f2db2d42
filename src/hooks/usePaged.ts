// usePaged(): a keyset-paginated list ("加载更多"), for actions answering Page<T>.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ActionName, ContextName, Page, RequestOf, ResponseOf } from '@core/contracts';
import { call, toApiError, type ApiError } from '@/api';

type ItemOf<R> = R extends Page<infer T> ? T : never;

export interface PagedState<T> {
  items: T[];
  /** First page loading. */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

export function usePaged<C extends ContextName, A extends ActionName<C>>(
  context: C,
  action: A,
  payload: Omit<RequestOf<C, A>, 'cursor'> | null,
  deps: DependencyList,
): PagedState<ItemOf<ResponseOf<C, A>>> {
  type Item = ItemOf<ResponseOf<C, A>>;
  const [items, setItems] = useState<Item[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(payload !== null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const payloadRef = useRef(payload);
  payloadRef.current = payload;
  // Each (re)load gets a generation; answers from an older generation are ignored.
  const generation = useRef(0);

  const fetchPage = useCallback(
    (after: string | null) => {
      const base = payloadRef.current;
      if (base === null) return Promise.resolve(null);
      const request = { ...base, cursor: after } as RequestOf<C, A>;
      return call(context, action, request) as Promise<unknown> as Promise<Page<Item>>;
    },
    [context, action],
  );

  useEffect(() => {
    const gen = ++generation.current;
    setItems([]);
    setCursor(null);
    setError(null);
    if (payloadRef.current === null) {
      setLoading(false);
      return;
    }
    setLoading(true);
    fetchPage(null).then(
      (page) => {
        if (gen !== generation.current || !page) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps decide refetching
  }, [fetchPage, tick, ...deps]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    setError(null);
    fetchPage(cursor).then(
      (page) => {
        if (gen !== generation.current || !page) return;
        setItems((prev) => [...prev, ...page.items]);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setError(toApiError(e));
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore, fetchPage]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { items, loading, loadingMore, error, hasMore: cursor !== null, loadMore, reload };
}
