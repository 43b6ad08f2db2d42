// useMutation(): run an action from an event handler (a button press), tracking running / error.
import { useCallback, useRef, useState } from 'react';
import type { ActionName, ContextName, RequestOf, ResponseOf } from '@core/contracts';
import { call, toApiError, type ApiError } from '@/api';

export interface Mutation<P, R> {
  /** Resolves to the answer, or null when it failed (the error is then in `error`). */
  run: (payload: P) => Promise<R | null>;
  running: boolean;
  error: ApiError | null;
  reset: () => void;
}

export function useMutation<C extends ContextName, A extends ActionName<C>>(
  context: C,
  action: A,
): Mutation<RequestOf<C, A>, ResponseOf<C, A>> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = useRef(false);

  const run = useCallback(
    async (payload: RequestOf<C, A>) => {
      if (busy.current) return null; // a double tap must not send the action twice
      busy.current = true;
      setRunning(true);
      setError(null);
      try {
        return await call(context, action, payload);
      } catch (e) {
        setError(toApiError(e));
        return null;
      } finally {
        busy.current = false;
        setRunning(false);
      }
    },
    [context, action],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, running, error, reset };
}
