// The foot of a paged list: 加载更多 while there is more, the error of a failed page with 重试,
// and a quiet line once everything is shown.
import { Text, View } from '@tarojs/components';
import type { PagedState } from '@/hooks';
import { Button } from '@/components/nut';
import FormError from '@/components/FormError';
import './index.scss';

export interface ListFooterProps<T> {
  id: string;
  list: PagedState<T>;
  /** e.g. 已显示全部 12 篇 */
  endText: string;
}

export default function ListFooter<T>({ id, list, endText }: ListFooterProps<T>) {
  return (
    <View className='ui-list-foot'>
      <FormError message={list.error && list.items.length > 0 ? list.error.message : null} />
      {list.hasMore ? (
        <Button id={id} block fill='outline' loading={list.loadingMore} onClick={list.loadMore}>
          {list.error ? '重试' : '加载更多'}
        </Button>
      ) : (
        <Text className='ui-list-foot__end muted'>{endText}</Text>
      )}
    </View>
  );
}
