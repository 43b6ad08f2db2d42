// The completion trend as vertical bars (plain Views: no chart library in a subpackage): each bar's
// height is the day's completion rate, from the per-branch-per-day counters. Thirty days, or the
// days of a challenge; all managed branches or one.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { BranchCompletion } from '@core/contracts';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import Loaded from '@/components/Loaded';
import { useAction } from '@/hooks';
import { averageRate, barHeight, dayTitle } from '@/utils/checkin-format';
import './Trend.scss';

const ALL = 'all';

export default function Trend({
  units,
  refreshKey,
  challengeId = null,
  title = '近30天完成率',
  id = 'checkin-trend',
}: {
  units: Array<Pick<BranchCompletion, 'unitId' | 'unitName'>>;
  refreshKey: number;
  challengeId?: string | null;
  title?: string;
  id?: string;
}) {
  const [unitId, setUnitId] = useState<string>(ALL);
  const trend = useAction('checkin', 'completionTrend', { unitId: unitId === ALL ? null : unitId, challengeId }, [unitId, challengeId, refreshKey]);
  return (
    <Card title={title} id={id}>
      {units.length > 1 ? (
        <Chips
          id={`${id === 'checkin-trend' ? 'trend' : id}-unit`}
          options={[{ value: ALL, label: '全部支部' }, ...units.map((u) => ({ value: u.unitId, label: u.unitName }))]}
          selected={[unitId]}
          onToggle={setUnitId}
        />
      ) : null}
      <Loaded bare fresh state={trend}>
        {(data) => (
          <View className='trend' data-members={data.members}>
            <Text className='trend__avg' id={id === 'checkin-trend' ? 'trend-average' : `${id}-average`}>
              日均完成率 {averageRate(data.days, data.members)}%，共 {data.members} 人
            </Text>
            <View className='trend__chart'>
              <View className='trend__axis'>
                <Text>100%</Text>
                <Text>50%</Text>
                <Text>0</Text>
              </View>
              <View className='trend__bars'>
                {data.days.map((d) => (
                  <View
                    key={d.day}
                    className='trend__col'
                    id={id === 'checkin-trend' ? `trend-${d.day}` : `${id}-${d.day}`}
                    data-count={d.count}
                    aria-label={`${dayTitle(d.day)} ${d.count}人`}
                  >
                    <View className='trend__fill' style={{ height: `${barHeight(d.count, data.members)}%` }} />
                  </View>
                ))}
              </View>
            </View>
            <View className='trend__dates'>
              <Text>{dayTitle(data.from)}</Text>
              <Text>{dayTitle(data.to)}</Text>
            </View>
          </View>
        )}
      </Loaded>
    </Card>
  );
}
