// One action's answer for a page section: the loading state, then the error with 重试, then
// `children(data)` once it has arrived (kept while a reload runs, unless `fresh`). In a card of
// its own by default; `bare` for a state drawn inside the caller's card or section.
import type { ReactNode } from 'react';
import Card from '@/components/Card';
import { ErrorView, LoadingView } from '@/components/StateView';
import type { AsyncState } from '@/hooks';

export interface LoadingOrErrorProps {
  /** Any state with these three: useAction's, useMe's, or several actions' taken together. */
  state: Pick<AsyncState<unknown>, 'loading' | 'error' | 'reload'>;
  /** Without the surrounding card (the caller's card or section holds the state). */
  bare?: boolean;
  /** The surrounding card's title. */
  title?: string;
  /** The loading line, when not the usual 正在加载…. */
  loadingText?: string;
}

/**
 * What a section shows until its data arrives: loading, else the error with 重试. For a page
 * that returns early: `if (x.data === undefined) return <LoadingOrError state={x} />`.
 */
export function LoadingOrError({ state, bare = false, title, loadingText }: LoadingOrErrorProps) {
  const view = state.loading ? <LoadingView text={loadingText} /> : <ErrorView message={state.error?.message ?? ''} onRetry={state.reload} />;
  return bare ? view : <Card title={title}>{view}</Card>;
}

export interface LoadedProps<T> extends Omit<LoadingOrErrorProps, 'state'> {
  state: AsyncState<T>;
  /**
   * The spinner on every load, not the previous answer: it was for another choice (a branch, a
   * day, a filter) and would be misread as this one's.
   */
  fresh?: boolean;
  children: (data: T) => ReactNode;
}

export default function Loaded<T>({ state, fresh = false, children, ...shown }: LoadedProps<T>) {
  const data = fresh && state.loading ? undefined : state.data;
  if (data === undefined) return <LoadingOrError state={state} {...shown} />;
  return <>{children(data)}</>;
}
