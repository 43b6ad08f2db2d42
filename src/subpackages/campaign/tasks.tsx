// 办实事清单 (public): what the people served see of a public task list — its title, the unit, how
// many items are done, and each item's status, deadline and the photos an organiser marked public.
// No binding is asked (no MemberGate): anyone with the link or the share card may look. The server
// answers only for a public list and never sends a member's name or phone; this page shows what it
// is given.
import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import type { PublicTaskList } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction } from '@/hooks';
import { PAGE } from '@/utils/nav';
import { completionText, dayText, deadlineText, donePercent, doneOfText, statusTagClass, TASK_KIND_LABEL, TASK_STATUS_LABEL } from '@/utils/task-format';
import './tasks.scss';

type PublicItem = PublicTaskList['items'][number];

function Item({ item, index, today }: { item: PublicItem; index: number; today: string }) {
  const urls = item.photos.map((p) => p.url);
  const when =
    item.status === 'done' && item.doneDay
      ? `${dayText(item.doneDay, today)}完成 · ${completionText(item.doneDay, item.deadlineDay)}`
      : `截止 ${dayText(item.deadlineDay, today)} · ${deadlineText(item.deadlineDay, today)}`;
  return (
    <View className='pt-item' id={`public-item-${index}`}>
      <View className='pt-item__head'>
        <Text className='pt-item__title'>{item.title}</Text>
        <Text className={statusTagClass(item.status, false)}>{TASK_STATUS_LABEL[item.status]}</Text>
      </View>
      <Text className='pt-item__meta'>{when}</Text>
      {urls.length > 0 ? (
        <View className='pt-photos'>
          {urls.map((url, i) => (
            <Image key={url} id={`public-item-${index}-photo-${i}`} className='pt-photo' src={url} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: url })} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function PublicTasks({ listId }: { listId: string }) {
  const view = useAction('campaign', 'publicTaskList', { listId }, [listId]);
  const today = beijingDayKey(Date.now());
  const list = view.data;
  useShareAppMessage(() => ({ title: list ? `${list.unitName}${TASK_KIND_LABEL[list.kind]}：${list.title}` : '办实事清单', path: `${PAGE.campaignPublicTasks}?listId=${listId}` }));
  usePullDownRefresh(() => {
    view.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  if (!list) {
    // Not public (any more), or no such list: the server's words, plainly, with no 重试 to chase.
    if (view.error && ['NOT_FOUND', 'FAILED_PRECONDITION', 'FORBIDDEN'].includes(view.error.code)) {
      return (
        <Card id='public-refused'>
          <EmptyView title={view.error.message} desc='清单公开后才能查看，请向发布单位询问' />
        </Card>
      );
    }
    return <LoadingOrError state={view} />;
  }
  const pct = donePercent(list.totals.done, list.totals.total);
  return (
    <>
      <View className='page-intro'>
        <Text className='page-intro__title' id='public-title'>
          {list.title}
        </Text>
        <Text className='page-intro__desc' id='public-unit'>
          {list.unitName} · {TASK_KIND_LABEL[list.kind]}
        </Text>
      </View>
      <Card id='public-totals'>
        <Text className='pt-totals'>
          {doneOfText(list.totals.done, list.totals.total)}（{pct}%）
        </Text>
        <View className='pt-bar' aria-hidden>
          <View className='pt-bar__fill' style={{ width: `${pct}%` }} />
        </View>
      </Card>
      <Card title='事项' id='public-items'>
        {list.items.length === 0 ? <EmptyView title='清单里还没有事项' /> : list.items.map((item, i) => <Item key={i} item={item} index={i} today={today} />)}
      </Card>
    </>
  );
}

export default function PublicTasksPage() {
  const listId = useRouter().params.listId ?? '';
  return (
    <PageShell>
      {listId ? (
        <PublicTasks listId={listId} />
      ) : (
        <Card>
          <EmptyView title='没有找到这个清单' desc='请从分享的链接打开' />
        </Card>
      )}
    </PageShell>
  );
}
