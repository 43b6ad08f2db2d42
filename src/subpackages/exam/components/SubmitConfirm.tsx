// The take page's 交卷 confirmation (naming the unanswered questions) and the cover shown while the paper is handed in.
import { Text, View } from '@tarojs/components';
import type { AnswerView, PaperQuestion } from '@core/contracts';
import { askConfirm } from '@/components/Dialog/confirm';
import { numberList } from '@/utils/exam-format';
import { isAnsweredView } from '../shared';
import type { Submitting } from './useHandIn';

/** Asks before handing in; true when the member confirms. */
export async function confirmSubmit(questions: PaperQuestion[], answers: Record<string, AnswerView>): Promise<boolean> {
  const missing = questions.filter((x) => !isAnsweredView(x, answers[x.qid])).map((x) => x.index);
  const content = missing.length > 0 ? `还有第 ${numberList(missing)} 题未作答，确定交卷吗？` : '已全部作答。交卷后不能再修改，确定交卷吗？';
  return askConfirm({ title: '交卷', content, confirmText: '交卷', cancelText: '继续答题' });
}

export function SubmittingCover({ submitting }: { submitting: Submitting }) {
  if (!submitting) return null;
  return (
    <View className='take-cover' id='take-submitting'>
      <View className='take-cover__box'>
        <Text className='take-cover__title'>{submitting === 'auto' ? '时间到，正在自动交卷…' : '正在交卷…'}</Text>
        <Text className='take-cover__text'>请不要关闭页面</Text>
      </View>
    </View>
  );
}
