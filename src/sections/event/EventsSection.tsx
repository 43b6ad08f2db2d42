// The event context's section of the 活动 tab: the branch's events in three tabs (报名中, 即将开始, 往期). Each card says what, when, where,
// how many seats are left and where the member stands; a tap opens the event. 我的活动 lists the
// member's own sign-ups; 扫码签到 scans the on-site code in WeChat. The code is a web address, so in
// a browser the phone's camera opens it (docs/ONSITE-CHECKIN.md): the web page says so instead.
// Main package: kept light, the event pages themselves live in subpackages/event.
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EventCard } from '@core/contracts';
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS } from '@core/domain/event';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { IS_H5 } from '@/api';
import { usePaged } from '@/hooks';
import { cardSeatsText, attendanceUrlFromScan, eventWhen, myStatusText, seatsTakenPercent, showsSeats, statusTagClass } from '@/utils/event-format';
import { goPage, PAGE } from '@/utils/nav';
import './EventsSection.scss';
import Segments from '@/components/Segments';

type Tab = 'open' | 'upcoming' | 'past';

const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'open', label: '报名中' },
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '往期' },
];

const EMPTY: Record<Tab, { title: string; desc: string }> = {
  open: { title: '暂无正在报名的活动', desc: '支部发布宣讲、党课等活动后，可以在这里报名' },
  upcoming: { title: '暂无即将开始的活动', desc: '报名截止、还没开始的活动会显示在这里' },
  past: { title: '暂无往期活动', desc: '活动结束后会显示在这里' },
};

function EventItem({ event }: { event: EventCard }) {
  const status = myStatusText(event.myStatus);
  const taken = seatsTakenPercent(event.capacity, event.seatsLeft);
  return (
    <View className='event-card' id={`event-card-${event.id}`} hoverClass='event-card--pressed' onClick={() => goPage(`${PAGE.eventDetail}?id=${event.id}`)}>
      {event.coverUrl ? <Image className='event-card__cover' src={event.coverUrl} mode='aspectFill' lazyLoad /> : null}
      <View className='event-card__tags'>
        <Text className='tag tag--red'>{EVENT_KIND_LABELS[event.kind]}</Text>
        <Text className='tag'>{EVENT_PHASE_LABELS[event.phase]}</Text>
        {status ? <Text className={`${statusTagClass(event.myStatus)} event-card__mine`}>我：{status}</Text> : null}
      </View>
      <Text className='event-card__title'>{event.title}</Text>
      <Text className='event-card__line'>时间：{eventWhen(event.startsAt, event.endsAt)}</Text>
      <Text className='event-card__line'>地点：{event.place}</Text>
      {showsSeats(event.phase) ? (
        <View className='event-card__seats'>
          <Text className='event-card__seats-text'>{cardSeatsText(event)}</Text>
          {taken !== null ? (
            <View className='event-bar' aria-label={`已报名 ${taken}%`}>
              <View className='event-bar__fill' style={{ width: `${taken}%` }} />
            </View>
          ) : null}
        </View>
      ) : null}
      <Text className='event-card__arrow'>›</Text>
    </View>
  );
}

function EventList({ tab, refreshKey }: { tab: Tab; refreshKey: number }) {
  const list = usePaged('event', 'listEvents', { tab }, [tab, refreshKey]);
  return (
    <PagedList list={list} empty={EMPTY[tab]} id={`activity-list-${tab}`} moreId='activity-more'>
      {(items) => items.map((e) => <EventItem key={e.id} event={e} />)}
    </PagedList>
  );
}

/** Scan the on-site code with WeChat's scanner and open the check-in page it names. */
async function scan(): Promise<void> {
  let res: Taro.scanCode.SuccessCallbackResult;
  try {
    res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
  } catch {
    return; // closed the scanner
  }
  const url = attendanceUrlFromScan(res.path || res.result || '');
  if (url) goPage(url);
  else void Taro.showToast({ title: '这不是活动签到码，请扫描现场屏幕上的签到码', icon: 'none', duration: 3000 });
}

/** The member's events, for the 活动 tab. */
export default function EventsSection({ refreshKey }: { refreshKey: number }) {
  const [tab, setTab] = useState<Tab>('open');
  return (
    <>
      <View className='activity-actions'>
        <Button id='event-mine' className='activity-actions__btn' fill='outline' type='primary' onClick={() => goPage(PAGE.eventMine)}>
          我的活动
        </Button>
        {IS_H5 ? null : (
          <Button id='event-scan' className='activity-actions__btn' type='primary' onClick={() => void scan()}>
            扫码签到
          </Button>
        )}
      </View>
      {IS_H5 ? (
        <Text className='activity-note' id='event-scan-note'>
          现场签到：用手机相机或微信「扫一扫」扫描现场屏幕上的签到码即可。
        </Text>
      ) : null}
      <View className='activity-tabs'>
        <Segments id='activity-tabs' options={TABS} value={tab} onChange={setTab} itemId={(v) => `activity-tab-${v}`} />
      </View>
      <Card>
        <EventList tab={tab} refreshKey={refreshKey} />
      </Card>
    </>
  );
}
