// 支部动态: check-ins the member's branch mates chose to share, newest first, ten at a time.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SharedCheckin } from '@core/contracts';
import Card from '@/components/Card';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { dayTitle } from '@/utils/checkin-format';
import './SharedCheckins.scss';

function SharedCheckinEntry({ item }: { item: SharedCheckin }) {
  const photo = item.photoUrl;
  return (
    <View className='shared-checkin' id={`shared-checkin-${item.id}`}>
      <View className='shared-checkin__head'>
        <Text className='shared-checkin__name'>{item.name}</Text>
        {item.mine ? <Text className='tag'>我</Text> : null}
        {item.madeUp ? <Text className='tag tag--gold'>补卡</Text> : null}
        <Text className='shared-checkin__day'>{dayTitle(item.day)}</Text>
      </View>
      <Text className='shared-checkin__title'>
        {item.title} · {item.minutes} 分钟
      </Text>
      {item.note ? <Text className='shared-checkin__note'>{item.note}</Text> : null}
      {photo ? (
        <Image
          id={`shared-checkin-photo-${item.id}`}
          className='shared-checkin__photo'
          src={photo}
          mode='aspectFill'
          lazyLoad
          onClick={() => void Taro.previewImage({ urls: [photo], current: photo })}
        />
      ) : null}
    </View>
  );
}

/** tick grows after the member's own check-in or make-up, which may be a shared one. */
export default function SharedCheckins({ refreshKey, tick }: { refreshKey: number; tick: number }) {
  const shared = usePaged('checkin', 'sharedCheckins', { limit: 10 }, [refreshKey, tick]);
  return (
    <Card title='支部动态' id='shared-checkins'>
      <PagedList
        list={shared}
        empty={{ title: '还没有同志分享打卡', desc: '打卡时打开“分享到支部”，支部的同志就能看到您的学习' }}
        moreId='shared-checkins-more'
        endText='没有更早的动态了'
        endClassName='shared-checkins-end'
      >
        {(items) => items.map((item) => <SharedCheckinEntry key={item.id} item={item} />)}
      </PagedList>
    </Card>
  );
}
