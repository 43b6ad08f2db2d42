// A moment in Beijing time as two large pickers (date, then time). The value is epoch ms, so the
// phone's own time zone never shifts an exam window, an event's times or a scheduled post.
import { Picker, Text, View } from '@tarojs/components';
import { beijingParts } from '@core/domain/time';
import { fromBeijing } from '@/utils/field-input';
import './index.scss';

export interface DateTimeFieldProps {
  /** The boxes are `${id}-date` and `${id}-time`. */
  id: string;
  label: string;
  value: number;
  onChange: (epochMs: number) => void;
  className?: string;
}

export default function DateTimeField({ id, label, value, onChange, className }: DateTimeFieldProps) {
  const { day, time } = beijingParts(value);
  return (
    <View className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <Text className='field__label'>
        {label}
        <Text className='field__hint'> 北京时间</Text>
      </Text>
      <View className='ui-datetime'>
        <Picker mode='date' value={day} onChange={(e) => onChange(fromBeijing(String(e.detail.value), time))}>
          <View id={`${id}-date`} className='ui-datetime__box'>
            <Text>{day}</Text>
            <Text className='ui-datetime__arrow'>›</Text>
          </View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => onChange(fromBeijing(day, String(e.detail.value)))}>
          <View id={`${id}-time`} className='ui-datetime__box ui-datetime__box--time'>
            <Text>{time}</Text>
            <Text className='ui-datetime__arrow'>›</Text>
          </View>
        </Picker>
      </View>
    </View>
  );
}
