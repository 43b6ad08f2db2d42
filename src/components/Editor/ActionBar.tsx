// An editor's row of buttons (保存草稿 · 发布): side by side, sharing the width, all disabled
// while one of them runs. Each button passes on only the NutUI props it names, so NutUI's own
// defaults hold for the rest (an explicit undefined would override them).
import type { ComponentProps } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@/components/nut';
import './index.scss';

type NutButtonProps = ComponentProps<typeof Button>;

export interface ActionBarButton {
  id: string;
  text: string;
  onClick: () => void;
  loading?: boolean;
  type?: NutButtonProps['type'];
  fill?: NutButtonProps['fill'];
}

export interface ActionBarProps {
  buttons: ActionBarButton[];
  /** Every button is disabled while an action runs. */
  disabled: boolean;
  /** The BEM block: the row's class; each button gets `${block}__btn`. */
  block?: string;
  /** Added to the row's class, e.g. btn-gap. */
  className?: string;
  size?: NutButtonProps['size'];
}

export function ActionBar({ buttons, disabled, block = 'editor-actions', className, size }: ActionBarProps) {
  return (
    <View className={className ? `${block} ${className}` : block}>
      {buttons.map((b) => (
        <Button
          key={b.id}
          id={b.id}
          className={`${block}__btn`}
          {...(b.type !== undefined ? { type: b.type } : {})}
          {...(b.fill !== undefined ? { fill: b.fill } : {})}
          {...(size !== undefined ? { size } : {})}
          loading={b.loading ?? false}
          disabled={disabled}
          onClick={b.onClick}
        >
          {b.text}
        </Button>
      ))}
    </View>
  );
}
