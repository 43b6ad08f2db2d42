// One question of the daily quiz: 第 n / 5 题, the stem, the options as big buttons (single and
// judge answer on the tap; multiple: choose, then 提交) or the blanks to fill. After the answer the
// same block shows the verdict in words and colour, the right answer and 解析, with ✓ and ✗ on the
// options, so nothing is told by colour alone.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { QuizAnswerView, QuizQuestion, QuizVerdict } from '@core/contracts';
import { QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { letter, mineText, rightAnswerText } from '@/utils/quiz-format';

export interface QuestionBlockProps {
  q: QuizQuestion;
  total: number;
  verdict: QuizVerdict | null;
  sending: boolean;
  onAnswer: (answer: QuizAnswerView) => void;
}

function optionClass(i: number, picked: number[], verdict: QuizVerdict | null): string {
  const base = 'quiz-option';
  if (!verdict) return picked.includes(i) ? `${base} quiz-option--on` : base;
  if (verdict.correctChoice.includes(i)) return `${base} quiz-option--right`;
  return (verdict.mine.choice ?? []).includes(i) ? `${base} quiz-option--wrong` : base;
}

function optionMark(i: number, picked: number[], verdict: QuizVerdict | null): string {
  if (!verdict) return picked.includes(i) ? '✓ 已选' : '';
  if (verdict.correctChoice.includes(i)) return '✓ 正确答案';
  return (verdict.mine.choice ?? []).includes(i) ? '✗ 您的选择' : '';
}

/** A contest question whose time ran out (or whose answer came too late): nothing of the member's was recorded. */
const answeredNothing = (v: QuizVerdict) => (v.mine.choice ?? []).length === 0 && (v.mine.text ?? []).length === 0;

export default function QuestionBlock({ q, total, verdict, sending, onAnswer }: QuestionBlockProps) {
  const [picked, setPicked] = useState<number[]>([]);
  const [texts, setTexts] = useState<string[]>(() => Array.from({ length: q.blankCount }, () => ''));
  const locked = verdict !== null || sending;

  const tap = (i: number) => {
    if (locked) return;
    if (q.type === 'multiple') setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i].sort((a, b) => a - b)));
    else {
      setPicked([i]);
      onAnswer({ choice: [i] });
    }
  };

  return (
    <Card className='quiz-q' id='quiz-question'>
      <View className='quiz-q__meta'>
        <Text className='tag tag--red'>{QUESTION_TYPE_LABELS[q.type]}</Text>
        <Text className='quiz-q__index' id='quiz-index'>
          第 {q.index} / {total} 题
        </Text>
      </View>
      <Text className='quiz-q__stem' id='quiz-stem'>
        {q.stem}
      </Text>
      {q.type === 'multiple' && !verdict ? <Text className='quiz-q__hint'>多选题：选好所有答案后点“提交”</Text> : null}

      {q.type !== 'fill' ? (
        <View className='quiz-options'>
          {q.options.map((opt, i) => (
            <View key={i} className={optionClass(i, picked, verdict)} data-index={i} role={q.type === 'multiple' ? 'checkbox' : 'radio'} aria-checked={picked.includes(i)} onClick={() => tap(i)}>
              <Text className='quiz-option__badge'>{q.type === 'judge' ? (i === 0 ? '✓' : '✗') : letter(i)}</Text>
              <Text className='quiz-option__text'>{opt}</Text>
              {optionMark(i, picked, verdict) ? <Text className='quiz-option__mark'>{optionMark(i, picked, verdict)}</Text> : null}
            </View>
          ))}
        </View>
      ) : (
        <View className='quiz-blanks'>
          {texts.map((value, i) => (
            <View key={i} className='field'>
              <Text className='field__label'>第 {i + 1} 空</Text>
              <Input
                className='field__input quiz-blank'
                data-index={i}
                disabled={locked}
                placeholderClass='placeholder'
                placeholder='请输入答案'
                maxlength={50}
                value={value}
                onInput={(e) => {
                  const next = [...texts];
                  next[i] = e.detail.value;
                  setTexts(next);
                }}
              />
            </View>
          ))}
        </View>
      )}

      {!verdict && (q.type === 'multiple' || q.type === 'fill') ? (
        <Button
          id='quiz-submit'
          block
          type='primary'
          size='large'
          className='quiz-submit'
          loading={sending}
          disabled={sending || (q.type === 'multiple' ? picked.length === 0 : texts.every((t) => t.trim() === ''))}
          onClick={() => onAnswer(q.type === 'multiple' ? { choice: picked } : { text: texts })}
        >
          提交
        </Button>
      ) : null}

      {verdict ? (
        <View className={`quiz-verdict ${verdict.correct ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`} id='quiz-verdict'>
          <Text className='quiz-verdict__title'>{verdict.correct ? '✓ 回答正确' : answeredNothing(verdict) ? '✗ 没有在答题时间内作答' : '✗ 回答错误'}</Text>
          {!verdict.correct && !answeredNothing(verdict) ? <Text className='quiz-verdict__line'>您的答案：{mineText(q, verdict)}</Text> : null}
          <Text className='quiz-verdict__line' id='quiz-right'>
            正确答案：{rightAnswerText(q, verdict)}
          </Text>
          {verdict.explanation ? (
            <Text className='quiz-verdict__explain' id='quiz-explanation'>
              解析：{verdict.explanation}
            </Text>
          ) : null}
        </View>
      ) : null}
    </Card>
  );
}
