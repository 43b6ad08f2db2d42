// 补时, 重新开放, 强制收卷: each needs a reason that is kept on record, and some a number of
// minutes. Common reasons are one tap away; the server's refusal is shown in the sheet.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Chips from './Chips';
import Dialog from './Dialog';
import NumberField from './NumberField';
import './ui.scss';

export interface ReasonDialogProps {
  id: string;
  title: string;
  /** One line on what will happen, e.g. whose attempt. */
  desc: string;
  confirmText: string;
  /** Ask for minutes too (1–120), starting from this value. */
  minutes?: number;
  minutesLabel?: string;
  presets: string[];
  /** Resolves to an error message to show, or null when done (the sheet then closes). */
  onSubmit: (input: { minutes: number; reason: string }) => Promise<string | null>;
  onClose: () => void;
}

export default function ReasonDialog({ id, title, desc, confirmText, minutes, minutesLabel = '增加多少分钟', presets, onSubmit, onClose }: ReasonDialogProps) {
  const [mins, setMins] = useState(minutes ?? 0);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    const text = reason.trim();
    if (text === '') {
      setError('请写明原因，会留作记录');
      return;
    }
    setRunning(true);
    setError(null);
    const problem = await onSubmit({ minutes: mins, reason: text });
    setRunning(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Dialog id={id} title={title} confirmText={confirmText} onConfirm={() => void confirm()} onCancel={onClose} running={running} error={error}>
      <Text className='dialog__desc'>{desc}</Text>
      {minutes !== undefined ? <NumberField id={`${id}-minutes`} label={minutesLabel} value={mins} onChange={setMins} min={1} max={120} step={5} unit='分钟' /> : null}
      <View className='field'>
        <Text className='field__label'>原因</Text>
        <Chips id={`${id}-preset`} options={presets.map((p, i) => ({ value: p, label: p, key: String(i) }))} selected={[reason]} onToggle={setReason} />
        <Input
          id={`${id}-reason`}
          className='field__input dialog__input'
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
