// A list of things to tick, one large row each with a box marked ✓ (never colour alone) and a
// second line; the attached activities of the editor and the gathered reports of a report.
import { Text, View } from '@tarojs/components';

export interface CheckItem {
  id: string;
  title: string;
  meta?: string;
}

export interface ChecklistProps {
  /** Each row is `${id}-${item.id}`. */
  id: string;
  items: CheckItem[];
  selected: string[];
  onToggle: (id: string) => void;
  disabled?: boolean;
}

export function Checklist({ id, items, selected, onToggle, disabled = false }: ChecklistProps) {
  return (
    <View id={id} role='group'>
      {items.map((item) => {
        const on = selected.includes(item.id);
        return (
          <View
            key={item.id}
            id={`${id}-${item.id}`}
            className={on ? 'cmp-check cmp-check--on' : 'cmp-check'}
            role='checkbox'
            aria-checked={on}
            aria-disabled={disabled}
            onClick={disabled ? undefined : () => onToggle(item.id)}
          >
            <Text className='cmp-check__box'>{on ? '✓' : ''}</Text>
            <View className='cmp-check__text'>
              <Text>{item.title}</Text>
              {item.meta ? <Text className='muted'>{item.meta}</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
