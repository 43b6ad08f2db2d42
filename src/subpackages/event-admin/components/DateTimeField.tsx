// A moment in Beijing time as two large pickers (date, then time). The value is epoch ms, so the
// phone’s own time zone never shifts an event’s times.
import { Picker, Text, View } from '@tarojs/components';
import { beijingParts, fromBeijing } from './format';
import './ui.scss';

export interface DateTimeFieldProps {
  id: string;
  label: string;
  value: number;
  onChange: (epochMs: number) => void;
}

export default function DateTimeField({ id, label, value, onChange }: DateTimeFieldProps) {
  const { day, time } = beijingParts(value);
  return (
    <View className='field'>
      <Text className='field__label'>
        {label}
        <Text className='field__hint'> 北京时间</Text>
      </Text>
      <View className='datetime'>
        <Picker mode='date' value={day} onChange={(e) => onChange(fromBeijing(String(e.detail.value), time))}>
          <View id={`${id}-date`} className='datetime__box'>
            <Text>{day}</Text>
            <Text className='datetime__arrow'>›</Text>
          </View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => onChange(fromBeijing(day, String(e.detail.value)))}>
          <View id={`${id}-time`} className='datetime__box datetime__box--time'>
            <Text>{time}</Text>
            <Text className='datetime__arrow'>›</Text>
          </View>
        </Picker>
      </View>
    </View>
  );
}
