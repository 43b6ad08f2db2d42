// useAction(): load one action's answer for a page, with loading / error / reload.
// Thin adapter between pages and src/api; no business rules here.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ActionName, ContextName, RequestOf, ResponseOf } from '@core/contracts';
import { call, toApiError, type ApiError } from '@/api';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * @param payload null means "not yet" (e.g. no unit chosen): nothing is fetched.
 * @param deps when any of these change, the action is called again (like useEffect's deps).
 */
export function useAction<C extends ContextName, A extends ActionName<C>>(
  context: C,
  action: A,
  payload: RequestOf<C, A> | null,
  deps: DependencyList,
): AsyncState<ResponseOf<C, A>> {
  const [data, setData] = useState<ResponseOf<C, A> | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(payload !== null);
  const [tick, setTick] = useState(0);
  const payloadRef = useRef(payload);
  payloadRef.current = payload;

  useEffect(() => {
    const current = payloadRef.current;
    if (current === null) {
      setLoading(false);
      return undefined;
    }
    let live = true; // drop answers that arrive after deps changed or the page closed
    setLoading(true);
    setError(null);
    call(context, action, current).then(
      (d) => {
        if (!live) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // The caller's deps decide when to refetch; payload is read through a ref on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context, action, tick, ...deps]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
