// 首页 for organisers: the first card is the managed unit's week at a glance (工作台's headline
// rates and what waits for them), one tap from 工作台 itself. Numbers only: the charts live in the
// console subpackage, so the main package carries none of their code.
import { Text, View } from '@tarojs/components';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { useAction } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { percentText, waitingTotal } from '@core/domain/console/figures';
import './ConsoleSummary.scss';

const WEEK = { kind: 'week' } as const;

export default function ConsoleSummary({ refreshKey }: { refreshKey: number }) {
  const state = useAction('console', 'getConsole', { period: WEEK }, [refreshKey]);
  const v = state.data;
  const waiting = v ? waitingTotal(v.waiting) : null;
  const tiles = v
    ? [
        { id: 'sum-checkin', label: '打卡完成率', value: percentText(v.total.checkins.rate) },
        { id: 'sum-quiz', label: '答题参与率', value: percentText(v.total.quiz.rate) },
        { id: 'sum-exam', label: '考试参加率', value: percentText(v.total.exams.rate) },
      ]
    : [];
  return (
    <Card className='console-summary' id='console-summary'>
      <View className='console-summary__head'>
        <Text className='console-summary__title'>{v ? `${v.unit.name} · 本周` : '本周参学情况'}</Text>
      </View>
      {state.error ? <Text className='console-summary__line'>统计暂时没有取到，可进入工作台查看。</Text> : null}
      {!v && !state.error ? <Text className='console-summary__line'>正在统计…</Text> : null}
      {v ? (
        <View className='console-summary__tiles'>
          {tiles.map((t) => (
            <View key={t.id} id={t.id} className='console-summary__tiles__item'>
              <Text className='console-summary__tiles__value'>{t.value}</Text>
              <Text className='console-summary__tiles__label'>{t.label}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {waiting ? (
        <Text id='sum-waiting' className={`console-summary__line${waiting.count > 0 ? ' console-summary__line--warn' : ''}`}>
          {waiting.count > 0 ? `有 ${waiting.count}${waiting.more ? '+' : ''} 项待您处理` : '暂无待处理事项'}
        </Text>
      ) : null}
      <Button id='go-console' block className='btn-gap' type='primary' size='large' onClick={() => goPage(PAGE.console)}>
        进入工作台
      </Button>
    </Card>
  );
}
