// 各支部情况: the exam's numbers (应考, 已考, 及格 …) as a table, the whole exam first, then one column per branch.
import { ScrollView, Text, View } from '@tarojs/components';
import type { ExamStatsView, UnitStats } from '@core/contracts';
import { formatScore, formatSeconds } from './format';

const METRICS: Array<{ key: string; label: string; value: (u: UnitStats) => string }> = [
  { key: 'audience', label: '应考', value: (u) => `${u.audience}` },
  { key: 'submitted', label: '已考', value: (u) => `${u.submitted}` },
  // Of 已考, results recorded by hand from paper (送题到家); they have no time, so 平均用时 leaves them out.
  { key: 'handRecorded', label: '其中手工录入', value: (u) => `${u.handRecorded}` },
  { key: 'inProgress', label: '答题中', value: (u) => `${u.inProgress}` },
  // 缺考 once the exam has closed (the row's label says so below); 未参加 while it is open.
  { key: 'absent', label: '未参加', value: (u) => `${u.absent}` },
  { key: 'passed', label: '及格', value: (u) => `${u.passed}` },
  { key: 'failed', label: '不及格', value: (u) => `${u.failed}` },
  { key: 'average', label: '平均分', value: (u) => formatScore(u.averageScore) },
  { key: 'seconds', label: '平均用时', value: (u) => formatSeconds(u.averageSeconds) },
  { key: 'flagged', label: '被标记', value: (u) => `${u.flagged}` },
];

export default function BranchTable({ stats }: { stats: ExamStatsView }) {
  const columns = [stats.overall, ...stats.units];
  return (
    <ScrollView scrollX className='stbl' id='stats-table'>
      <View className='stbl__row stbl__row--head'>
        <Text className='stbl__cell stbl__cell--label'>{' '}</Text>
        {columns.map((u) => (
          <Text key={u.unitId} className='stbl__cell' id={`stats-col-${u.unitId}`}>
            {u.unitName}
          </Text>
        ))}
      </View>
      {METRICS.map((m) => (
        <View key={m.key} className='stbl__row'>
          <Text className='stbl__cell stbl__cell--label'>{m.key === 'absent' && stats.phase === 'closed' ? '缺考' : m.label}</Text>
          {columns.map((u) => (
            <Text key={u.unitId} className={u.unitId === stats.overall.unitId ? 'stbl__cell stbl__cell--total' : 'stbl__cell'} id={`stats-cell-${u.unitId}-${m.key}`}>
              {m.value(u)}
            </Text>
          ))}
        </View>
      ))}
    </ScrollView>
  );
}
