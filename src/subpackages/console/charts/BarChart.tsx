// Horizontal bars, one per item, drawn with Views: the labels and values are reading text (they
// scale with 大字模式, wrap on a narrow screen and reach a screen reader), and a bar is just a box
// whose width is its share of the track.
import { Text, View } from '@tarojs/components';
import { useSenior } from '@/hooks/useSenior';
import { barFractions, formatValue, type BarItem } from './scale';
import './index.scss';

export interface BarChartProps {
  id: string;
  items: BarItem[];
  unit?: string;
}

export default function BarChart({ id, items, unit }: BarChartProps) {
  const [senior] = useSenior();
  if (items.length === 0) {
    return (
      <View id={id} className='chart chart--empty'>
        <Text className='chart__empty'>暂无数据</Text>
      </View>
    );
  }
  const fractions = barFractions(items);
  return (
    <View id={id} className={`chart chart-bars${senior ? ' chart--senior' : ''}`}>
      {items.map((item, i) => {
        const value = formatValue(item.value, unit);
        return (
          <View key={`${item.label}-${i}`} className='chart-bars__row' ariaLabel={`${item.label} ${value}`}>
            <View className='chart-bars__head'>
              <Text className='chart-bars__label'>{item.label}</Text>
              {item.note ? <Text className='chart-bars__note'>{item.note}</Text> : null}
            </View>
            <View className='chart-bars__line'>
              <View className='chart-bars__track'>
                <View className='chart-bars__fill' style={{ width: `${(fractions[i] * 100).toFixed(2)}%` }} />
              </View>
              <Text className='chart-bars__value'>{value}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}
