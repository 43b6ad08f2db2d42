// 活动报名管理: the events of the organiser's branches (newest first) with their state and numbers
// (已报名, 已签到), and 发布活动. A draft opens in the editor, a published or cancelled event on
// its management page.
import { useRef } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { EventResponses } from '@core/contracts';
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS } from '@core/domain/event';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { eventWhen } from '@/utils/event-format';
import { goPage, PAGE } from '@/utils/nav';
import { EVENT_STATUS_LABELS, EVENT_STATUS_TAG } from './components/format';
import './components/ui.scss';
import './index.scss';

type AdminEventRow = EventResponses['listAdminEvents']['items'][number];

function EventRow({ event }: { event: AdminEventRow }) {
  const open = () => goPage(event.status === 'draft' ? `${PAGE.eventEditor}?id=${event.id}` : `${PAGE.eventManage}?id=${event.id}`);
  return (
    <View className='admin-row' id={`admin-event-${event.id}`} hoverClass='admin-row--pressed' onClick={open}>
      <View className='admin-row__head'>
        <Text className={EVENT_STATUS_TAG[event.status]}>{EVENT_STATUS_LABELS[event.status]}</Text>
        <Text className='tag tag--red'>{EVENT_KIND_LABELS[event.kind]}</Text>
        {event.status === 'published' ? <Text className='tag'>{EVENT_PHASE_LABELS[event.phase]}</Text> : null}
      </View>
      <Text className='admin-row__title admin-event__title'>{event.title}</Text>
      <Text className='admin-row__meta'>{eventWhen(event.startsAt, event.endsAt)}</Text>
      <Text className='admin-row__meta'>地点：{event.place}</Text>
      {event.status === 'draft' ? (
        <Text className='admin-event__count muted'>尚未发布，党员看不到</Text>
      ) : (
        <Text className='admin-event__count'>
          已报名 {event.confirmed}
          {event.capacity > 0 ? ` / ${event.capacity}` : ''} 人 · 候补 {event.waitlisted} 人 · 已签到 {event.attended} 人
        </Text>
      )}
    </View>
  );
}

function EventsHome() {
  const events = usePaged('event', 'listAdminEvents', {}, []);
  const firstShow = useRef(true);

  // Back from the editor or a management page: the list and numbers may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else events.reload();
  });
  usePullDownRefresh(() => {
    events.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  return (
    <>
      <Card>
        <Button id='event-new' block type='primary' size='large' onClick={() => goPage(PAGE.eventEditor)}>
          发布活动
        </Button>
        <Text className='admin-note'>宣讲、党课、主题党日、志愿服务：设置名额和报名时间，党员在“活动”页报名，现场扫码签到。</Text>
      </Card>

      <Card title='活动' id='admin-event-list'>
        <PagedList
          list={events}
          empty={{ title: '还没有活动', desc: '点“发布活动”，填写时间、地点和名额后发布' }}
          moreId='admin-event-more'
          endText={`已显示全部 ${events.items.length} 个活动`}
        >
          {(items) => items.map((e) => <EventRow key={e.id} event={e} />)}
        </PagedList>
      </Card>
    </>
  );
}

export default function EventAdminIndexPage() {
  return (
    <PageShell>
      <AdminGate>{() => <EventsHome />}</AdminGate>
    </PageShell>
  );
}
