// A paged list ("加载更多") with its states: loading the first page, the error with 重试 when no
// item has come, the empty state saying what to do, else the items and the ListFooter.
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import ListFooter, { type ListFooterProps } from '@/components/ListFooter';
import { EmptyView, ErrorView, LoadingView, type EmptyViewProps } from '@/components/StateView';
import type { PagedState } from '@/hooks';

export interface PagedListProps<T> extends Omit<ListFooterProps<T>, 'id' | 'list'> {
  list: PagedState<T>;
  /** The items shown, when the page adds its own to the list's (e.g. a comment just sent). */
  items?: T[];
  /** What an empty list says. */
  empty: EmptyViewProps;
  /**
   * Empty only once no page is left: a page of a filtered list can come back empty with more
   * after it, and then shows 加载更多.
   */
  emptyAtEnd?: boolean;
  /** The id of the View holding the items and the foot. */
  id?: string;
  /** The 加载更多 button's id. */
  moreId: string;
  children: (items: T[]) => ReactNode;
}

export default function PagedList<T>({ list, items = list.items, empty, emptyAtEnd = false, id, moreId, children, ...foot }: PagedListProps<T>) {
  if (list.loading) return <LoadingView />;
  if (list.error && items.length === 0) return <ErrorView message={list.error.message} onRetry={list.reload} />;
  if (items.length === 0 && !(emptyAtEnd && list.hasMore)) return <EmptyView {...empty} />;
  return (
    <View id={id}>
      {children(items)}
      <ListFooter id={moreId} list={list} {...foot} />
    </View>
  );
}
