// A row of large tappable choices (a branch, the audience of a campaign). The chosen ones carry a
// ✓ and bold text, never colour alone. Single or multiple choice.
import { View } from '@tarojs/components';
import './ui.scss';

export interface ChipOption {
  value: string;
  label: string;
}

export interface ChipsProps {
  /** Each chip's id is `${id}-${value}`. */
  id: string;
  options: ChipOption[];
  selected: string[];
  onToggle: (value: string) => void;
  multiple?: boolean;
}

export default function Chips({ id, options, selected, onToggle, multiple = false }: ChipsProps) {
  return (
    <View className='ca-chips' id={id} role={multiple ? 'group' : 'radiogroup'}>
      {options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <View
            key={o.value}
            id={`${id}-${o.value}`}
            className={on ? 'ca-chip ca-chip--on' : 'ca-chip'}
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
