// The take page's answer sheet: every question's number, answered or not, to jump to any of them.
import { Text, View } from '@tarojs/components';
import type { AnswerView, PaperQuestion } from '@core/contracts';
import { Button } from '@/components/nut';
import { isAnsweredView } from '../shared';

export interface AnswerSheetProps {
  questions: PaperQuestion[];
  answers: Record<string, AnswerView>;
  current: number;
  onPick: (index: number) => void;
  onClose: () => void;
}

export default function AnswerSheet({ questions, answers, current, onPick, onClose }: AnswerSheetProps) {
  const answered = questions.filter((q) => isAnsweredView(q, answers[q.qid])).length;
  return (
    <View className='take-sheet' id='take-sheet-panel'>
      <View className='take-sheet__mask' onClick={onClose} />
      <View className='take-sheet__panel'>
        <View className='take-sheet__head'>
          <Text className='take-sheet__title'>答题卡</Text>
          <Text className='take-sheet__count'>
            已答 {answered} 题，未答 {questions.length - answered} 题
          </Text>
        </View>
        <View className='take-sheet__legend'>
          <Text className='take-sheet__legend-item'>
            <Text className='take-sheet__swatch take-sheet__swatch--done'>✓</Text> 已答
          </Text>
          <Text className='take-sheet__legend-item'>
            <Text className='take-sheet__swatch' /> 未答
          </Text>
        </View>
        <View className='take-sheet__grid'>
          {questions.map((q, i) => {
            const done = isAnsweredView(q, answers[q.qid]);
            const classes = ['take-sheet__item', done ? 'take-sheet__item--done' : '', i === current ? 'take-sheet__item--current' : ''].filter(Boolean).join(' ');
            return (
              <View key={q.qid} id={`sheet-item-${q.index}`} className={classes} onClick={() => onPick(i)}>
                {q.index}
              </View>
            );
          })}
        </View>
        <Button id='take-sheet-close' block className='btn-gap' fill='outline' onClick={onClose}>
          返回答题
        </Button>
      </View>
    </View>
  );
}
