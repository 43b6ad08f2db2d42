// One action's answer for a page section: a card with the loading state, then the error with 重试,
// then `children(data)` once it has arrived (kept while a reload runs).
import type { ReactNode } from 'react';
import Card from '@/components/Card';
import { ErrorView, LoadingView } from '@/components/StateView';
import type { AsyncState } from '@/hooks';

export default function Loaded<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  if (state.loading && state.data === undefined) {
    return (
      <Card>
        <LoadingView />
      </Card>
    );
  }
  if (state.data === undefined) {
    return (
      <Card>
        <ErrorView message={state.error?.message ?? ''} onRetry={state.reload} />
      </Card>
    );
  }
  return <>{children(state.data)}</>;
}
