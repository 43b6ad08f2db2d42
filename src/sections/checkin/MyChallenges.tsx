// 我的打卡活动: the member's challenges with progress bars and standing in words, shown only when there is one.
import { Text, View } from '@tarojs/components';
import type { MyChallenge } from '@core/contracts';
import { CHALLENGE_STANDING_TEXT } from '@core/domain/checkin';
import Card from '@/components/Card';
import { ErrorView } from '@/components/StateView';
import { useAction } from '@/hooks';
import { dayRangeText } from '@/utils/checkin-format';
import { percent } from '@/utils/format';
import './MyChallenges.scss';

function ChallengeCard({ c }: { c: MyChallenge }) {
  const share = percent(c.doneDays, c.requiredDays);
  const cancelled = c.status === 'cancelled';
  return (
    <View className='my-challenge' id={`my-challenge-${c.id}`} data-standing={c.standing}>
      <View className='my-challenge__head'>
        <Text className='my-challenge__title'>{c.title}</Text>
        <Text className={`tag my-challenge__standing--${cancelled ? 'cancelled' : c.standing}`}>{cancelled ? '已取消' : CHALLENGE_STANDING_TEXT[c.standing]}</Text>
      </View>
      <Text className='my-challenge__dates'>{dayRangeText(c.startDay, c.endDay)}</Text>
      {c.description ? <Text className='my-challenge__desc'>{c.description}</Text> : null}
      <View className='my-challenge__bar' aria-label={`已打卡 ${c.doneDays} 天，共需 ${c.requiredDays} 天`}>
        <View className={c.standing === 'completed' ? 'my-challenge__fill my-challenge__fill--done' : 'my-challenge__fill'} style={{ width: `${share}%` }} />
      </View>
      <Text className='my-challenge__progress' id={`my-challenge-progress-${c.id}`}>
        已打卡 {c.doneDays}/{c.requiredDays} 天
      </Text>
    </View>
  );
}

/** Shown only when the member's branch has a challenge (running, upcoming or recent); tick grows after a check-in or make-up. */
export default function MyChallenges({ refreshKey, tick }: { refreshKey: number; tick: number }) {
  const state = useAction('checkin', 'myChallenges', {}, [refreshKey, tick]);
  // Not the shared Loaded wrapper: the section stays hidden while loading and when there is no
  // challenge, and shows itself only to say a load failed.
  if (state.error && !state.data) {
    return (
      <Card title='我的打卡活动' id='my-challenges'>
        <ErrorView message={state.error.message} onRetry={state.reload} />
      </Card>
    );
  }
  const list = state.data ?? [];
  if (list.length === 0) return null;
  return (
    <Card title='我的打卡活动' id='my-challenges'>
      {list.map((c) => (
        <ChallengeCard key={c.id} c={c} />
      ))}
    </Card>
  );
}
