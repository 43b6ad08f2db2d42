// A row of large tappable choices (kinds, tags, branches). The chosen ones carry a ✓ and bold
// text, never colour alone. One component for single and multiple choice.
import { View } from '@tarojs/components';
import './index.scss';

export interface ChipOption<T extends string | number> {
  value: T;
  label: string;
  /** Suffix of the chip's element id (defaults to the value); for values that are not id-safe. */
  key?: string;
}

export interface ChipsProps<T extends string | number> {
  id: string;
  options: Array<ChipOption<T>>;
  selected: T[];
  onToggle: (value: T) => void;
  multiple?: boolean;
  className?: string;
}

export default function Chips<T extends string | number>({ id, options, selected, onToggle, multiple = false, className }: ChipsProps<T>) {
  return (
    <View className={['ui-chips', className ?? ''].filter(Boolean).join(' ')} id={id} role={multiple ? 'group' : 'radiogroup'}>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <View
            key={String(o.value)}
            id={`${id}-${o.key ?? String(o.value)}`}
            className={on ? 'ui-chip ui-chip--on' : 'ui-chip'}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => onToggle(o.value)}
          >
            {on ? '✓ ' : multiple ? '＋ ' : ''}
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
