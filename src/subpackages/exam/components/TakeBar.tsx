// The take page's top bar (countdown, save state, 交卷) and the answered-so-far progress line.
import { Text, View } from '@tarojs/components';
import { Button } from '@/components/nut';
import { countdownText } from '@/utils/exam-format';
import type { SaveState } from '../useAttemptSession';

const WARN_MS = 5 * 60_000;

const SAVE_TEXT: Record<SaveState, string> = {
  saved: '✓ 已保存',
  pending: '… 保存中',
  saving: '… 保存中',
  failed: '! 未保存（网络异常，将自动重试）',
};

export interface TakeBarProps {
  remaining: number;
  saveState: SaveState;
  submitDisabled: boolean;
  onSubmit: () => void;
  answered: number;
  total: number;
}

export default function TakeBar({ remaining, saveState, submitDisabled, onSubmit, answered, total }: TakeBarProps) {
  const low = remaining < WARN_MS;
  return (
    <>
      <View className='take-bar'>
        <View className={`take-bar__time${low ? ' take-bar__time--low' : ''}`}>
          <Text className='take-bar__label'>{low ? '仅剩' : '剩余'}</Text>
          <Text className='take-bar__clock' id='take-countdown'>
            {countdownText(remaining)}
          </Text>
        </View>
        <Text className={`take-save take-save--${saveState}`} id='take-save'>
          {SAVE_TEXT[saveState]}
        </Text>
        <Button id='take-submit' className='take-bar__submit' type='primary' size='small' disabled={submitDisabled} onClick={onSubmit}>
          交卷
        </Button>
      </View>

      <View className='take-progress'>
        <View className='take-progress__track'>
          <View className='take-progress__fill' style={{ width: `${Math.round((answered / total) * 100)}%` }} />
        </View>
        <Text className='take-progress__text' id='take-answered'>
          已答 {answered} / {total} 题
        </Text>
      </View>
    </>
  );
}
