// 我的积分: the member's total in large type, today's points by source against the day's caps
// (学习打卡 1/1), the streak of days with points, and every entry newest first. The rules and
// their change log are one tap away.
import { Text, View } from '@tarojs/components';
import type { MyPoints, PointsEntry } from '@core/contracts';
import { signedPoints } from '@core/domain/points';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import PagedList from '@/components/PagedList';
import { useAction, usePaged } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import './points.scss';

function Summary({ p }: { p: MyPoints }) {
  return (
    <Card id='points-summary'>
      <View className='points-total'>
        <Text className='points-total__label'>累计积分</Text>
        <Text className='points-total__value' id='points-total' data-total={p.total}>
          {p.total}
        </Text>
      </View>
      <View className='points-facts'>
        <Text id='points-today-total'>今日 +{p.todayTotal} 分</Text>
        <Text id='points-streak'>{p.streak > 0 ? `连续 ${p.streak} 天获得积分` : '今天还没有获得积分'}</Text>
      </View>
    </Card>
  );
}

function Today({ p }: { p: MyPoints }) {
  return (
    <Card title='今日积分' id='points-today'>
      {p.bySource.map((s) => {
        const off = s.cap === 0;
        const full = !off && s.earned >= s.cap;
        return (
          <View key={s.source} className='points-source' id={`points-today-${s.source}`} data-earned={s.earned} data-cap={s.cap}>
            <View className='points-source__main'>
              <Text className='points-source__label'>{s.label}</Text>
              <Text className='points-source__rule'>{s.rule}</Text>
            </View>
            <View className='points-source__figure'>
              <Text className='points-source__count'>{off ? '—' : `${s.earned}/${s.cap}`}</Text>
              {full ? <Text className='tag tag--gold'>已满</Text> : null}
            </View>
          </View>
        );
      })}
    </Card>
  );
}

function EntryRow({ e }: { e: PointsEntry }) {
  return (
    <View className='points-entry' id={`points-entry-${e.id}`}>
      <View className='points-entry__main'>
        <Text className='points-entry__label'>{e.label}</Text>
        <Text className='points-entry__time'>{formatBeijing(e.at)}</Text>
      </View>
      <View className='points-entry__figure'>
        <Text className='points-entry__points'>{signedPoints(e.awarded)}</Text>
        {e.capped ? <Text className='points-entry__note'>已达当日上限</Text> : null}
      </View>
    </View>
  );
}

function History({ refreshKey }: { refreshKey: number }) {
  const list = usePaged('points', 'pointsHistory', { limit: 20 }, [refreshKey]);
  return (
    <Card title='积分记录' id='points-history'>
      <PagedList
        list={list}
        empty={{ title: '还没有积分记录', desc: '每日答题、学习打卡、参加活动签到、通过考试都可以获得积分' }}
        moreId='points-more'
        endText={`共 ${list.items.length} 条`}
      >
        {(items) => items.map((e) => <EntryRow key={e.id} e={e} />)}
      </PagedList>
    </Card>
  );
}

function Mine({ refreshKey }: { refreshKey: number }) {
  const points = useAction('points', 'myPoints', {}, [refreshKey]);
  return (
    <>
      <Loaded state={points}>
        {(p) => (
          <>
            <Summary p={p} />
            <Today p={p} />
          </>
        )}
      </Loaded>
      <Card>
        <View id='points-go-rules' className='row-link' hoverClass='points-pressed' onClick={() => goPage(PAGE.pointsRules)}>
          <Text>积分规则和变更记录</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </Card>
      <History refreshKey={refreshKey} />
    </>
  );
}

export default function PointsMinePage() {
  return (
    <PageShell className='points-page'>
      <MemberGate why='绑定后才能查看积分。'>{(refreshKey) => <Mine refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
