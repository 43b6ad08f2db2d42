// Pick one unit from a list shown as a tree (each row indented by its depth below the shallowest
// one shown): the target of a move, where a closed unit's members go, a member's new unit. Large
// rows; the chosen one carries a ✓ and bold text, not colour alone.
import { Text, View } from '@tarojs/components';
import type { ManagedUnit } from '@core/contracts';
import './UnitChoice.scss';

/** Left padding for a unit `depth - base` levels down (capped, so deep trees stay readable). */
export function treeIndent(depth: number, base: number): string {
  return `${Math.min(Math.max(depth - base, 0), 6) * 28}px`;
}

export interface UnitChoiceProps {
  id: string;
  units: ManagedUnit[];
  value: string | null;
  onPick: (id: string) => void;
  /** The depth drawn flush left; defaults to the shallowest unit of `units`. */
  base?: number;
}

export default function UnitChoice({ id, units, value, onPick, base }: UnitChoiceProps) {
  const left = base ?? (units.length > 0 ? Math.min(...units.map((u) => u.depth)) : 0);
  return (
    <View className='tree-pick' id={id} role='radiogroup'>
      {units.map((u) => (
        <View
          key={u.id}
          id={`${id}-${u.id}`}
          role='radio'
          aria-checked={u.id === value}
          className={u.id === value ? 'tree-pick__row tree-pick__row--on' : 'tree-pick__row'}
          style={{ paddingLeft: treeIndent(u.depth, left) }}
          onClick={() => onPick(u.id)}
        >
          <Text>
            {u.id === value ? '✓ ' : ''}
            {u.name}
          </Text>
        </View>
      ))}
    </View>
  );
}
