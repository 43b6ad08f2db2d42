// A Beijing day (YYYY-MM-DD) in one large box that opens the system date picker, shown as
// '5月3日 周六'. Day keys carry no time zone, so the phone's zone cannot shift them.
import { Picker, Text, View } from '@tarojs/components';
import { dayTitle, weekdayText } from '@/utils/checkin-format';
import './ui.scss';

export interface DayPickerProps {
  /** The box's id (what a test taps). */
  id: string;
  value: string;
  onChange: (day: string) => void;
  /** Latest day that may be picked (e.g. today for statistics). */
  end?: string;
  start?: string;
}

export default function DayPicker({ id, value, onChange, end, start }: DayPickerProps) {
  return (
    <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className='ca-daybox' data-day={value}>
        <Text>
          {dayTitle(value)} {weekdayText(value)}
        </Text>
        <Text className='ca-daybox__arrow'>›</Text>
      </View>
    </Picker>
  );
}
