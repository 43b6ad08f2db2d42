// A number with large − and ＋ buttons beside a typed value (minutes, seats, days, points), kept
// within its bounds. Typing is free; the shown text settles on leaving the field. With a label it
// is a whole form field; `compact` leaves out the field's spacing, for a number inside a line.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { parseScore, parseWhole } from '@/utils/field-input';
import './index.scss';

export interface NumberFieldProps {
  /** The input's id; the buttons are `${id}-minus` and `${id}-plus`. */
  id: string;
  label?: string;
  hint?: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  /** Allow halves (2.5 points). */
  decimal?: boolean;
  compact?: boolean;
}

function parse(text: string, min: number, max: number, decimal: boolean): number | null {
  return decimal ? parseScore(text, min, max) : parseWhole(text, min, max);
}

export default function NumberField({ id, label, hint, value, onChange, min, max, step = 1, unit, decimal = false, compact = false }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  // Follow changes made from outside (a −/＋ tap, a loaded draft) unless the typed text means the same.
  useEffect(() => {
    setText((t) => (parse(t, min, max, decimal) === value ? t : String(value)));
  }, [value, min, max, decimal]);
  const set = (n: number) => onChange(Math.max(min, Math.min(max, n)));
  return (
    <View className={compact ? 'ui-num-field ui-num-field--compact' : 'field ui-num-field'}>
      {label ? (
        <Text className='field__label'>
          {label}
          {hint ? <Text className='field__hint'> {hint}</Text> : null}
        </Text>
      ) : null}
      <View className='ui-stepper'>
        <View id={`${id}-minus`} className={value <= min ? 'ui-stepper__btn ui-stepper__btn--off' : 'ui-stepper__btn'} aria-label='减少' onClick={() => set(value - step)}>
          −
        </View>
        <Input
          id={id}
          className='ui-stepper__input'
          type={decimal ? 'digit' : 'number'}
          value={text}
          onInput={(e) => {
            setText(e.detail.value);
            const n = parse(e.detail.value, min, max, decimal);
            if (n !== null && n !== value) onChange(n);
          }}
          onBlur={() => setText(String(value))}
        />
        <View id={`${id}-plus`} className={value >= max ? 'ui-stepper__btn ui-stepper__btn--off' : 'ui-stepper__btn'} aria-label='增加' onClick={() => set(value + step)}>
          ＋
        </View>
        {unit ? <Text className='ui-stepper__unit'>{unit}</Text> : null}
      </View>
    </View>
  );
}
