// The stats page's head card: the exam's title and phase, the overall numbers, and 导出成绩 / 监考 / 安排补考.
import { Text, View } from '@tarojs/components';
import type { ExamStatsView } from '@core/contracts';
import Card from '@/components/Card';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { goPage, PAGE } from '@/utils/nav';
import { PHASE_LABELS, PHASE_TAG_CLASS } from './format';

export interface StatsHeadProps {
  examId: string;
  stats: ExamStatsView;
  exporting: boolean;
  exportError: string | undefined;
  onExport: () => void;
  onMakeup: () => void;
}

export default function StatsHead({ examId, stats: s, exporting, exportError, onExport, onMakeup }: StatsHeadProps) {
  const o = s.overall;
  return (
    <Card id='stats-head'>
      <View className='admin-row__head'>
        <Text className='stats-head__title'>{s.title}</Text>
        {s.kind === 'makeup' ? <Text className='tag tag--gold'>补考</Text> : null}
        <Text className={PHASE_TAG_CLASS[s.phase]}>{PHASE_LABELS[s.phase]}</Text>
      </View>
      <Text className='stats-head__meta'>
        总分 {s.totalScore} 分 · 及格 {s.passScore} 分
      </Text>
      <View className='admin-stats' id='stats-overall'>
        <View className='admin-stats__item'>
          <Text className='admin-stats__value'>
            {o.submitted}/{o.audience}
          </Text>
          <Text className='admin-stats__label'>已考/应考</Text>
        </View>
        <View className='admin-stats__item admin-stats__item--ok'>
          <Text className='admin-stats__value'>{o.passed}</Text>
          <Text className='admin-stats__label'>及格</Text>
        </View>
        <View className='admin-stats__item admin-stats__item--warn'>
          <Text className='admin-stats__value'>{o.absent}</Text>
          <Text className='admin-stats__label'>{s.phase === 'closed' ? '缺考' : '未参加'}</Text>
        </View>
      </View>
      <View className='admin-actions btn-gap'>
        <Button id='stats-export' className='admin-actions__btn' type='primary' loading={exporting} onClick={onExport}>
          导出成绩
        </Button>
        {s.phase === 'open' ? (
          <Button id='stats-monitor' className='admin-actions__btn' fill='outline' onClick={() => goPage(`${PAGE.examMonitor}?id=${examId}`)}>
            监考
          </Button>
        ) : null}
        {s.phase === 'closed' && s.kind !== 'makeup' ? (
          <Button id='stats-makeup' className='admin-actions__btn' fill='outline' type='primary' onClick={onMakeup}>
            安排补考
          </Button>
        ) : null}
      </View>
      <FormError message={exportError} className='btn-gap' />
    </Card>
  );
}
