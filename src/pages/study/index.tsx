// 学习 tab: a place, not a context. It composes the check-in context's sections (src/sections/checkin/).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import { LoadingOrError } from '@/components/Loaded';
import { useAction } from '@/hooks';
import TodayCheckin from '@/sections/checkin/TodayCheckin';
import MyChallenges from '@/sections/checkin/MyChallenges';
import StreakFigures from '@/sections/checkin/StreakFigures';
import StudyCalendar from '@/sections/checkin/StudyCalendar';
import SharedCheckins from '@/sections/checkin/SharedCheckins';

/**
 * The member's check-ins of one month are read once here for today's card, the figures and the
 * calendar; tick grows after a check-in or make-up so that every section reloads what it changed.
 */
function Checkin({ refreshKey }: { refreshKey: number }) {
  const [month, setMonth] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const state = useAction('checkin', 'getMyCheckins', { month }, [month, tick, refreshKey]);
  const data = state.data;

  if (!data) return <LoadingOrError state={state} />;
  const reload = () => setTick((t) => t + 1);
  return (
    <>
      <TodayCheckin data={data} onChecked={reload} />
      {/* A check-in or make-up (tick) changes challenge progress and may add to the shared check-ins. */}
      <MyChallenges refreshKey={refreshKey} tick={tick} />
      <StreakFigures data={data} />
      <StudyCalendar data={data} loading={state.loading} error={state.error} onRetry={state.reload} onMonth={setMonth} onMadeUp={reload} />
      <SharedCheckins refreshKey={refreshKey} tick={tick} />
    </>
  );
}

export default function StudyTab() {
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>学习</Text>
        <Text className='page-intro__desc'>每日学习打卡，漏打的日子可以补卡</Text>
      </View>
      <MemberGate why='绑定后才能参加每日学习打卡。'>{(refreshKey) => <Checkin refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
