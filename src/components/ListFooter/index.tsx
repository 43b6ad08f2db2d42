// The foot of a paged list: 加载更多 while there is more, the error of a failed page with 重试,
// and a quiet line once everything is shown (none when the list has no end line).
import { Text, View } from '@tarojs/components';
import type { PagedState } from '@/hooks';
import { Button } from '@/components/nut';
import FormError from '@/components/FormError';
import './index.scss';

export interface ListFooterProps<T> {
  /** The 加载更多 button's id. */
  id: string;
  list: PagedState<T>;
  /** e.g. 已显示全部 12 篇; without it nothing is shown once the list is complete. */
  endText?: string;
  endId?: string;
  /** The end line's own look, spacing included (it then stands alone, not in the foot's gap). */
  endClassName?: string;
  /** The button's label while the next page loads (an infinite-scrolling list says so in words). */
  loadingText?: string;
}

export default function ListFooter<T>({ id, list, endText, endId, endClassName, loadingText }: ListFooterProps<T>) {
  const error = list.error && list.items.length > 0 ? list.error.message : null;
  const end =
    endText === undefined ? null : (
      <Text id={endId} className={endClassName ?? 'ui-list-foot__end muted'}>
        {endText}
      </Text>
    );
  if (!list.hasMore && !error && (end === null || endClassName !== undefined)) return end;
  return (
    <View className='ui-list-foot'>
      <FormError message={error} />
      {list.hasMore ? (
        <Button id={id} block fill='outline' loading={list.loadingMore} onClick={list.loadMore}>
          {list.error ? '重试' : list.loadingMore && loadingText ? loadingText : '加载更多'}
        </Button>
      ) : (
        end
      )}
    </View>
  );
}
