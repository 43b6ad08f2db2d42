// A segmented control: a few large tabs in a row, one chosen (marked ✓ and bold, never colour
// alone). Styles are `.seg` in styles/common.scss. Ids: `<id>` for the row, `<id>-<value>`
// for each item, unless `itemId` names them otherwise (the tabs' ids predate this component).
import { View } from '@tarojs/components';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

export interface SegmentsProps<T extends string> {
  id: string;
  options: ReadonlyArray<SegmentOption<T>>;
  value: T;
  onChange: (value: T) => void;
  itemId?: (value: T) => string;
}

export default function Segments<T extends string>({ id, options, value, onChange, itemId }: SegmentsProps<T>) {
  return (
    <View className='seg' id={id} role='tablist'>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={o.value}
            id={itemId ? itemId(o.value) : `${id}-${o.value}`}
            className={on ? 'seg__item seg__item--on' : 'seg__item'}
            role='tab'
            aria-selected={on}
            onClick={() => onChange(o.value)}
          >
            {on ? '✓ ' : ''}
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
