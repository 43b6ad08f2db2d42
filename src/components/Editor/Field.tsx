// The rows an editor's form is made of: a labelled field (with an optional hint after the label)
// and a line with a switch, its state written beside it (开/关) so it never rests on colour alone.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Switch } from '@/components/nut';
import './index.scss';

export interface FieldProps {
  label: string;
  /** Said after the label in smaller grey text, e.g. 选填. */
  hint?: string;
  /** Added to `field`, e.g. btn-gap. */
  className?: string;
  children: ReactNode;
}

export function Field({ label, hint, className, children }: FieldProps) {
  return (
    <View className={className ? `field ${className}` : 'field'}>
      <Text className='field__label'>
        {label}
        {hint ? <Text className='field__hint'>{` ${hint}`}</Text> : null}
      </Text>
      {children}
    </View>
  );
}

export interface SwitchLineProps {
  /** The switch's element id; its state word is `${id}-state`. */
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function SwitchLine({ id, label, hint, checked, onChange }: SwitchLineProps) {
  return (
    <View className='editor-line'>
      <View className='editor-line__text'>
        <Text>{label}</Text>
        {hint ? <Text className='editor-line__hint'>{hint}</Text> : null}
      </View>
      <Text className='muted' id={`${id}-state`}>
        {checked ? '开' : '关'}
      </Text>
      <Switch id={id} checked={checked} onChange={(v: boolean) => onChange(v)} />
    </View>
  );
}
