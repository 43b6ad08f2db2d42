// 我的活动: every event the member signed up for, newest sign-up first, with their standing
// (已报名, 候补中, 已取消 …), whether they were there (已签到 / 未到) and where the event stands.
import { Text, View } from '@tarojs/components';
import type { MyEventRow } from '@core/contracts';
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS } from '@core/domain/event';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { useRefreshKey } from '@/components/MemberGate';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { attendanceText, eventWhen, myStatusText, statusTagClass } from '@/utils/event-format';
import { goPage, goTab, PAGE } from '@/utils/nav';
import './mine.scss';

function Row({ row }: { row: MyEventRow }) {
  const attendance = attendanceText(row);
  return (
    <View className='mine-event' id={`mine-event-${row.eventId}`} hoverClass='mine-event--pressed' onClick={() => goPage(`${PAGE.eventDetail}?id=${row.eventId}`)}>
      <View className='mine-event__tags'>
        <Text className='tag tag--red'>{EVENT_KIND_LABELS[row.kind]}</Text>
        <Text className='tag'>{EVENT_PHASE_LABELS[row.phase]}</Text>
      </View>
      <Text className='mine-event__title'>{row.title}</Text>
      <Text className='mine-event__line'>{eventWhen(row.startsAt, row.endsAt)}</Text>
      <Text className='mine-event__line'>地点：{row.place}</Text>
      <View className='mine-event__standing'>
        <Text className={statusTagClass(row.status)} id={`mine-event-status-${row.eventId}`}>
          {myStatusText(row.status)}
          {row.promoted && row.status === 'confirmed' ? '（候补转正）' : ''}
        </Text>
        {attendance ? (
          <Text className={row.attended ? 'tag tag--ok' : 'tag tag--gold'} id={`mine-event-attendance-${row.eventId}`}>
            {row.attended ? '✓ ' : '○ '}
            {attendance}
          </Text>
        ) : null}
      </View>
      <Text className='mine-event__arrow'>›</Text>
    </View>
  );
}

export default function EventMinePage() {
  const refreshKey = useRefreshKey();
  const list = usePaged('event', 'myEvents', {}, [refreshKey]);
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>我的活动</Text>
        <Text className='page-intro__desc'>我报名的活动、报名状态和签到情况</Text>
      </View>
      <Card>
        <PagedList
          list={list}
          empty={{
            title: '您还没有报名活动',
            desc: '在“活动”页选择活动报名后，会显示在这里',
            action: (
              <Button block type='primary' onClick={() => goTab('activity')}>
                去看看活动
              </Button>
            ),
          }}
          id='mine-events'
          moreId='mine-events-more'
        >
          {(items) => items.map((r) => <Row key={r.eventId} row={r} />)}
        </PagedList>
      </Card>
    </PageShell>
  );
}
