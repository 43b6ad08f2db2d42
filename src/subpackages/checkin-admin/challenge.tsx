// 活动进度: one challenge in one branch — how many members stand where (已达标, 进度正常, 进度落后,
// 未能达标), each member's days against the required number, and the list of those behind, ready
// to paste into the group chat. The branches offered are the organiser's branches in its audience.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ChallengeProgressRow, ChallengeSummary, ManagedUnit } from '@core/contracts';
import { CHALLENGE_STANDING_TEXT, challengeLength, type ChallengeStanding } from '@core/domain/checkin';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import { Button } from '@/components/nut';
import Loaded, { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { copyText } from '@/api';
import { useAction } from '@/hooks';
import Trend from './components/Trend';
import { dayRangeText } from '@/utils/checkin-format';
import { percent } from '@/utils/format';
import './components/ui.scss';
import './challenge.scss';
import { isPickableUnit } from '@core/domain/org/units';

/** Those who need a word first, then the rest. */
const STANDINGS: ChallengeStanding[] = ['missed', 'behind', 'on_track', 'completed', 'upcoming'];

function ProgressItem({ row, required }: { row: ChallengeProgressRow; required: number }) {
  return (
    <View className='ca-row' id={`progress-${row.memberId}`} data-standing={row.standing}>
      <View className='ca-row__head'>
        <Text className='ca-row__title'>{row.name}</Text>
        <Text className='progress-days'>
          {row.doneDays}/{required} 天
        </Text>
        <Text className={`tag ca-standing--${row.standing}`}>{CHALLENGE_STANDING_TEXT[row.standing]}</Text>
      </View>
      <View className='ca-bar'>
        <View className={row.standing === 'completed' ? 'ca-bar__fill ca-bar__fill--ok' : 'ca-bar__fill'} style={{ width: `${percent(row.doneDays, required)}%` }} />
      </View>
    </View>
  );
}

function Progress({ challenge, branches }: { challenge: ChallengeSummary; branches: ManagedUnit[] }) {
  const [unitId, setUnitId] = useState(branches[0]?.id ?? '');
  const progress = useAction('checkin', 'challengeProgress', unitId ? { challengeId: challenge.id, unitId } : null, [challenge.id, unitId]);

  usePullDownRefresh(() => {
    progress.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const copy = async (behindText: string) => {
    if (behindText === '') {
      void Taro.showToast({ title: '没有进度落后的党员', icon: 'none' });
      return;
    }
    try {
      await copyText(behindText);
      void Taro.showToast({ title: '已复制', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  return (
    <>
      <Card id='progress-head'>
        <Text className='progress-head__title'>{challenge.title}</Text>
        <Text className='ca-row__meta'>{dayRangeText(challenge.startDay, challenge.endDay)}</Text>
        <Text className='ca-row__meta'>
          打卡满 {challenge.requiredDays} 天达标 · 共 {challengeLength(challenge)} 天
        </Text>
        {challenge.description ? <Text className='progress-head__desc'>{challenge.description}</Text> : null}
        {branches.length > 1 ? (
          <>
            <Text className='ca-label'>支部</Text>
            <Chips id='progress-unit' options={branches.map((b) => ({ value: b.id, label: b.name }))} selected={[unitId]} onToggle={setUnitId} />
          </>
        ) : null}
      </Card>

      {branches.length === 0 ? (
        <Card>
          <EmptyView title='这个活动不包括您管理的支部' />
        </Card>
      ) : (
        <Loaded fresh state={progress}>
          {(data) => (
            <>
              <Card title={data.unitName} id='progress-summary'>
                <View className='progress-counts' id='progress-counts'>
                  {STANDINGS.map((s) => (
                    <View key={s} className={`progress-counts__item ca-standing--${s}`} id={`progress-count-${s}`} data-count={data.counts[s] ?? 0}>
                      <Text className='progress-counts__value'>{data.counts[s] ?? 0}</Text>
                      <Text className='progress-counts__label'>{CHALLENGE_STANDING_TEXT[s]}</Text>
                    </View>
                  ))}
                </View>
                <View className='ca-textbox' id='progress-behind-text'>
                  <Text>{data.behindText || `${data.unitName}没有进度落后的党员`}</Text>
                </View>
                <Button id='progress-copy' block type='primary' fill='outline' onClick={() => void copy(data.behindText)}>
                  复制落后名单
                </Button>
              </Card>
              <Trend
                units={branches.map((b) => ({ unitId: b.id, unitName: b.name }))}
                refreshKey={0}
                challengeId={challenge.id}
                title='活动期间每日完成率'
                id='challenge-trend'
              />
              <Card title='每人进度' id='progress-list'>
                {data.rows.length === 0 ? (
                  <EmptyView title='支部名单是空的' />
                ) : (
                  data.rows.map((r) => <ProgressItem key={r.memberId} row={r} required={challenge.requiredDays} />)
                )}
              </Card>
            </>
          )}
        </Loaded>
      )}
    </>
  );
}

/** The challenge (from the organiser's list) and the managed branches it reaches. */
function ChallengeLoader({ challengeId }: { challengeId: string }) {
  const list = useAction('checkin', 'listChallenges', {}, []);
  const units = useAction('org', 'listUnits', {}, []);
  if (!list.data || !units.data) {
    // Both answers are needed: loading while either is, else the first error; 重试 asks for both.
    const both = {
      loading: (list.loading && !list.data) || (units.loading && !units.data),
      error: list.error ?? units.error,
      reload: () => {
        list.reload();
        units.reload();
      },
    };
    return <LoadingOrError state={both} />;
  }
  const challenge = list.data.find((c) => c.id === challengeId);
  if (!challenge) {
    return (
      <Card>
        <EmptyView title='找不到这个打卡活动' desc='它可能已被删除，或不包括您管理的支部' />
      </Card>
    );
  }
  const managed = units.data.units.filter(isPickableUnit);
  // Audience by name: an empty list is the whole organisation.
  const branches = challenge.audienceNames.length ? managed.filter((u) => challenge.audienceNames.includes(u.name)) : managed;
  return <Progress challenge={challenge} branches={branches} />;
}

export default function CheckinChallengePage() {
  const router = useRouter();
  const challengeId = router.params.id || '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          challengeId ? (
            <ChallengeLoader challengeId={challengeId} />
          ) : (
            <Card>
              <EmptyView title='没有指定打卡活动' desc='请从“打卡活动”进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
