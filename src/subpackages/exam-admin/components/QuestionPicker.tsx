// 固定试卷: tick questions from the bank (filtered by type and area); every member gets the same
// questions. The types of the rows seen are reported up, so the editor can total the score.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { QuestionRow } from '@core/contracts';
import { AREA_TAGS, QUESTION_TYPE_LABELS, QUESTION_TYPES, type QuestionType } from '@core/domain/exam/questions';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import Chips from '@/components/Chips';
import './ui.scss';

export interface QuestionPickerProps {
  selected: string[];
  onToggle: (q: QuestionRow) => void;
  onSeen: (rows: QuestionRow[]) => void;
}

const ALL = 'all';

export default function QuestionPicker({ selected, onToggle, onSeen }: QuestionPickerProps) {
  const [type, setType] = useState<QuestionType | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const list = usePaged('exam', 'listQuestions', { status: 'active', type, tag, limit: 30 }, [type, tag]);

  useEffect(() => {
    if (list.items.length > 0) onSeen(list.items);
  }, [list.items, onSeen]);

  return (
    <View id='editor-picker'>
      <Text className='rule__label'>题型</Text>
      <Chips
        id='editor-pick-type'
        options={[{ value: ALL, label: '全部' }, ...QUESTION_TYPES.map((t) => ({ value: t as string, label: QUESTION_TYPE_LABELS[t] }))]}
        selected={[type ?? ALL]}
        onToggle={(v) => setType(v === ALL ? null : (v as QuestionType))}
      />
      <Text className='rule__label'>分类</Text>
      <Chips
        id='editor-pick-tag'
        options={[{ value: ALL, label: '全部' }, ...AREA_TAGS.map((t, i) => ({ value: t as string, label: t, key: String(i) }))]}
        selected={[tag ?? ALL]}
        onToggle={(v) => setTag(v === ALL ? null : v)}
      />
      <View className='btn-gap'>
        <PagedList
          list={list}
          empty={{ title: '没有符合条件的题目', desc: '可以换个题型或分类，或先到题库添加题目' }}
          moreId='editor-pick-more'
          endText={`已显示全部 ${list.items.length} 道题`}
        >
          {(items) =>
            items.map((q) => {
              const on = selected.includes(q.id);
              return (
                <View
                  key={q.id}
                  id={`editor-pick-${q.id}`}
                  className={on ? 'pick pick--on' : 'pick'}
                  role='checkbox'
                  aria-checked={on}
                  onClick={() => onToggle(q)}
                >
                  <Text className='pick__box'>{on ? '✓' : ''}</Text>
                  <View className='pick__main'>
                    <Text className='pick__type'>{QUESTION_TYPE_LABELS[q.type]}</Text>
                    <Text className='pick__stem clamp-2'>{q.stem}</Text>
                  </View>
                </View>
              );
            })
          }
        </PagedList>
      </View>
    </View>
  );
}
