// 活动 tab: a place, not a context. It composes the event context's section (sign-ups, my events,
// scanning the on-site code).
import { Text, View } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import EventsSection from '@/sections/event/EventsSection';

export default function ActivityTab() {
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>活动</Text>
        <Text className='page-intro__desc'>宣讲、党课、主题党日和志愿服务，在这里报名</Text>
      </View>
      <MemberGate why='绑定后才能报名支部组织的活动。'>{(refreshKey) => <EventsSection refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
