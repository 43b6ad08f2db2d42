// The stats page's bar charts: 分数分布 (members per score band) and 各题正确率 (each question's accuracy).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { QuestionStat, UnitStats } from '@core/contracts';
import { SCORE_BUCKET_LABELS } from '@core/domain/exam';
import { QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import Chips from '@/components/Chips';
import { Button } from '@/components/nut';
import { EmptyView } from '@/components/StateView';
import { percent } from '@/utils/format';

export function Distribution({ unit }: { unit: UnitStats }) {
  const max = Math.max(1, ...unit.distribution);
  // Highest band first: the organiser reads from the top.
  const bands = SCORE_BUCKET_LABELS.map((label, i) => ({ label, n: unit.distribution[i] ?? 0 })).reverse();
  if (unit.submitted === 0) return <EmptyView title='还没有人交卷' desc='有人交卷后，这里显示各分数段的人数' />;
  return (
    <View id='stats-dist'>
      {bands.map((b) => (
        <View key={b.label} className='xa-bar'>
          <Text className='xa-bar__label'>{b.label}</Text>
          <View className='xa-bar__track'>
            <View className='xa-bar__fill' style={{ width: `${percent(b.n, max)}%` }} />
          </View>
          <Text className='xa-bar__value'>{b.n} 人</Text>
        </View>
      ))}
      <Text className='admin-note'>按得分占总分的比例分段。</Text>
    </View>
  );
}

export function QuestionStats({ questions }: { questions: QuestionStat[] }) {
  const [order, setOrder] = useState<'lowest' | 'index'>('lowest');
  const [all, setAll] = useState(false);
  if (questions.length === 0) return <EmptyView title='还没有作答记录' />;
  const sorted =
    order === 'index'
      ? [...questions].sort((a, b) => a.index - b.index)
      : // Unanswered questions last: nothing is known about them yet.
        [...questions].sort((a, b) => (a.accuracy ?? 101) - (b.accuracy ?? 101) || a.index - b.index);
  const shown = all ? sorted : sorted.slice(0, 10);
  return (
    <View id='stats-questions'>
      <Chips
        id='stats-qorder'
        options={[
          { value: 'lowest' as const, label: '正确率从低到高' },
          { value: 'index' as const, label: '按题目顺序' },
        ]}
        selected={[order]}
        onToggle={setOrder}
      />
      {shown.map((q) => (
        <View key={q.qid} className='qstat'>
          <View className='qstat__head'>
            <Text>
              {order === 'index' ? `第 ${q.index} 题 · ` : ''}
              {QUESTION_TYPE_LABELS[q.type]}
            </Text>
            <Text>{q.accuracy === null ? '无人作答' : `答对 ${q.correct}/${q.answered} 人次`}</Text>
          </View>
          <Text className='qstat__stem clamp-2'>{q.stem}</Text>
          <View className='xa-bar'>
            <View className='xa-bar__track'>
              <View className='xa-bar__fill xa-bar__fill--gold' style={{ width: `${q.accuracy ?? 0}%` }} />
            </View>
            <Text className='xa-bar__value qstat__acc'>{q.accuracy === null ? '—' : `${q.accuracy}%`}</Text>
          </View>
        </View>
      ))}
      {sorted.length > shown.length ? (
        <Button id='stats-questions-all' block className='btn-gap' fill='outline' onClick={() => setAll(true)}>
          显示全部 {sorted.length} 题
        </Button>
      ) : null}
    </View>
  );
}
