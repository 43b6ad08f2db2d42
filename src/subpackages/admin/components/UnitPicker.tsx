// Choose one of the units I manage. A large tappable row that opens the system picker.
import { Picker, Text, View } from '@tarojs/components';
import type { ManagedUnit } from '@core/contracts';
import './UnitPicker.scss';

export interface UnitPickerProps {
  id: string;
  label: string;
  units: ManagedUnit[];
  value: string | null;
  onChange: (unitId: string) => void;
  placeholder?: string;
}

export default function UnitPicker({ id, label, units, value, onChange, placeholder = '请选择' }: UnitPickerProps) {
  const index = Math.max(
    0,
    units.findIndex((u) => u.id === value),
  );
  const current = units.find((u) => u.id === value) ?? null;
  return (
    <View className='unit-picker'>
      <Text className='field__label'>{label}</Text>
      <Picker
        mode='selector'
        range={units.map((u) => u.name)}
        value={index}
        onChange={(e) => {
          const picked = units[Number(e.detail.value)];
          if (picked) onChange(picked.id);
        }}
      >
        <View id={id} className='unit-picker__box'>
          <Text className={current ? 'unit-picker__value' : 'unit-picker__value placeholder'}>{current ? current.name : placeholder}</Text>
          <Text className='unit-picker__arrow'>更换 ›</Text>
        </View>
      </Picker>
    </View>
  );
}
