// A sheet over the page for an action that needs a few words first (a reason for the record).
// Confirm and cancel are large buttons; a failure is shown inside, the sheet stays open.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@/components/nut';
import FormError from './FormError';
import './ui.scss';

export interface DialogProps {
  id: string;
  title: string;
  children: ReactNode;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  running?: boolean;
  error?: string | null;
  confirmDisabled?: boolean;
}

export default function Dialog({ id, title, children, confirmText, onConfirm, onCancel, running = false, error, confirmDisabled = false }: DialogProps) {
  return (
    <View className='dialog' id={id} role='dialog' aria-modal='true' catchMove>
      <View className='dialog__mask' onClick={running ? undefined : onCancel} />
      <View className='dialog__panel'>
        <Text className='dialog__title'>{title}</Text>
        <View className='dialog__body'>{children}</View>
        <FormError id={`${id}-error`} message={error} />
        <View className='dialog__actions'>
          <Button className='dialog__btn' fill='outline' disabled={running} onClick={onCancel}>
            取消
          </Button>
          <Button id={`${id}-confirm`} className='dialog__btn' type='primary' loading={running} disabled={confirmDisabled || running} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
