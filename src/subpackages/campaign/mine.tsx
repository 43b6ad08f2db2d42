// 我负责的实事: the task items the member owns (领办), reached from 我的 — open ones first, the
// nearest deadline (and the overdue) at the top, then those done in the last 30 days. Each row
// names its list and unit, says the deadline in words and the status as a word and a colour, and
// opens the item page (事项详情), where the owner writes progress and closes it.
import { Text, View } from '@tarojs/components';
import type { MyTaskItem } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { itemDeadlineLine, statusTagClass, TASK_KIND_LABEL, TASK_STATUS_LABEL } from '@/utils/task-format';
import './mine.scss';

function Row({ item, today }: { item: MyTaskItem; today: string }) {
  return (
    <View
      className='my-item'
      id={`my-item-${item.itemId}`}
      hoverClass='my-item--pressed'
      onClick={() => goPage(`${PAGE.campaignTaskItem}?listId=${item.listId}&itemId=${item.itemId}`)}
    >
      <View className='my-item__main'>
        <View className='my-item__head'>
          <Text className='my-item__title'>{item.title}</Text>
          <Text className={statusTagClass(item.status, item.overdue)}>{TASK_STATUS_LABEL[item.status]}</Text>
        </View>
        <Text className={item.overdue ? 'my-item__meta my-item__meta--warn' : 'my-item__meta'}>{itemDeadlineLine(item, today)}</Text>
        <Text className='my-item__meta'>
          {item.unitName} · {item.listTitle || TASK_KIND_LABEL[item.listKind]}
        </Text>
      </View>
      <Text className='row-link__arrow'>›</Text>
    </View>
  );
}

function Mine({ refreshKey }: { refreshKey: number }) {
  const mine = useAction('campaign', 'myTaskItems', {}, [refreshKey]);
  const today = beijingDayKey(Date.now());
  return (
    <Loaded state={mine}>
      {({ items }) => {
        const open = items.filter((i) => i.status !== 'done');
        const done = items.filter((i) => i.status === 'done');
        if (items.length === 0) {
          return (
            <Card id='my-items-empty'>
              <EmptyView title='您还没有负责的事项' desc='支部把实事清单里的事项交给您领办后，会显示在这里' />
            </Card>
          );
        }
        return (
          <>
            <Card title={`正在办理（${open.length}）`} id='my-items-open'>
              {open.length === 0 ? <Text className='my-item__meta'>负责的事项都已办结</Text> : open.map((i) => <Row key={i.itemId} item={i} today={today} />)}
            </Card>
            {done.length > 0 ? (
              <Card title='近30天办结' id='my-items-done'>
                {done.map((i) => (
                  <Row key={i.itemId} item={i} today={today} />
                ))}
              </Card>
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}

export default function MyTaskItemsPage() {
  return (
    <PageShell>
      <MemberGate why='绑定后才能查看您负责的事项。'>{(refreshKey) => <Mine refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
