// Choose one of the units I manage. A large tappable row that opens the system picker, which
// lists the units in tree order, each indented by its depth.
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
  const base = units.length > 0 ? Math.min(...units.map((u) => u.depth)) : 0;
  const labels = units.map((u) => `${'\u3000'.repeat(Math.min(Math.max(u.depth - base, 0), 6))}${u.name}${u.status === 'closed' ? '（已撤销）' : ''}`);
  return (
    <View className='unit-picker'>
      <Text className='field__label'>{label}</Text>
      <Picker
        mode='selector'
        range={labels}
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
