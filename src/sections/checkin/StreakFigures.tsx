// 我的打卡: the current streak, the longest, the total and the make-ups left this month.
import { Text, View } from '@tarojs/components';
import type { MyCheckins } from '@core/contracts';
import Card from '@/components/Card';
import './StreakFigures.scss';

export default function StreakFigures({ data }: { data: MyCheckins }) {
  return (
    <Card title='我的打卡'>
      <View className='streak' id='checkin-figures'>
        <Text className='streak__main' id='checkin-streak'>
          连续打卡 <Text className='streak__num'>{data.currentStreak}</Text> 天
        </Text>
        <View className='streak__tiles'>
          <View className='streak__tiles__item' id='checkin-longest'>
            <Text className='streak__tiles__value'>{data.longestStreak}</Text>
            <Text className='streak__tiles__label'>最长 {data.longestStreak} 天</Text>
          </View>
          <View className='streak__tiles__item' id='checkin-total'>
            <Text className='streak__tiles__value'>{data.total}</Text>
            <Text className='streak__tiles__label'>累计 {data.total} 天</Text>
          </View>
          <View className='streak__tiles__item' id='checkin-makeups-left'>
            <Text className='streak__tiles__value'>{data.makeupsLeftThisMonth}</Text>
            <Text className='streak__tiles__label'>本月还可补卡 {data.makeupsLeftThisMonth} 次</Text>
          </View>
        </View>
      </View>
    </Card>
  );
}
