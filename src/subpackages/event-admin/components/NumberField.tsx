// A whole number with large − and ＋ buttons beside a typed value (seats, hours), kept within its
// bounds. Typing is free; the value settles on leaving the field.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { parseWhole } from './format';
import './ui.scss';

export interface NumberFieldProps {
  id: string;
  label?: string;
  hint?: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  compact?: boolean;
}

export default function NumberField({ id, label, hint, value, onChange, min, max, step = 1, unit, compact = false }: NumberFieldProps) {
  const parse = (t: string) => parseWhole(t, min, max);
  const [text, setText] = useState(String(value));

  // Follow changes made from outside (a −/＋ tap, a loaded draft) unless the typed text means the same.
  useEffect(() => {
    setText((t) => (parse(t) === value ? t : String(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- parse depends only on the bounds
  }, [value]);

  const set = (n: number) => onChange(Math.max(min, Math.min(max, n)));

  return (
    <View className={compact ? 'num-field num-field--compact' : 'field num-field'}>
      {label ? (
        <Text className='field__label'>
          {label}
          {hint ? <Text className='field__hint'> {hint}</Text> : null}
        </Text>
      ) : null}
      <View className='stepper'>
        <View id={`${id}-minus`} className={value <= min ? 'stepper__btn stepper__btn--off' : 'stepper__btn'} aria-label='减少' onClick={() => set(value - step)}>
          −
        </View>
        <Input
          id={id}
          className='stepper__input'
          type='number'
          value={text}
          onInput={(e) => {
            setText(e.detail.value);
            const n = parse(e.detail.value);
            if (n !== null && n !== value) onChange(n);
          }}
          onBlur={() => setText(String(value))}
        />
        <View id={`${id}-plus`} className={value >= max ? 'stepper__btn stepper__btn--off' : 'stepper__btn'} aria-label='增加' onClick={() => set(value + step)}>
          ＋
        </View>
        {unit ? <Text className='stepper__unit'>{unit}</Text> : null}
      </View>
    </View>
  );
}
