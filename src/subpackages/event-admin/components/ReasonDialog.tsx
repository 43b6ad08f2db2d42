// 取消活动, 不通过, 登记出席, 取消出席: each needs a reason that is kept on record. Common reasons
// are one tap away; the server's refusal is shown in the sheet.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Chips from './Chips';
import Dialog from './Dialog';
import './ui.scss';

export interface ReasonDialogProps {
  id: string;
  title: string;
  /** One line on what will happen, e.g. whose registration. */
  desc: string;
  confirmText: string;
  /** The shortest reason the server takes (its message is shown otherwise). */
  minLength?: number;
  presets: string[];
  /** Resolves to an error message to show, or null when done (the sheet then closes). */
  onSubmit: (reason: string) => Promise<string | null>;
  onClose: () => void;
}

export default function ReasonDialog({ id, title, desc, confirmText, minLength = 2, presets, onSubmit, onClose }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    const text = reason.trim();
    if (text.length < minLength) {
      setError(`请写明原因（至少${minLength}个字），会留作记录`);
      return;
    }
    setRunning(true);
    setError(null);
    const problem = await onSubmit(text);
    setRunning(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Dialog id={id} title={title} confirmText={confirmText} onConfirm={() => void confirm()} onCancel={onClose} running={running} error={error}>
      <Text className='dialog__desc'>{desc}</Text>
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
