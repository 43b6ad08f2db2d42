// A sheet over the page for an action that needs a few words first (a reason, minutes, a window).
// Confirm and cancel are large buttons; a failure is shown inside and the sheet stays open.
// ReasonDialog is the common case: a reason kept on record, common ones one tap away, or typed,
// and for 补时 or 重新开放 a number of minutes too.
import { useState, type ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@/components/nut';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import './index.scss';

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
  /** The cancel button's words; null for a notice with only the confirm button. */
  cancelText?: string | null;
}

export default function Dialog({ id, title, children, confirmText, onConfirm, onCancel, running = false, error, confirmDisabled = false, cancelText = '取消' }: DialogProps) {
  return (
    <View className='ui-dialog' id={id} role='dialog' aria-modal='true' catchMove>
      <View className='ui-dialog__mask' onClick={running ? undefined : onCancel} />
      <View className='ui-dialog__panel'>
        <Text className='ui-dialog__title'>{title}</Text>
        <View className='ui-dialog__body'>{children}</View>
        <FormError id={`${id}-error`} message={error} />
        <View className='ui-dialog__actions'>
          {cancelText === null ? null : (
            <Button id={`${id}-cancel`} className='ui-dialog__btn' fill='outline' disabled={running} onClick={onCancel}>
              {cancelText}
            </Button>
          )}
          <Button id={`${id}-confirm`} className='ui-dialog__btn' type='primary' loading={running} disabled={confirmDisabled || running} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}

export interface ReasonDialogProps {
  id: string;
  title: string;
  /** One line on what will happen and who sees the reason. */
  desc: string;
  confirmText: string;
  presets: string[];
  /** The shortest reason the server takes (its own message is shown otherwise). */
  minLength?: number;
  /** Ask for minutes too (1–120), starting from this value. */
  minutes?: number;
  minutesLabel?: string;
  /**
   * Resolves to an error message to show, or null when done (the sheet then closes). `minutes` is
   * what was chosen when the sheet asks for minutes, else undefined.
   */
  onSubmit: (reason: string, minutes: number | undefined) => Promise<string | null>;
  onClose: () => void;
}

export function ReasonDialog({ id, title, desc, confirmText, presets, minLength = 2, minutes, minutesLabel = '增加多少分钟', onSubmit, onClose }: ReasonDialogProps) {
  const [mins, setMins] = useState(minutes ?? 0);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    const text = reason.trim();
    if (text.length < Math.max(1, minLength)) {
      setError(minLength > 1 ? `请写明原因（至少${minLength}个字），会留作记录` : '请写明原因，会留作记录');
      return;
    }
    setRunning(true);
    setError(null);
    const problem = await onSubmit(text, minutes !== undefined ? mins : undefined);
    setRunning(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Dialog id={id} title={title} confirmText={confirmText} onConfirm={() => void confirm()} onCancel={onClose} running={running} error={error}>
      <Text className='ui-dialog__desc'>{desc}</Text>
      {minutes !== undefined ? <NumberField id={`${id}-minutes`} label={minutesLabel} value={mins} onChange={setMins} min={1} max={120} step={5} unit='分钟' /> : null}
      <View className='field'>
        <Text className='field__label'>原因</Text>
        <Chips id={`${id}-preset`} options={presets.map((p, i) => ({ value: p, label: p, key: String(i) }))} selected={[reason]} onToggle={setReason} />
        <Input
          id={`${id}-reason`}
          className='field__input ui-dialog__input'
          placeholderClass='placeholder'
          placeholder='也可以自己填写'
          maxlength={100}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
      </View>
    </Dialog>
  );
}
