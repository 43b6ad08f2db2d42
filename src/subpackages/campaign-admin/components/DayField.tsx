// A Beijing day (YYYY-MM-DD) as one large date picker with its label above: a stage's start and
// end, an ask's due day. The value is the day key itself, so the phone's time zone never moves it.
import { Picker, Text, View } from '@tarojs/components';

export interface DayFieldProps {
  /** The box's element id. */
  id: string;
  label: string;
  value: string;
  onChange: (day: string) => void;
}

export function DayField({ id, label, value, onChange }: DayFieldProps) {
  return (
    <View>
      <Text className='cmp-day__label'>{label}</Text>
      <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className='cmp-day'>
          <Text>{value || '请选择'}</Text>
          <Text className='muted'>›</Text>
        </View>
      </Picker>
    </View>
  );
}
