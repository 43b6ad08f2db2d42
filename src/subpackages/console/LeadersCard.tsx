// 领导班子 on 工作台: the subtree's leaders shown apart (leaderGaps), each with what they have not
// done in the period — leaders go first (以上率下) — one tap to their whole picture.
import { Text, View } from '@tarojs/components';
import { ACTIVITY_WORDS } from '@core/domain/console/gaps';
import Card from '@/components/Card';
import { useAction } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import type { PeriodChoice } from './figuresParts';
import { periodPayload, periodQuery } from './period';

export default function LeadersCard({ unitId, period }: { unitId: string; period: PeriodChoice }) {
  const q = periodQuery(period);
  const state = useAction('console', 'leaderGaps', { unitId, period: periodPayload(period) }, [unitId, q]);
  const d = state.data;
  if (!d) return null; // the figures above carry the page's loading and error states
  if (d.leaders.length === 0) {
    return (
      <Card title='领导班子' id='console-leaders'>
        <Text className='cs-note'>这里还没有标记领导班子成员（在“管理后台 → 名单”里标记后，单列在这里）。</Text>
      </Card>
    );
  }
  const behind = d.leaders.filter((r) => r.gaps.length > 0).length;
  return (
    <Card title={`领导班子（${d.leaders.length}人）`} id='console-leaders'>
      <Text className='cs-note' id='console-leaders-note'>
        {behind === 0 ? '各项学习都已参加。' : `${d.leaders.length - behind} 人各项都已参加，${behind} 人还有没完成的。`}
      </Text>
      {d.leaders.map((r) => (
        <View key={r.memberId} id={`leader-${r.memberId}`} className='cs-row' hoverClass='cs-row--pressed' onClick={() => goPage(`${PAGE.consoleMember}?memberId=${r.memberId}&${q}`)}>
          <Text className='cs-row__label'>
            {r.name}
            {'\n'}
            <Text className='cs-note'>
              {r.unitName} · {!r.bound ? '未绑定' : r.gaps.length === 0 ? '都已参加' : `${r.gaps.map((g) => ACTIVITY_WORDS[g]).join('、')}未完成`}
            </Text>
          </Text>
          <Text className='cs-row__go'>›</Text>
        </View>
      ))}
      {d.more ? <Text className='cs-note'>领导班子超过 50 人，完整名单请看“未参加名单”。</Text> : null}
    </Card>
  );
}
