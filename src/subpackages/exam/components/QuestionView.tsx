// The take page's current question: its type, stem and points, then large options or the blanks to fill.
import { Input, Text, View } from '@tarojs/components';
import type { AnswerView, PaperQuestion } from '@core/contracts';
import { QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import Card from '@/components/Card';
import { letter } from '../shared';

export interface QuestionViewProps {
  q: PaperQuestion;
  total: number;
  answer: AnswerView | undefined;
  onChoose: (position: number) => void;
  onBlank: (blank: number, value: string) => void;
}

export default function QuestionView({ q, total, answer, onChoose, onBlank }: QuestionViewProps) {
  const chosen = answer?.choice ?? [];
  const texts = answer?.text ?? [];
  return (
    <Card className='take-q' id='take-question'>
      <View className='take-q__meta'>
        <Text className='tag tag--red take-q__type'>{QUESTION_TYPE_LABELS[q.type]}</Text>
        <Text className='take-q__index' id='take-index'>
          第 {q.index} / {total} 题
        </Text>
        <Text className='take-q__points'>{q.points} 分</Text>
      </View>
      <Text className='take-q__stem' id='take-stem'>
        {q.stem}
      </Text>
      {q.type === 'multiple' ? <Text className='take-q__hint'>多选题：可以选择多个答案，再点一次取消</Text> : null}
      {q.type === 'fill' ? <Text className='take-q__hint'>填空题：每个空填一个答案</Text> : null}

      {q.type !== 'fill' ? (
        <View className='take-options'>
          {q.options.map((opt, i) => {
            const on = chosen.includes(i);
            return (
              <View
                key={i}
                className={`exam-option take-option${on ? ' take-option--on' : ''}`}
                data-index={i}
                aria-checked={on}
                role={q.type === 'multiple' ? 'checkbox' : 'radio'}
                onClick={() => onChoose(i)}
              >
                <Text className='exam-option__badge'>{letter(i)}</Text>
                <Text className='exam-option__text'>{opt}</Text>
                {on ? <Text className='exam-option__mark take-option__mark'>✓ 已选</Text> : null}
              </View>
            );
          })}
        </View>
      ) : (
        <View className='take-blanks'>
          {Array.from({ length: q.blankCount }, (_, i) => (
            <View key={i} className='field'>
              <Text className='field__label'>第 {i + 1} 空</Text>
              <Input
                className='field__input take-blank'
                data-index={i}
                placeholderClass='placeholder'
                placeholder='请输入答案'
                maxlength={50}
                value={texts[i] ?? ''}
                onInput={(e) => onBlank(i, e.detail.value)}
              />
            </View>
          ))}
        </View>
      )}
    </Card>
  );
}
