// A whole number with large − and ＋ buttons beside the typed value (days, times), kept within
// its bounds. Typing is free; the shown text settles on leaving the field.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import './ui.scss';

export interface StepperProps {
  /** The input's id; the buttons are `${id}-minus` and `${id}-plus`. */
  id: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  unit?: string;
}

/** Digits typed into the field, within [min, max]; null when nothing usable was typed. */
function parse(text: string, min: number, max: number): number | null {
  const digits = text.replace(/\D/g, '');
  if (digits === '') return null;
  return Math.max(min, Math.min(max, Number(digits)));
}

export default function Stepper({ id, value, onChange, min, max, unit }: StepperProps) {
  const [text, setText] = useState(String(value));
  // Follow a −/＋ tap or a loaded value unless the typed text already means the same.
  useEffect(() => {
    setText((t) => (parse(t, min, max) === value ? t : String(value)));
  }, [value, min, max]);
  const set = (n: number) => onChange(Math.max(min, Math.min(max, n)));
  return (
    <View className='ca-stepper'>
      <View id={`${id}-minus`} className={value <= min ? 'ca-stepper__btn ca-stepper__btn--off' : 'ca-stepper__btn'} aria-label='减少' onClick={() => set(value - 1)}>
        −
      </View>
      <Input
        id={id}
        className='ca-stepper__input'
        type='number'
        value={text}
        onInput={(e) => {
          setText(e.detail.value);
          const n = parse(e.detail.value, min, max);
          if (n !== null && n !== value) onChange(n);
        }}
        onBlur={() => setText(String(value))}
      />
      <View id={`${id}-plus`} className={value >= max ? 'ca-stepper__btn ca-stepper__btn--off' : 'ca-stepper__btn'} aria-label='增加' onClick={() => set(value + 1)}>
        ＋
      </View>
      {unit ? <Text className='ca-stepper__unit'>{unit}</Text> : null}
    </View>
  );
}
