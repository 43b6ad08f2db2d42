// One ask's totals as four tiles (已交 x/y, 晚交, 未交, 退回), warm colours only where there is
// something to handle: the campaign page's per-ask card and 报送情况's top share them.
import { Text, View } from '@tarojs/components';

export interface ReportTotalsProps {
  totals: { expected: number; submitted: number; late: number; missing: number; returned: number };
  id?: string;
  className?: string;
}

export default function ReportTotals({ totals: t, id, className }: ReportTotalsProps) {
  return (
    <View className={className ? `admin-stats ${className}` : 'admin-stats'} id={id}>
      <View className='admin-stats__item'>
        <Text className='admin-stats__value'>
          {t.submitted}/{t.expected}
        </Text>
        <Text className='admin-stats__label'>已交</Text>
      </View>
      <View className={t.late > 0 ? 'admin-stats__item admin-stats__item--warn' : 'admin-stats__item'}>
        <Text className='admin-stats__value'>{t.late}</Text>
        <Text className='admin-stats__label'>晚交</Text>
      </View>
      <View className={t.missing > 0 ? 'admin-stats__item admin-stats__item--red' : 'admin-stats__item'}>
        <Text className='admin-stats__value'>{t.missing}</Text>
        <Text className='admin-stats__label'>未交</Text>
      </View>
      <View className={t.returned > 0 ? 'admin-stats__item admin-stats__item--warn' : 'admin-stats__item'}>
        <Text className='admin-stats__value'>{t.returned}</Text>
        <Text className='admin-stats__label'>退回</Text>
      </View>
    </View>
  );
}
