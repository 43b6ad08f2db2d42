// 图表样例: both charts over fixed sample data, with the 大字模式 switch beside them. Built into
// the H5 app only (see app.config.ts), for a developer checking a change to the charts and for
// the Chromium test that checks they draw; it reads no data and writes nothing.
import { Button, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import { useSenior } from '@/hooks/useSenior';
import { BarChart, TrendChart } from './index';
import './preview.scss';

const DAYS = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 10).padStart(2, '0')}`);

const RATES = [
  { label: '第一支部', value: 80, max: 100, note: '8/10 人' },
  { label: '第二支部', value: 40, max: 100, note: '4/10 人' },
  { label: '离退休党员支部', value: 20, max: 100, note: '2/10 人' },
];

const COUNTS = [
  { label: '第一支部', value: 30 },
  { label: '第二支部', value: 15 },
  { label: '离退休党员支部', value: 60 },
];

const SERIES = [
  { name: '打卡', values: DAYS.map((_, i) => 40 + i * 3) },
  { name: '答题', values: DAYS.map((_, i) => 90 - i * 4) },
  // A day without a figure: a gap in the line, not a fall to zero.
  { name: '考试', values: DAYS.map((_, i) => (i === 6 ? Number.NaN : 10 + ((i * 7) % 30))) },
];

export default function Page() {
  const [senior, setSenior] = useSenior();
  return (
    <PageShell>
      <View className='chart-preview'>
        <View className='chart-preview__switch'>
          <Text>大字模式</Text>
          <Switch id='chart-preview-senior' checked={senior} color='#C8161D' onChange={(e) => setSenior(e.detail.value)} />
        </View>
        <Text className='chart-preview__title'>完成率</Text>
        <BarChart id='preview-rates' unit='%' items={RATES} />
        <Text className='chart-preview__title'>人数</Text>
        <BarChart id='preview-counts' unit='人' items={COUNTS} />
        <Text className='chart-preview__title'>每日参与</Text>
        <TrendChart id='preview-trend' unit='%' days={DAYS} series={SERIES} />
        <Text className='chart-preview__title'>没有数据时</Text>
        <TrendChart id='preview-trend-empty' days={[]} series={[]} />
        <BarChart id='preview-bars-empty' items={[]} />
        {/* The same charts on a page opened over this one (in H5 this one stays below, hidden). */}
        <Button id='chart-preview-again' className='chart-preview__again' onClick={() => void Taro.navigateTo({ url: '/subpackages/console/charts/preview' })}>
          在新的一页再看一次
        </Button>
      </View>
    </PageShell>
  );
}
