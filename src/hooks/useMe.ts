// useMe(): who the caller is (org.getMe), shared by every page through a small module cache.
// reload() refreshes it for all pages; the cache is dropped when the H5 session ends.
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '@core/contracts';
import { call, onSessionEnd, toApiError, type ApiError } from '@/api';

interface MeSnapshot {
  me: Me | undefined;
  error: ApiError | null;
  loading: boolean;
}

let snapshot: MeSnapshot = { me: undefined, error: null, loading: false };
let inflight: Promise<void> | null = null;
const listeners = new Set<(s: MeSnapshot) => void>();

function publish(next: MeSnapshot): void {
  snapshot = next;
  listeners.forEach((l) => l(snapshot));
}

function fetchMe(): Promise<void> {
  if (inflight) return inflight;
  publish({ ...snapshot, loading: true, error: null });
  inflight = call('org', 'getMe', {})
    .then(
      (me) => publish({ me, error: null, loading: false }),
      (e: unknown) => publish({ me: snapshot.me, error: toApiError(e), loading: false }),
    )
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Forget who the caller is (after logout); the next useMe() asks again. */
export function clearMeCache(): void {
  inflight = null;
  publish({ me: undefined, error: null, loading: false });
}

/** Use an answer that already contains the new Me (e.g. bindMember's), without another call. */
export function primeMe(me: Me): void {
  publish({ me, error: null, loading: false });
}

onSessionEnd(clearMeCache);

export interface MeState {
  me: Me | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useMe(): MeState {
  const [state, setState] = useState<MeSnapshot>(snapshot);

  useEffect(() => {
    listeners.add(setState);
    setState(snapshot);
    if (snapshot.me === undefined && !snapshot.error) void fetchMe();
    return () => {
      listeners.delete(setState);
    };
  }, []);

  const reload = useCallback(() => {
    void fetchMe();
  }, []);

  // Before the first answer arrives the page is loading, not empty.
  const loading = state.loading || (state.me === undefined && state.error === null);
  return { me: state.me, error: state.error, loading, reload };
}
